"""Workshop mode on the desktop: the presentation window (wspresent) and the facilitator's
panel and controller (wspanel)."""
