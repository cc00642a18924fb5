"""Widgets of our own: the timeline and the problems panel."""
