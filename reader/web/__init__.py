"""The web: fetching pages and feeds safely, parsing feeds and OPML, opening article URLs.

Nothing here touches the network unless a caller passes a URL the user gave or asks for a
refresh; what is fetched goes into the offline store (`reader.store`).
"""

from __future__ import annotations

SCHEMES = ("http", "https")


def is_url(argument: str) -> bool:
    """Whether a command-line argument is a web address rather than a file name.

    `./http:x` or any name without `http://`/`https://` stays a file.
    """
    scheme, separator, rest = argument.partition("://")
    return bool(separator) and scheme.lower() in SCHEMES and bool(rest)
