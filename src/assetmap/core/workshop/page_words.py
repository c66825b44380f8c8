"""The phone page's words, sent with its config in the language the app is in.

The page's own files (web/index.html, web/app.js) are written in English and show it until
the config arrives, then put these in by key (``data-w`` on an element, ``w(key, English)``
in the script): a workshop run from the Welsh app greets phones in Welsh. A key the page
does not find here keeps its English, so the two may grow apart without breaking it.
"""

from __future__ import annotations

from assetmap.core.i18n import language, translatable, translated

PAGE_WORDS = {
    "title": translatable("Workshop map"),
    "my_pins": translatable("My pins"),
    "map_label": translatable("Map: tap where something is, or is missing"),
    "hint": translatable("Tap the map where something is, or where something is missing."),
    "locate": translatable("Use my location"),
    "add_pin": translatable("Add a pin"),
    "change_pin": translatable("Change your pin"),
    "tap_to_move": translatable("Tap the map to move the pin."),
    "marking": translatable("What are you marking?"),
    "is_here": translatable("Something that is here"),
    "is_missing_here": translatable("Something that is missing here"),
    "kind": translatable("Kind of place or service"),
    "choose": translatable("Choose one…"),
    "name": translatable("Name"),
    "name_help": translatable("(what is it?)"),
    "note": translatable("Note"),
    "optional": translatable("(optional)"),
    "your_name": translatable("Your name"),
    "your_name_help": translatable("(optional, kept on this phone)"),
    "cancel": translatable("Cancel"),
    "send": translatable("Send"),
    "save": translatable("Save"),
    "none_yet": translatable("You have not added any pins yet."),
    "back": translatable("Back to the map"),
    "unreachable": translatable(
        "Cannot reach the facilitator's laptop. Check you are on the workshop Wi-Fi."
    ),
    "went_wrong": translatable("Something went wrong ({status}). Try again."),
    "key_here": translatable("Is here"),
    "key_missing": translatable("Is missing"),
    "missing_pin": translatable("Missing: {name}"),
    "approved": translatable("on the map"),
    "rejected": translatable("not accepted"),
    "pending": translatable("waiting for the facilitator"),
    "choose_kind": translatable("Please choose the kind of place or service."),
    "give_name": translatable("Please give it a name."),
    "saved": translatable("Saved. The facilitator will look at it again."),
    "thanks": translatable("Thank you! Your pin is waiting for the facilitator."),
    "no_location": translatable("This phone cannot share its location. Tap the map instead."),
    "location_unavailable": translatable("Your location is not available. Tap the map instead."),
    "change": translatable("Change"),
    "withdraw": translatable("Withdraw"),
    "withdraw_ask": translatable("Withdraw “{name}”?"),
    "withdrawn": translatable("Withdrawn."),
}


def page_words() -> dict[str, str]:
    """Every word of the page in the language chosen now."""
    return {key: translated(english) for key, english in PAGE_WORDS.items()}


def page_language() -> str:
    """The page's ``lang``: what screen readers pronounce it as."""
    return language()
