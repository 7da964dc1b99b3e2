"""reader: a terminal reader for Arabic news articles."""

__version__ = "0.1.0"
