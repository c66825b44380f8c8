"""The native map canvas: QPainter rendering off the GUI thread, cached images for pan/zoom."""
