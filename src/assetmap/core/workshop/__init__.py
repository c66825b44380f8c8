"""Workshop mode: live mapping sessions where residents add pins from their phones.

Sessions and their contributions are ordinary project data (``am_workshops``, asset rows
with a ``workshop_id``); every change goes through ``core.commands.workshop`` so it reaches
the change feed and every open window. Nothing here imports Qt or opens a socket.
"""
