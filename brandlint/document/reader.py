"""Reading a file into a `Document`: format, encoding, front matter, then the parser.

Text is decoded as UTF-8 (a BOM is accepted and not counted as a column). A binary file or
one that is not valid UTF-8 raises `UnreadableFile`, which the engine turns into a single
error alert for that file while the run goes on.
"""

from __future__ import annotations

import os

from brandlint.core.document import Document, ImageRef, LineIndex, Notice, StyleRef, assemble
from brandlint.core.scopes import ValeMarkup
from brandlint.document.code import comment_drafts
from brandlint.document.css import bounded_styles
from brandlint.document.formats import (
    BINARY_FORMATS,
    NAMED_ONLY_EXTENSIONS,
    OTHER_EXTENSIONS,
    OTHER_FORMATS,
    parse_other,
    read_binary,
)
from brandlint.document.front_matter import split_front_matter
from brandlint.document.markdown import markdown_drafts
from brandlint.document.masking import blanked, settle
from brandlint.document.plain import plain_blocks
from brandlint.document.suppressions import SuppressionCollector

FORMATS = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".mkd": "markdown",
    ".mdx": "mdx",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".txt": "text",
    ".text": "text",
    ".css": "css",
    ".svg": "svg",
    **OTHER_EXTENSIONS,  # source code, reStructuredText, notebooks, PO/XLIFF, Word
}
FORMAT_NAMES = frozenset({*FORMATS.values(), "deck"}) | OTHER_FORMATS
"""Every format a file can be read as (a guide's `formats:` names one)."""


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


def named_format(path: str) -> str | None:
    """The format of a file brandlint reads only when it is named (JSON), else None."""
    return NAMED_ONLY_EXTENSIONS.get(os.path.splitext(path.lower())[1])


def read_bounded(path: str, ceiling: int) -> bytes:
    """The bytes of the file at `path`, no more than `ceiling` + 1 of them (one more tells
    the caller it is over the limit). A file is read into a buffer of its own size, not
    one of the limit's: an 8 MB buffer asked for per file cost more than reading a page
    of copy. Raises OSError."""
    with open(path, "rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        if not 0 < size <= ceiling:  # over the limit, or no size told (a pipe, a device)
            return handle.read(ceiling + 1)
        data = handle.read(size + 1)
        if len(data) > size:  # the file grew since: read on, up to the limit
            data += handle.read(ceiling + 1 - len(data))
        return data


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


def parse_document(
    path: str, source: str, format: str | None = None, vale: ValeMarkup | None = None
) -> Document:
    """Parse decoded source; `format` defaults to the one the file name implies (else text).
    `vale`: read markup and code as the Vale project whose file this is would.

    A format's own parser is imported when a file of it is read (PyYAML for decks, the
    HTML parser), so that a run over Markdown alone never imports them."""
    kind = format or format_of(path) or named_format(path) or "text"
    if kind in OTHER_FORMATS:
        return parse_other(path, source, kind, vale)
    if kind == "deck":
        from brandlint.document.deck import DeckCopy

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
        from brandlint.document.css import stylesheet

        comments = SuppressionCollector()
        sheets, unread = bounded_styles([stylesheet(source, comments)])
        drafts = comment_drafts(source, "css")  # comments are copy, as in Vale
        return assemble(
            path,
            source,
            drafts,
            format="css",
            suppressions=comments.finish(),
            styles=sheets,
            notices=unread,
        )
    front = split_front_matter(source)
    # Blank the front matter out, keeping line breaks, so parsers see true line numbers.
    body = blanked(source[: front.end]) + source[front.end :]
    comments = SuppressionCollector()
    lang = front.meta.get("lang")
    images: list[ImageRef] = []
    styles: list[StyleRef] = []
    stylesheets: list[str] = []
    deep: list[Notice] = []  # parts nested too deep to read
    lines = None
    if kind in ("markdown", "mdx"):
        lines = LineIndex(source)  # the walker's and the Document's: made once
        drafts, images, styles, deep = markdown_drafts(
            body, comments, mdx=kind == "mdx", vale=vale, lines=lines
        )
    elif kind in ("html", "svg"):
        from brandlint.document.html import HtmlCopy

        copy = HtmlCopy(body, 0, comments, svg=kind == "svg", vale=vale).parse()
        drafts, images = copy.drafts, copy.images
        styles, stylesheets = copy.styles, copy.stylesheets
        lang = lang or copy.lang
        front.meta = {**copy.meta, **front.meta}
    else:
        drafts = plain_blocks(body, front.end)
    # Published markup's bare URLs, e-mail addresses and paths are not words. Plain text and
    # front matter are left whole: there (an SMS, a post, a meta description) each character
    # of a link counts towards the channel's length.
    links = kind in ("markdown", "mdx", "html")
    # a draft with no piece (the white space between two HTML blocks) holds no copy
    drafts = [settle(draft, links=links) for draft in drafts if draft.pieces]
    styles, deep_styles = bounded_styles(styles)
    return assemble(
        path,
        source,
        [*front.blocks, *drafts],
        format=kind,
        meta=front.meta,
        lang=str(lang) if lang else None,
        suppressions=comments.finish(),
        notices=[*front.notices, *deep, *deep_styles],
        images=images,
        styles=styles,
        stylesheets=stylesheets,
        lines=lines,
    )


def read_document(
    path: str, data: bytes, format: str | None = None, vale: ValeMarkup | None = None
) -> Document:
    if (format or format_of(path)) in BINARY_FORMATS:
        return read_binary(path, data, format or str(format_of(path)))
    return parse_document(path, decode(data), format, vale)
