"""The parts the main window is composed of, one concern each: picking what is under the
cursor, the selection, zooming, the network badge and the recent projects."""
