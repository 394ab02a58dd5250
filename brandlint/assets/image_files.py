"""What an image reference points at: its format, and its pixel size from the file.

Only files beside the document are read (no network): `src` is resolved against the
document's folder. Raster files are opened with Pillow, which reads the header only (no
pixel decoding), so a 40 MB hero costs microseconds. SVG sizes come from the root
element's `width`/`height`, or its `viewBox`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from brandlint.core.limits import Limits, variable

_EXTENSIONS = {"jpeg": "jpg", "jpe": "jpg", "tif": "tiff", "svgz": "svg"}
_PIXELS = re.compile(r"^\s*([0-9]+(?:\.[0-9]+)?)\s*(px)?\s*$")


class ImageFileError(Exception):
    """The image file exists but cannot be read; the message says why."""


@dataclass(frozen=True)
class ImageInfo:
    """An image file's format and size, as read from its header."""

    format: str  # "png", "jpg", "svg", …
    width: float | None
    height: float | None


def image_format(src: str) -> str:
    """The format an image reference names: its extension, or a data URL's media type."""
    if src.startswith("data:"):
        media = src[5:].split(";", 1)[0].split(",", 1)[0]
        kind = media.split("/", 1)[-1].split("+", 1)[0].lower()
    else:
        path = urlsplit(src).path
        kind = path.rsplit(".", 1)[-1].lower() if "." in path.rsplit("/", 1)[-1] else ""
    return _EXTENSIONS.get(kind, kind)


def file_name(src: str) -> str:
    """The file name of an image reference ("" for a data URL)."""
    if src.startswith("data:"):
        return ""
    return unquote(urlsplit(src).path.rsplit("/", 1)[-1])


def local_path(document_path: str, src: str) -> Path | None:
    """The path `src` names beside the document (None for remote and data URLs)."""
    parts = urlsplit(src)
    if parts.scheme or parts.netloc or not parts.path or src.startswith("data:"):
        return None
    return Path(document_path).parent / unquote(parts.path.lstrip("/"))


def resolve(document_path: str, src: str) -> Path | None:
    """The local file `src` names relative to the document, when there is one."""
    candidate = local_path(document_path, src)
    return candidate if candidate is not None and candidate.is_file() else None


def file_stamps(document_path: str, sources: Iterable[str]) -> list[list[Any]]:
    """[path, size, mtime_ns] of each local file referenced (size None: missing), so a
    cached result can tell that an image it judged has changed since."""
    stamps: list[list[Any]] = []
    for src in sources:
        path = local_path(document_path, src)
        if path is not None:
            try:
                stat = path.stat()
                stamps.append([str(path), stat.st_size, stat.st_mtime_ns])
            except OSError:
                stamps.append([str(path), None, None])
    return stamps


def stamps_current(stamps: Iterable[Sequence[Any]]) -> bool:
    """Whether every file stamp still matches the file system."""
    for path, size, mtime in stamps:
        try:
            stat = os.stat(path)
        except OSError:
            if size is not None:
                return False
            continue
        if size is None or (stat.st_size, stat.st_mtime_ns) != (size, mtime):
            return False
    return True


def pixels(value: str | None) -> float | None:
    """A length attribute in pixels (`600`, `600px`); None for `100%`, `auto`, absent."""
    found = _PIXELS.match(value or "")
    return float(found.group(1)) if found else None


def read_image(path: Path, max_pixels: int | None = None) -> ImageInfo:
    """Format and size of an image file, from its header. An image whose header declares
    more than `max_pixels` (default: the `image_pixels` limit) is refused: such a file is
    a decompression bomb or no image anyone should ship, and nothing of it is decoded."""
    if path.suffix.lower() in (".svg", ".svgz"):
        return _svg_info(path)
    import warnings

    from PIL import Image, UnidentifiedImageError

    budget = Limits.from_environment().image_pixels if max_pixels is None else max_pixels
    try:
        with warnings.catch_warnings():
            # Pillow warns past its own budget and fails past twice it; ours decides
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                width, height = image.size
                kind = (image.format or "").lower()
    except Image.DecompressionBombError as exc:  # its message holds the declared size
        declared = re.search(r"\(([0-9]+) pixels\)", str(exc))
        size = f"{int(declared.group(1)):,}" if declared else "more"
        raise ImageFileError(_over_budget(size, budget)) from None
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        raise ImageFileError(_reason(exc)) from None
    if width * height > budget:
        raise ImageFileError(_over_budget(f"{width:,} × {height:,}", budget))
    return ImageInfo(_EXTENSIONS.get(kind, kind), float(width), float(height))


def _over_budget(declared: str, budget: int) -> str:
    return (
        f"its header declares {declared} pixels, over brandlint's budget of {budget:,} "
        f"(a damaged file or a decompression bomb; raise {variable('image_pixels')} if it "
        "is real)"
    )


def _reason(exc: Exception) -> str:
    text = str(exc)
    if "cannot identify image file" in text:
        return "it is not an image Pillow can read (damaged, empty or another format)"
    return text or type(exc).__name__


def _svg_info(path: Path) -> ImageInfo:
    import xml.etree.ElementTree as ElementTree

    try:
        _, root = next(ElementTree.iterparse(path, events=("start",)))
    except (ElementTree.ParseError, OSError, StopIteration) as exc:
        raise ImageFileError(f"it is not a well-formed SVG file ({exc or 'empty'})") from None
    width, height = pixels(root.get("width")), pixels(root.get("height"))
    box = _view_box(root.get("viewBox"))
    if box and width is None and height is None:
        width, height = box
    elif box and width is None and height is not None:
        width = height * box[0] / box[1]
    elif box and height is None and width is not None:
        height = width * box[1] / box[0]
    return ImageInfo("svg", width, height)


def _view_box(value: str | None) -> tuple[float, float] | None:
    """The width and height of a `viewBox="0 0 120 40"`, when it is usable."""
    parts = (value or "").replace(",", " ").split()
    try:
        width, height = float(parts[2]), float(parts[3])
    except (IndexError, ValueError):
        return None
    return (width, height) if width > 0 and height > 0 else None
