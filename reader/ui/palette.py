"""Colours the reader adds to each theme, chosen to be readable where they are drawn.

A fixed colour per entity type reads on a dark background and vanishes on a light one, so
each theme gets its own: for every colour the reader draws text in, the colour of the
256-colour palette closest to its hue whose contrast ratio with every background it is
drawn on is at least WCAG AA's 4.5:1, both as sent and as a 256-colour terminal shows the
pair (Rich's downgrade, without COLORTERM=truecolor). The selected mention is the same
pair reversed; the search highlight is a background under the theme's text colour, chosen
the same way. A theme whose own text misses the bar gets the nearest colour that does not.
"""

from __future__ import annotations

import colorsys
from collections.abc import Iterable, Mapping
from functools import lru_cache

from rich.color import Color as RichColor
from rich.color import ColorSystem
from rich.color_triplet import ColorTriplet
from textual.color import Color

MINIMUM_CONTRAST = 4.5
"""WCAG 2 level AA for normal text."""
_MARGIN = 0.05
"""Chosen colours clear the bar by this much, against rounding in Textual's blending."""

HUES = {"person": 40.0, "place": 140.0, "organization": 215.0, "number": 300.0}
"""The hue each entity type keeps in every theme: amber, green, blue, magenta."""

RGB = tuple[int, int, int]


