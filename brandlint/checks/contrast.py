"""`contrast`: text colours are readable on the backgrounds they are set on (WCAG 2.2, 1.4.3).

Where one rule block (or one element's `style`, `color`/`bgcolor` attributes) sets both a
text `color` and a solid background (`background-color`, `bgcolor`, or a `background` of
one colour), their contrast ratio must reach `min` (default 4.5:1), or `min_large` (3:1)
for large text: a `font-size` of 24 px, or 18.66 px in bold, in the same block. Colours
with transparency are skipped: what shows through is unknown. Which colour to change is a
design decision, so there is no fix.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from brandlint.assets.css import document_declarations
from brandlint.core.options import Options, option
from brandlint.core.rule import Finding, LintContext, Rule

if TYPE_CHECKING:
    from brandlint.assets.css import Declaration

_BACKGROUNDS = ("background-color", "background")


@dataclass(frozen=True)
class ContrastOptions(Options):
    """The keys a `contrast` rule takes, each declared once (`brandlint.core.options`)."""

    min: float = option(4.5, doc="The least contrast ratio of text on its background.")
    min_large: float = option(3.0, doc="The least ratio for large text (24px, or 18.66px bold).")


class Contrast(Rule):
    kind = "contrast"
    Options = ContrastOptions

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        from brandlint.assets.colors import colors_in
        from brandlint.assets.contrast import contrast_ratio, is_large_text

        minimum = self.opts.min
        large_minimum = self.opts.min_large
        blocks: dict[tuple[int, int], list[Declaration]] = {}
        for declaration in ctx.fact(document_declarations):
            blocks.setdefault(declaration.block, []).append(declaration)
        for declarations in blocks.values():
            text = background = None
            for declaration in declarations:  # the last one wins, as in the cascade
                uses = list(colors_in(declaration))
                if declaration.property == "color" and len(uses) == 1:
                    text = uses[0]
                elif (
                    declaration.property in _BACKGROUNDS
                    and len(uses) == 1
                    and (declaration.property == "background-color" or _solid(declaration))
                ):
                    background = uses[0]
            if text is None or background is None:
                continue
            if text.color.alpha < 1 or background.color.alpha < 1:
                continue
            ratio = contrast_ratio(text.color, background.color)
            large = is_large_text(declarations)
            needed = large_minimum if large else minimum
            if ratio < needed:
                size = "large " if large else ""
                yield Finding(
                    text.start,
                    text.end,
                    f"Text colour {text.text} on {background.text} has a contrast of "
                    f"{_floor(ratio)}:1; {size}text needs at least {needed:g}:1 (WCAG AA).",
                    in_source=True,
                )


def _solid(declaration: Declaration) -> bool:
    """A `background` shorthand that paints one colour (no image, no gradient)."""
    from brandlint.assets.colors import COLOR_FUNCTIONS

    return not any(
        token.type == "url"
        or (token.type == "function" and token.lower_name not in COLOR_FUNCTIONS)
        for token in declaration.value
    )


def _floor(ratio: float) -> str:
    """Rounded down to one decimal, so 4.49 never shows as a passing 4.5."""
    return f"{int(ratio * 10) / 10:.1f}"
