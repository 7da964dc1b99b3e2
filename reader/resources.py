"""Where the files that ship with the package live.

`seeds/` and `styles/` sit at the top of the source tree (the design card's layout) and are
copied into the wheel as `reader/seeds` and `reader/styles`; an editable install or a run from
the checkout finds them at the top of the tree instead.
"""

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def resource_dir(name: str) -> Path:
    """The installed copy of the top-level folder `name`, or the checkout's own."""
    installed = _PACKAGE / name
    return installed if installed.is_dir() else _PACKAGE.parent / name


def sample_article() -> Path:
    """The bundled article that `reader` opens when given no argument."""
    return resource_dir("seeds") / "karabakh-separatists-surrender.txt"
