"""`images`: every image has useful alt text (guide 4.1 and WCAG's text alternatives).

An image without alt text is flagged at its tag. A decorative image is fine with an empty
`alt` only when it says so (`role="presentation"` or `"none"`, or `aria-hidden="true"`);
Markdown has no way to say so, so an empty `![](…)` is flagged. Alt text over `max_alt`
characters, or opening with words screen readers already say ("image of"), is flagged on
the alt text itself, with a fix that drops the opening.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from brandlint.assets.image_files import file_name
from brandlint.core.options import Options, option
from brandlint.core.rule import Finding, LintContext, Rule


@dataclass(frozen=True)
class ImagesOptions(Options):
    """The keys a `images` rule takes, each declared once (`brandlint.core.options`)."""

    alt: Literal["required", "optional"] = option(
        "required",
        doc="Whether every image needs alt text (unless marked decorative).",
        per_channel=True,
    )
    max_alt: int | None = option(None, doc="The longest alt text, in characters.", per_channel=True)
    forbid_openings: tuple[str, ...] = option(
        (),
        doc="Openings alt text must not start with.",
        per_channel=True,
        example=["image of", "picture of"],
    )


class Images(Rule):
    kind = "images"
    Options = ImagesOptions

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        channel = ctx.document.channel
        if self.setting(channel, "alt") == "required":
            yield from self._missing(ctx)
        limit = self.setting(channel, "max_alt")
        openings = self.setting(channel, "forbid_openings")
        for view in ctx.views:
            if "alt" not in view.block.scopes:
                continue
            text, start = view.text, view.block.start
            lower = text.lower()
            for opening in openings:
                if lower == opening.lower() or lower.startswith(opening.lower() + " "):
                    rest = text[len(opening) :].lstrip()
                    fix = rest[:1].upper() + rest[1:]
                    yield Finding(
                        start,
                        view.block.end,
                        f"Alt text should not start with '{text[: len(opening)]}'; "
                        "screen readers already say it is an image.",
                        (fix,),
                    )
            if limit is not None and len(text) > int(limit):
                yield Finding(
                    start + int(limit),
                    view.block.end,
                    f"Alt text is {len(text)} characters; keep it to {limit} or fewer.",
                )

    def _missing(self, ctx: LintContext) -> Iterator[Finding]:
        for image in ctx.document.images:
            if image.kind != "img":
                continue  # a <picture> source: the <img> inside carries the alt text
            name = file_name(image.src) or "this image"
            if image.alt is None and not image.decorative:
                yield Finding(
                    image.start,
                    image.end,
                    f"Image '{name}' has no alt text; describe it, or mark a "
                    'decorative image with alt="" and role="presentation".',
                    in_source=True,
                )
            elif image.alt is not None and not image.alt.strip() and not image.decorative:
                yield Finding(
                    image.start,
                    image.end,
                    f"Image '{name}' has empty alt text; describe it (or, in HTML, "
                    'mark a decorative image with role="presentation").',
                    in_source=True,
                )
