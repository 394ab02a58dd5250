"""`image_specs`: images of one purpose (logo, email hero, social card) meet its specs.

An image has the purpose when its file name matches one of `files` (globs) or its tag has
one of `classes`; with neither, every image does (narrow it with `channels:`). Then:
- `formats`: the file format, from the name (or a data URL's type), must be listed;
- `sizes`: its size must equal one of them (`{width: 600}` leaves height free);
- `min_width`: it must not render narrower;
- `use`: the one file to use (`kestrel-logo.svg`); another file of the purpose is flagged.
The rendered size comes from the tag's `width`/`height`; what the tag leaves out comes from
the file beside the document (Pillow reads the header only). A file that cannot be read is
reported once, as a warning, and the run goes on. Remote images are not fetched.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from brandlint.core.alerts import Level
from brandlint.core.document import Document, ImageRef
from brandlint.core.options import Options, option
from brandlint.core.rule import Finding, LintContext, Rule


@dataclass(frozen=True)
class ImageSize(Options):
    """One allowed size of an image."""

    width: int | None = option(None, doc="The width in pixels.")
    height: int | None = option(None, doc="The height in pixels.")


@dataclass(frozen=True)
class ImageSpecsOptions(Options):
    """The keys a `image_specs` rule takes, each declared once (`brandlint.core.options`)."""

    purpose: str = option("image", doc="What the images are for, in messages (logo, hero, …).")
    files: tuple[str, ...] = option(
        (), doc="File-name globs of the images this spec covers.", example=["*logo*"]
    )
    classes: tuple[str, ...] = option((), doc="Classes of the images this spec covers.")
    formats: tuple[str, ...] = option((), doc="Allowed formats (svg, png, …).", example=["svg"])
    sizes: tuple[ImageSize, ...] = option(
        (),
        doc="Allowed sizes, each a width and/or a height.",
        example=[{"width": 1200, "height": 630}],
    )
    min_width: int | None = option(None, doc="The smallest rendered width in pixels.")
    use: str = option("", doc="The one file name to use; any other matching file is flagged.")


class ImageSpecs(Rule):
    kind = "image_specs"
    Options = ImageSpecsOptions

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        if not ctx.document.images:
            return  # most copy has none: nothing to prepare the options for
        from brandlint.assets.image_files import file_name, image_format

        files = [f.lower() for f in self.opts.files]
        classes = set(self.opts.classes)
        formats = [f.lower().lstrip(".") for f in self.opts.formats]
        sizes = [
            {k: v for k, v in (("width", s.width), ("height", s.height)) if v is not None}
            for s in self.opts.sizes
        ]
        min_width = self.opts.min_width
        purpose = self.opts.purpose or "image"
        for image in ctx.document.images:
            name = file_name(image.src) or "inline image"
            matched_name = any(fnmatch.fnmatchcase(name.lower(), f) for f in files)
            if (files or classes) and not matched_name and not classes & set(image.classes):
                continue
            noun = purpose if purpose in ("logo", "image") else f"{purpose} image"
            label = f"{noun.capitalize()} '{name}'"
            problems = []
            kind = image_format(image.src)
            use = self.opts.use
            if formats and kind not in formats:
                problems.append(self._format_message(label, kind, formats))
            elif use and name.lower() != use.lower() and image.kind == "img":
                problems.append(f"{label} is not the {noun} file; use {use}.")
            unreadable = ""
            if (sizes or min_width is not None) and image.kind == "img":
                measured = _rendered_size(ctx.document, image)
                if isinstance(measured, str):
                    unreadable = f"Image file '{name}' cannot be read: {measured}."
                else:
                    problems += self._size_problems(noun, label, measured, sizes, min_width)
            if problems:
                # one alert per image: "a PNG, and too narrow" is one thing to fix there
                yield self._at(image, " ".join([*problems, unreadable]).strip())
            elif unreadable:  # its size is unknown, nothing is known to be wrong: a warning
                yield self._at(image, unreadable, Level.WARNING)

    def _size_problems(
        self,
        noun: str,
        label: str,
        measured: tuple[float | None, float | None, str],
        sizes: Sequence[dict[str, Any]],
        min_width: Any,
    ) -> list[str]:
        width, height, origin = measured
        if width is None:
            return []  # remote, or no size anywhere: nothing to judge
        problems = []
        if sizes and not any(_fits(s, width, height) for s in sizes):
            shown = f"{width:g}×{height:g} px" if height is not None else f"{width:g} px wide"
            problems.append(f"{label} is {shown} ({origin}); {noun}s are {_sizes_text(sizes)}.")
        if min_width is not None and width < float(min_width):
            problems.append(
                f"{label} is {width:g} px wide ({origin}); never show it narrower "
                f"than {float(min_width):g} px."
            )
        return problems

    def _format_message(self, label: str, kind: str, formats: Sequence[str]) -> str:
        use = self.opts.use
        allowed = " or ".join(f.upper() for f in formats) + (" only" if len(formats) == 1 else "")
        hint = f"; use {use}" if use else ""
        shown = kind.upper() if kind else "of unknown format"
        return f"{label} is {'a ' if kind else ''}{shown}; the guide allows {allowed}{hint}."

    @staticmethod
    def _at(image: ImageRef, message: str, level: Level | None = None) -> Finding:
        return Finding(image.start, image.end, message, in_source=True, level=level)


def _rendered_size(
    document: Document, image: ImageRef
) -> tuple[float | None, float | None, str] | str:
    """(width, height, where they came from), or why the file could not be read."""
    from brandlint.assets.css import pixel_length
    from brandlint.assets.image_files import ImageFileError, pixels, read_image, resolve

    # CSS wins over the attributes, as in a browser
    width = pixel_length(image.style, "width")
    width = pixels(image.width) if width is None else width
    height = pixel_length(image.style, "height")
    height = pixels(image.height) if height is None else height
    if width is not None and height is not None:
        return width, height, "from its width and height"
    path: Path | None = resolve(document.path, image.src)
    if path is None:
        return width, height, "from its width attribute"
    try:
        info = read_image(path)
    except ImageFileError as exc:
        return str(exc)
    if info.width is None:
        return width, height, "from its width attribute"
    if width is None and height is None:
        return info.width, info.height, "from the file"
    if width is None and height is not None and info.height:
        return height * info.width / info.height, height, "from its height and the file"
    assert width is not None
    scaled = width * info.height / info.width if info.height and info.width else None
    return width, scaled, "from its width and the file"


def _fits(size: dict[str, Any], width: float, height: float | None) -> bool:
    if "width" in size and round(width) != int(size["width"]):
        return False
    return "height" not in size or (height is not None and round(height) == int(size["height"]))


def _sizes_text(sizes: Sequence[dict[str, Any]]) -> str:
    def one(size: dict[str, Any]) -> str:
        if "width" in size and "height" in size:
            return f"{size['width']}×{size['height']} px"
        if "width" in size:
            return f"{size['width']} px wide"
        return f"{size.get('height')} px high"

    return " or ".join(one(s) for s in sizes)
