"""Widgets of the reader app; every Arabic string in them is painted by the layout engine."""
