"""Workshop mode on the desktop: the presentation window for the projector, and the
facilitator's side (the session, sharing it with phones through the server's tiles and QR
code, the moderation queue and the session summary)."""
