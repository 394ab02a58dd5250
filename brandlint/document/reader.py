"""Reading a file into a `Document`: format, encoding, front matter, then the parser.

Text is decoded as UTF-8 (a BOM is accepted and not counted as a column). A binary file or
one that is not valid UTF-8 raises `UnreadableFile`, which the engine turns into a single
error alert for that file while the run goes on.
"""

from __future__ import annotations

import os

from brandlint.core.document import Document, ImageRef, StyleRef, assemble
from brandlint.document.css import stylesheet
from brandlint.document.deck import DeckCopy
from brandlint.document.front_matter import split_front_matter
from brandlint.document.html import HtmlCopy
from brandlint.document.markdown import markdown_drafts
from brandlint.document.plain import plain_blocks
from brandlint.document.suppressions import SuppressionCollector

FORMATS = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".mkd": "markdown",
    ".mdx": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".txt": "text",
    ".text": "text",
    ".css": "css",
    ".svg": "svg",
}


class UnreadableFile(Exception):
    """The file is not text brandlint can read; the message says why."""

    def __init__(self, message: str, offset: int = 0) -> None:
        super().__init__(message)
        self.offset = offset


DECK_SUFFIXES = (".copy.yaml", ".copy.yml", ".copy.json")


def format_of(path: str) -> str | None:
    """The format a file name implies, or None for files brandlint does not read."""
    name = path.lower()  # string checks: called for every file of a large tree
    if name.endswith(DECK_SUFFIXES):
        return "deck"
    return FORMATS.get(os.path.splitext(name)[1])


def decode(data: bytes) -> str:
    if b"\x00" in data[:8192]:
        raise UnreadableFile("This is a binary file, not copy; brandlint skipped it.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise UnreadableFile(
            f"This file is not valid UTF-8 (byte 0x{data[exc.start]:02x} on "
            f"line {line}); save it as UTF-8 to lint it."
        ) from None


def parse_document(path: str, source: str, format: str | None = None) -> Document:
    """Parse decoded source; `format` defaults to the one the file name implies (else text)."""
    kind = format or format_of(path) or "text"
    if kind == "deck":
        comments = SuppressionCollector()
        deck = DeckCopy(source).parse(comments)
        lang = deck.meta.get("lang")
        return assemble(
            path,
            source,
            deck.drafts,
            format="deck",
            meta=deck.meta,
            lang=str(lang) if lang else None,
            suppressions=comments.finish(),
            notices=deck.notices,
        )
    if kind == "css":
        comments = SuppressionCollector()
        sheet = stylesheet(source, comments)
        return assemble(
            path, source, [], format="css", suppressions=comments.finish(), styles=[sheet]
        )
    front = split_front_matter(source)
    # Blank the front matter out, keeping line breaks, so parsers see true line numbers.
    body = "".join(c if c == "\n" else " " for c in source[: front.end]) + source[front.end :]
    comments = SuppressionCollector()
    lang = front.meta.get("lang")
    images: list[ImageRef] = []
    styles: list[StyleRef] = []
    stylesheets: list[str] = []
    if kind == "markdown":
        drafts, images, styles = markdown_drafts(body, comments)
    elif kind in ("html", "svg"):
        copy = HtmlCopy(body, 0, comments, svg=kind == "svg").parse()
        drafts, images = copy.drafts, copy.images
        styles, stylesheets = copy.styles, copy.stylesheets
        lang = lang or copy.lang
        front.meta = {**copy.meta, **front.meta}
    else:
        drafts = plain_blocks(body, front.end)
    return assemble(
        path,
        source,
        [*front.blocks, *drafts],
        format=kind,
        meta=front.meta,
        lang=str(lang) if lang else None,
        suppressions=comments.finish(),
        notices=front.notices,
        images=images,
        styles=styles,
        stylesheets=stylesheets,
    )


def read_document(path: str, data: bytes, format: str | None = None) -> Document:
    return parse_document(path, decode(data), format)
