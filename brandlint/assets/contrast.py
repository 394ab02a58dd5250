"""WCAG 2.2 contrast: relative luminance of sRGB colours, and what counts as large text."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from brandlint.assets.colors import Rgb
from brandlint.assets.css import Declaration

_PX = {"px": 1.0, "pt": 4 / 3, "pc": 16.0, "in": 96.0, "cm": 96 / 2.54, "mm": 96 / 25.4}


def luminance(color: Rgb) -> float:
    """WCAG relative luminance (0 black … 1 white)."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(c) for c in color.channels)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(a: Rgb, b: Rgb) -> float:
    """(lighter + 0.05) / (darker + 0.05): 1 for the same colour, 21 for black on white."""
    first, second = sorted((luminance(a), luminance(b)), reverse=True)
    return (first + 0.05) / (second + 0.05)


def is_large_text(declarations: Iterable[Declaration]) -> bool:
    """WCAG's large text: at least 24 px, or 18.66 px (14 pt) when bold."""
    size: float | None = None
    bold = False
    for declaration in declarations:
        tokens = [t for t in declaration.value if t.type != "whitespace"]
        if declaration.property == "font-size" and len(tokens) == 1:
            size = _pixels(tokens[0])
        elif declaration.property == "font-weight" and len(tokens) == 1:
            token = tokens[0]
            bold = (token.type == "ident" and token.lower_value in ("bold", "bolder")) or (
                token.type == "number" and token.value >= 700
            )
    return size is not None and (size >= 24 or (bold and size >= 18.66))


def _pixels(token: Any) -> float | None:
    if token.type == "dimension" and token.lower_unit in _PX:
        return float(token.value) * _PX[token.lower_unit]
    return None