def luminance(rgb: RGB) -> float:
    """WCAG relative luminance of an sRGB colour."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = rgb
    return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)


def contrast(first: RGB, second: RGB) -> float:
    """WCAG contrast ratio of two colours (1 to 21)."""
    one, two = luminance(first), luminance(second)
    return (max(one, two) + 0.05) / (min(one, two) + 0.05)


def downgraded(rgb: RGB) -> RGB:
    """The colour a 256-colour terminal shows for `rgb` (Rich's own downgrade)."""
    triplet = RichColor.from_rgb(*rgb).downgrade(ColorSystem.EIGHT_BIT).get_truecolor()
    return (triplet.red, triplet.green, triplet.blue)


@lru_cache(maxsize=1)
def _palette() -> tuple[tuple[RGB, float, float], ...]:
    """The 240 colours of the 256-colour cube and grey ramp: (rgb, hue degrees, saturation)."""
    found = []
    for number in range(16, 256):
        triplet: ColorTriplet = RichColor.from_ansi(number).get_truecolor()
        rgb = (triplet.red, triplet.green, triplet.blue)
        hue, _lightness, saturation = colorsys.rgb_to_hls(*(c / 255 for c in rgb))
        found.append((rgb, hue * 360, saturation))
    return tuple(found)


def _readable_on(rgb: RGB, backgrounds: Iterable[RGB]) -> float:
    """The lowest contrast of `rgb` with the backgrounds, as sent and as a 256-colour terminal
    shows both (Rich's downgrade does not keep every palette colour: 253 becomes 252)."""
    shown = downgraded(rgb)
    return min(
        min(contrast(rgb, background), contrast(shown, downgraded(background)))
        for background in backgrounds
    )


def readable(hue: float | None, backgrounds: tuple[RGB, ...]) -> RGB:
    """The palette colour nearest `hue` (None: a grey) that reads on every background."""
    bar = MINIMUM_CONTRAST + _MARGIN
    best: tuple[float, float, float, RGB] | None = None
    for rgb, candidate_hue, saturation in _palette():
        score = _readable_on(rgb, backgrounds)
        if score < bar:
            continue
        if hue is None:
            key = (saturation, 0.0, -score)  # the most neutral grey, the least glaring
        else:
            if saturation < 0.35:
                continue
            distance = abs((candidate_hue - hue + 180) % 360 - 180)
            key = (round(distance / 15), -saturation, score)
        if best is None or key < best[:3]:
            best = (*key, rgb)
    if best is not None:
        return best[3]
    dark, light = (0, 0, 0), (255, 255, 255)  # no colour clears the bar: black or white
    return max((dark, light), key=lambda rgb: _readable_on(rgb, backgrounds))


def nearest_readable(rgb: RGB, backgrounds: tuple[RGB, ...]) -> RGB:
    """`rgb` itself if it reads on every background, else the nearest palette colour that does."""
    bar = MINIMUM_CONTRAST + _MARGIN
    if _readable_on(rgb, backgrounds) >= bar:
        return rgb
    passing = [c for c, _h, _s in _palette() if _readable_on(c, backgrounds) >= bar]
    if not passing:
        return readable(None, backgrounds)
    return min(passing, key=lambda c: sum((a - b) ** 2 for a, b in zip(c, rgb, strict=True)))


def _rgb(value: str) -> RGB:
    color = Color.parse(value)
    return (color.r, color.g, color.b)


def _hex(rgb: RGB) -> str:
    return "#{:02x}{:02x}{:02x}".format(*rgb)


def theme_variables(variables: Mapping[str, str]) -> dict[str, str]:
    """The reader's colour variables for one theme's generated variables.

    `$foreground` is the theme's text colour, or the nearest one that reads everywhere;
    `$person` … `$number` and `$title` read on the article's background (`$surface`);
    `$pane-person` … and `$muted` read on the pane (`$panel`, also tinted when focused and
    under the cursor, `$pane-cursor`); `$search` is a background under `$text`.
    """
    surface = Color.parse(variables["surface"])
    panel = Color.parse(variables["panel"])
    grounds = tuple(_rgb(variables[name]) for name in ("surface", "panel", "background"))
    text = _rgb(variables["foreground"])
    # The pane's cursor moves away from the text's lightness (lighter in a light theme),
    # so the entity colours that read on the pane read on the cursor too.
    away = Color(255, 255, 255) if luminance(text) < 0.2 else Color(0, 0, 0)
    cursor = panel.blend(away, 0.45)
    # Some themes' own text misses the bar (solarized-light: 4.4:1), or misses it once a
    # 256-colour terminal rounds the background: then the nearest colour that reaches it.
    tinted = panel.blend(Color(*text), 0.05)  # the pane, focused
    text = nearest_readable(
        text, (*grounds, (cursor.r, cursor.g, cursor.b), (tinted.r, tinted.g, tinted.b))
    )
    foreground = Color(*text)
    article = ((surface.r, surface.g, surface.b),)
    pane = tuple((c.r, c.g, c.b) for c in (panel, panel.blend(foreground, 0.05), cursor))
    accent = Color.parse(variables["accent"])
    warning = Color.parse(variables["warning"])
    # `$text` and `$text-muted` are Textual's "auto 87%"/"auto 60%": a near-white or
    # near-black blended into each background, which a 256-colour terminal rounds to a grey
    # that can miss the bar. Widgets that use them get the readable colours instead.
    found = {"foreground": _hex(text), "text": _hex(text)}
    found |= {name: _hex(readable(hue, article)) for name, hue in HUES.items()}
    found |= {f"pane-{name}": _hex(readable(hue, pane)) for name, hue in HUES.items()}
    found["title"] = _hex(readable(accent.hsl.h * 360, article))
    found["muted"] = found["text-muted"] = _hex(readable(None, (*pane, *grounds)))
    error = Color.parse(variables["error"])
    found["error-text"] = _hex(readable(error.hsl.h * 360, (*pane, *grounds)))
    found["pane-cursor"] = cursor.hex6
    found["search"] = _hex(readable(warning.hsl.h * 360, (text,)))
    found["status-note"] = _hex(readable(warning.hsl.h * 360, (_rgb(variables["panel"]),)))
    footer = (_rgb(variables.get("footer-background", variables["panel"])),)
    found["footer-key"] = _hex(readable(accent.hsl.h * 360, footer))
    found["footer-text"] = _hex(
        text if _readable_on(text, footer) >= MINIMUM_CONTRAST else readable(None, footer)
    )
    return found
