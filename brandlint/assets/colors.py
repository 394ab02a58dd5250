"""Colours in CSS values, and how far each is from a brand palette.

Parsing follows CSS Color 4 through tinycss2 (`#rgb`, `#rrggbbaa`, `rgb()`/`rgba()` in both
comma and space syntax, `hsl()`/`hwb()`, the 148 named colours). Distance is CIEDE2000
(ΔE00) from ColorAide: the industry's perceptual difference, where about 1 is barely
visible and 2.3 a "just noticeable difference", so "near" means near to an eye, not to
a hex digit.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from brandlint.assets.css import Declaration

# Values that are not colours even where a colour is expected.
_KEYWORDS = {"transparent", "currentcolor", "inherit", "initial", "unset", "revert", "none"}
_COLOR_PROPERTY_PARTS = (
    "color",
    "background",
    "border",
    "outline",
    "shadow",
    "fill",
    "stroke",
    "text-decoration",
    "column-rule",
)
COLOR_FUNCTIONS = {"rgb", "rgba", "hsl", "hsla", "hwb", "lab", "lch", "oklab", "oklch", "color"}


def takes_named_colors(prop: str) -> bool:
    """Properties where a bare word (`navy`) is a colour; elsewhere (`animation-name: tan`,
    `grid-area: red`) it is a name. Hex and `rgb()` are colours in any property."""
    if prop.startswith("--"):
        return False
    return any(part in prop for part in _COLOR_PROPERTY_PARTS)


@dataclass(frozen=True)
class Rgb:
    """An sRGB colour in 0–255 channels, alpha 0–1."""

    red: int
    green: int
    blue: int
    alpha: float = 1.0

    @property
    def hex(self) -> str:
        return f"#{self.red:02X}{self.green:02X}{self.blue:02X}"

    @property
    def channels(self) -> tuple[int, int, int]:
        return (self.red, self.green, self.blue)


@dataclass(frozen=True)
class ColorUse:
    """A colour written in the source: where, how (`syntax`), and which colour."""

    start: int
    end: int
    text: str
    syntax: str  # "hash", "rgb", "rgba", "hsl", …, or "name"
    color: Rgb


def parse_color(text: str) -> Rgb | None:
    """A colour from CSS text (`"#0B5FFF"`, `"rgb(11 95 255)"`), or None."""
    import tinycss2

    value = tinycss2.parse_one_component_value(text)
    return _color_of(value)


def _color_of(token: Any) -> Rgb | None:
    from tinycss2.color4 import parse_color as css_color

    try:
        parsed = css_color(token)
    except (ValueError, TypeError, ZeroDivisionError):
        return None
    if parsed is None or isinstance(parsed, str):
        return None  # currentcolor
    srgb = parsed.to("srgb")
    red, green, blue = (round(min(max(c, 0.0), 1.0) * 255) for c in srgb.coordinates)
    return Rgb(red, green, blue, float(srgb.alpha))


def colors_in(declaration: Declaration) -> Iterator[ColorUse]:
    """Every colour in a declaration's value, nested ones too (`linear-gradient(#fff, …)`)."""
    named = takes_named_colors(declaration.property)
    yield from _scan(declaration, declaration.value, named)


def _scan(declaration: Declaration, tokens: Any, named: bool) -> Iterator[ColorUse]:
    for token in tokens:
        kind = token.type
        syntax = ""
        if kind == "hash":
            syntax = "hash"
        elif kind == "function" and token.lower_name in COLOR_FUNCTIONS:
            syntax = token.lower_name
        elif kind == "ident" and named and token.lower_value not in _KEYWORDS:
            syntax = "name"
        if syntax:
            color = _color_of(token)
            if color is not None:
                start, end = declaration.offset(token), declaration.end(token)
                yield ColorUse(start, end, declaration.text(token), syntax, color)
                continue
        if kind == "function" and token.lower_name != "url":
            # var(--x, #fff) falls back to a colour; gradients hold colours
            yield from _scan(declaration, token.arguments, True)


def delta_e(a: Rgb, b: Rgb) -> float:
    """CIEDE2000 difference between two opaque sRGB colours."""
    from coloraide import Color

    first = Color("srgb", [c / 255 for c in a.channels])
    second = Color("srgb", [c / 255 for c in b.channels])
    return float(first.delta_e(second, method="2000"))


@dataclass(frozen=True)
class Swatch:
    name: str
    value: str  # as the guide writes it
    color: Rgb


class Palette:
    """The guide's named colours."""

    def __init__(self, colors: Mapping[str, str]) -> None:
        self.swatches: list[Swatch] = []
        self.invalid: list[str] = []
        for name, value in colors.items():
            color = parse_color(str(value))
            if color is None:
                self.invalid.append(str(name))
            else:
                self.swatches.append(Swatch(str(name), str(value), color))
        self._exact = {s.color.channels: s for s in self.swatches}
        self._nearest: dict[tuple[int, int, int], tuple[Swatch, float]] = {}

    def exact(self, color: Rgb) -> Swatch | None:
        return self._exact.get(color.channels)

    def nearest(self, color: Rgb) -> tuple[Swatch, float]:
        """The closest swatch and its ΔE00 (the palette must not be empty). Remembered per
        colour: a site repeats its few off-palette colours thousands of times."""
        known = self._nearest.get(color.channels)
        if known is None:
            scored = [(delta_e(color, s.color), n, s) for n, s in enumerate(self.swatches)]
            distance, _, swatch = min(scored)
            known = self._nearest[color.channels] = (swatch, distance)
        return known


def snapped(use: ColorUse, swatch: Swatch) -> str:
    """`use` rewritten as the palette colour, in the same syntax where it has one, keeping
    the alpha it had (a translucent overlay stays translucent)."""
    target = swatch.color
    alpha = use.color.alpha
    if use.syntax == "hash":
        digits = target.hex[1:]
        if len(use.text) in (5, 9):  # #rgba / #rrggbbaa
            digits += f"{round(alpha * 255):02X}"
        lower = any(c.islower() for c in use.text[1:])
        return "#" + (digits.lower() if lower else digits)
    if use.syntax in ("rgb", "rgba") and "," in use.text:
        channels = ", ".join(str(c) for c in target.channels)
        return f"rgba({channels}, {alpha:g})" if alpha < 1 else f"rgb({channels})"
    if use.syntax in ("rgb", "rgba") or alpha < 1:
        channels = " ".join(str(c) for c in target.channels)
        return f"rgb({channels} / {alpha:g})" if alpha < 1 else f"rgb({channels})"
    return swatch.value
