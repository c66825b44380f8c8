from support.workshop import demo, other_phone, phone, stack, workshop_id  # noqa: F401
