"""reader: a terminal reader for Arabic news articles."""

from importlib.metadata import PackageNotFoundError, version

DISTRIBUTION = "arabic-news-reader"
"""The name on the package index ("reader" there is an unrelated library)."""

try:
    __version__ = version(DISTRIBUTION)
except PackageNotFoundError:  # a checkout run without installing
    __version__ = "0+unknown"
