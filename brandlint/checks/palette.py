"""`palette`: every colour in CSS, inline styles and SVG comes from the brand palette.

A colour equal to a palette colour in any syntax (`#0B5FFF`, `rgb(11 95 255)`, the same
at 50 % alpha) passes, as does a fully transparent one, which paints nothing. Others are
measured against each palette colour in CIEDE2000: up to `near` (ΔE00, default 10) it is a
near miss at the rule's level, named after the nearest palette colour, with a fix that
snaps it there in the syntax it was written in; beyond that it is a different colour
altogether, reported at `far_level` (default error) and not fixed, because which brand
colour it should be is a design decision.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from brandlint.assets.css import document_declarations
from brandlint.core.alerts import Level
from brandlint.core.errors import Problem
from brandlint.core.options import Options, option
from brandlint.core.rule import Finding, LintContext, Rule
from brandlint.core.spec import RuleSpec

if TYPE_CHECKING:
    from brandlint.assets.colors import ColorUse

DEFAULT_NEAR = 10.0


@dataclass(frozen=True)
class PaletteOptions(Options):
    """The keys a `palette` rule takes, each declared once (`brandlint.core.options`)."""

    palette: Mapping[str, str] = option(
        None, doc="The brand's colours: name → CSS colour.", example={"Kestrel Blue": "#0B5FFF"}
    )
    near: float = option(
        DEFAULT_NEAR,
        doc="A colour within this CIEDE2000 distance of a palette colour is a "
        "slip and snaps to it.",
    )
    far_level: Literal["suggestion", "warning", "error"] = option(
        "error", doc="The level of a colour that is not near any palette colour."
    )


class Palette(Rule):
    kind = "palette"
    Options = PaletteOptions

    def __init__(self, spec: RuleSpec, problems: list[Problem]) -> None:
        from brandlint.assets.colors import Palette as Swatches

        super().__init__(spec, problems)
        colors = dict(self.opts.palette or {})
        self.swatches = Swatches(colors)
        for name in self.swatches.invalid:
            problems.append(
                spec.problem(
                    ("palette", name),
                    f"'{colors[name]}' is not a CSS colour; write it as #rrggbb or rgb(r g b)",
                )
            )
        self.near = self.opts.near
        self.far_level = Level.parse(self.opts.far_level)
        # what a far colour's message lists, joined once, not once per document
        self.listing = ", ".join(f"{s.name} {s.value}" for s in self.swatches.swatches)

    def warm(self) -> None:
        """coloraide (0.1–0.2 CPU s to load), which the first off-palette colour needs."""
        from brandlint.assets.colors import delta_e

        for swatch in self.swatches.swatches[:1]:
            delta_e(swatch.color, swatch.color)

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        from brandlint.assets.colors import colors_in, snapped

        if not self.swatches.swatches:
            return
        for declaration in ctx.fact(document_declarations):
            for use in colors_in(declaration):
                if use.color.alpha == 0 or self.swatches.exact(use.color):
                    continue  # fully transparent paints nothing
                swatch, distance = self.swatches.nearest(use.color)
                if distance <= self.near:
                    yield Finding(
                        use.start,
                        use.end,
                        f"Colour {use.text} is not in the palette: it is ΔE {distance:.1f} "
                        f"from {swatch.name} ({swatch.value}); use {swatch.name}.",
                        (snapped(use, swatch),) if self._as_written(ctx, use) else (),
                        in_source=True,
                    )
                else:
                    yield Finding(
                        use.start,
                        use.end,
                        f"Colour {use.text} is not a brand colour (nearest is {swatch.name}, "
                        f"ΔE {distance:.1f}); the palette is {self.listing}.",
                        in_source=True,
                        level=self.far_level,
                    )

    @staticmethod
    def _as_written(ctx: LintContext, use: ColorUse) -> bool:
        """A snap may replace the colour only where the source spells it as CSS does (not
        through character references in an attribute)."""
        return ctx.document.source[use.start : use.end] == use.text
