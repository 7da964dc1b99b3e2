"""Screens of the reader app: one article, the library of articles."""
