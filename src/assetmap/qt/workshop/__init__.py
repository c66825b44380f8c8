"""The facilitator's side of a workshop: the session, sharing it with phones (the server's
tiles and the QR code), the moderation queue and the session summary."""
