"""The document model every parser produces and every rule reads.

A parser turns markup into *blocks* of plain copy (a heading, a paragraph, an image's alt
text). Each piece of copy remembers the source range it came from, so an alert found in the
copy can be reported at the exact line and column of the file, and a fix can be written back
into the file without touching markup.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import accumulate
from typing import Any, NamedTuple

from brandlint.core.alerts import Span

BLOCK_SEPARATOR = "\n\n"


class Segment(NamedTuple):
    """Copy text[text_start:text_end] came from source[source_start:source_end].

    A verbatim segment is a character-for-character copy. Others (a decoded `&amp;`, a
    soft line break turned into a space) map as a whole. A named tuple, not a frozen
    dataclass: a document has one per piece of copy, and a tuple is made several times
    faster.
    """

    text_start: int
    text_end: int
    source_start: int
    source_end: int
    verbatim: bool


@dataclass
class BlockDraft:
    """A block under construction: pieces of copy with their source ranges."""

    scopes: frozenset[str]
    pieces: list[tuple[str, int, int, bool]] = field(default_factory=list)
    inline: list[tuple[str, int, int]] = field(default_factory=list)
    length: int = 0
    location: str = ""  # where the block is, when lines do not say it ("cell 3, line 2")
    # offsets where a placeholder stands (see `Document.placeholders`), set by `settle`
    placeholders: list[int] = field(default_factory=list)

    def add(self, text: str, source_start: int, source_end: int | None = None) -> None:
        """Append copy taken verbatim from source_start, or standing for [start, end)."""
        if not text:
            return
        verbatim = source_end is None
        end = source_start + len(text) if source_end is None else source_end
        self.pieces.append((text, source_start, end, verbatim))
        self.length += len(text)

    def add_space(self, source_start: int, source_end: int) -> None:
        """A line break or run of white space in the source, read as one space."""
        if self.length and not self.pieces[-1][0].endswith(" "):
            self.add(" ", source_start, source_end)

    def mark_inline(self, scope: str, start: int) -> None:
        self.inline.append((scope, start, self.length))

    @property
    def text(self) -> str:
        return "".join(piece[0] for piece in self.pieces)


@dataclass(frozen=True)
class Block:
    """A unit of copy in one scope (heading, paragraph, list item, alt text, …)."""

    start: int
    end: int
    scopes: frozenset[str]
    inline: tuple[tuple[str, int, int], ...] = ()
    location: str = field(default="", compare=False)  # see BlockDraft.location

    def in_scope(self, selector: str) -> bool:
        """Vale-style scope selection: `heading` matches `heading.h2`; `~x` negates."""
        return scopes_match(self.scopes, selector)

    @property
    def scope(self) -> str:
        """The most specific scope name, for display (every alert in the block shows it)."""
        return _shown_scope(self.scopes)


@lru_cache(maxsize=1024)
def _shown_scope(scopes: frozenset[str]) -> str:
    """`Block.scope` of a block in `scopes`: a document's thousands of blocks fall into a
    handful of scope sets, so it is worked out once per set, not kept in every block."""
    return max(scopes, key=lambda s: (s.count("."), s)) if scopes else "text"


@lru_cache(maxsize=4096)
def scopes_match(scopes: frozenset[str], selector: str) -> bool:
    """Whether a block in `scopes` is selected by `selector` (see `Block.in_scope`).
    Rules and measures ask for every block, and a document's thousands of blocks fall
    into a handful of scope sets: a bounded memo of this pure function answers them."""
    if selector.startswith("~"):
        return not scopes_match(scopes, selector[1:])
    if selector in ("text", "summary", "") or selector in scopes:
        return True
    return any(scope.startswith(selector + ".") for scope in scopes)


NOT_PROSE: frozenset[str] = frozenset({"heading", "alt", "title", "meta"})
"""Block scopes that are not running prose: headings, image alt text, titles (an HTML
`<title>`, a Markdown image or link title) and front-matter / meta fields.

They are labels and fragments, not sentences: a four-word heading has no full stop and
would read as one long run-on sentence with the paragraph under it, and an SEO description
or alt text is not what a reader reads as the page. So voice measures (word and sentence
counts, readability, sentence length) leave them out. Match them with `Block.in_scope`, so
`heading` also covers `heading.h2` and `meta` covers `meta.title`. Code is not listed: the
parsers never make code into copy."""


_LINE_BREAK = re.compile(r"\r\n?|\n")


class LineIndex:
    """Converts source offsets to 1-based line and column (code points).

    A line ends at LF, CRLF or a lone CR (classic Mac files), as editors count lines.
    """

    def __init__(self, source: str) -> None:
        self.source = source
        if "\r" in source:
            self.starts = [0, *(found.end() for found in _LINE_BREAK.finditer(source))]
        else:  # each line's start is the sum of the lengths before it: no search per line
            lines = source.split("\n")
            self.starts = [0, *accumulate([len(line) + 1 for line in lines[:-1]])]

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def offset(self, line: int, column: int) -> int:
        """Offset of a 1-based line and column."""
        return self.starts[line - 1] + column - 1

    def span(self, start: int, end: int) -> Span:
        line, column = self.position(start)
        end_line, end_column = self.position(end)
        if end_line == line:  # one number object for both: a page's alerts hold thousands
            end_line = line
        return Span(line, column, end_line, end_column, start, end)

    def line_text(self, line: int) -> str:
        start = self.starts[line - 1]
        end = self.starts[line] if line < len(self.starts) else len(self.source)
        text = self.source[start:end]
        if text.endswith("\r\n"):
            return text[:-2]
        return text[:-1] if text.endswith(("\r", "\n")) else text


class PositionMap:
    """Maps offsets in the plain copy back to offsets in the source."""

    def __init__(self, segments: list[Segment]) -> None:
        self.segments = segments
        self._starts = [s.text_start for s in segments]

    def _segment_at(self, offset: int) -> Segment | None:
        index = bisect.bisect_right(self._starts, offset) - 1
        if index < 0:
            return None
        segment = self.segments[index]
        return segment if offset < segment.text_end else None

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Source range covering copy[start:end] (end exclusive).

        An empty range (an insertion point) maps to just after the character before it.
        """
        if end <= start:
            if start == 0 or self._segment_at(start - 1) is None:
                # at the start of the copy or of a block (after the separator, which does
                # not come from the source): just before its first character
                first = self._segment_at(start)
                offset = first.source_start if first else 0
                return offset, offset
            _, before = self.to_source(start - 1, start)
            return before, before
        first = self._segment_at(start)
        last = self._segment_at(end - 1)
        if first is None or last is None:
            raise ValueError(f"copy range {start}-{end} does not come from the source")
        if first.verbatim:
            source_start = first.source_start + (start - first.text_start)
        else:
            source_start = first.source_start
        if last.verbatim:
            source_end = last.source_start + (end - 1 - last.text_start) + 1
        else:
            source_end = last.source_end
        return source_start, source_end


@dataclass(frozen=True)
class Suppression:
    """An inline comment that turns rules off for some lines.

    `rules` are rule ids or globs; empty means every rule. `end_line` is inclusive; None means
    to the end of the file (a `brandlint-disable` with no matching `brandlint-enable`).
    `reach` says which rules it covers: "all"; "copy", rules reading copy but not those
    reading the raw source (Vale's switches hold while Vale walks the copy, and its raw-scope
    rules run after the walk); "source", only rules reading the raw source.
    """

    rules: tuple[str, ...]
    line: int
    end_line: int | None
    reach: str = "all"


@dataclass(frozen=True)
class ImageRef:
    """An image the copy references, with the source range of its tag (`<img …>` or
    `![alt](src)`) so asset rules can point at it even when it has no alt text."""

    src: str
    alt: str | None  # None: no alt attribute at all
    start: int
    end: int
    width: str | None = None
    height: str | None = None
    decorative: bool = False  # role="presentation"/"none" or aria-hidden="true"
    classes: tuple[str, ...] = ()
    style: str = ""  # the tag's style attribute (`width: 300px` sets the rendered size)
    kind: str = "img"  # or "source": a `<picture>` alternative, which carries no alt text


@dataclass(frozen=True)
class StyleRef:
    """CSS found in the source, kept raw with its offset so colours and fonts inside it
    can be reported (and snapped) at their exact place.

    `kind` says how to read `text`: a whole stylesheet (`<style>`, a .css file), a
    declaration list (a `style` attribute), or one property's value (a presentation
    attribute such as SVG `fill="…"`, HTML `bgcolor="…"`, `<font face="…">`, which stands
    for `property`). `element` names the element it styles (`blockquote.pull`) so a rule
    can tell what the style is for.
    """

    text: str
    start: int
    kind: str  # "sheet" | "declarations" | "value"
    property: str = ""
    element: str = ""
    owner: int = -1  # the source offset of the element's tag: one element's styles together
    # (index in `text`, source characters gained before it): after each decoded character
    # reference (`&quot;` read as `"`), so offsets map back to the attribute as written
    shifts: tuple[tuple[int, int], ...] = ()

    def source_offset(self, index: int) -> int:
        """The source offset of text[index] (or of the end, for index == len(text))."""
        at = bisect.bisect_right(self.shifts, (index, float("inf"))) - 1
        return self.start + index + (self.shifts[at][1] if at >= 0 else 0)


@dataclass(frozen=True)
class Notice:
    """Something the parser wants the user to know about the file itself (not its copy)."""

    rule: str
    message: str
    source_start: int
    source_end: int
    level: str = "warning"


@dataclass(frozen=True)
class Document:
    """A file ready to lint: plain copy in blocks, mapped back to its source."""

    path: str
    source: str
    text: str
    blocks: tuple[Block, ...]
    position_map: PositionMap
    lines: LineIndex
    format: str
    meta: Mapping[str, Any] = field(default_factory=dict)
    lang: str | None = None
    channel: str | None = None
    suppressions: tuple[Suppression, ...] = ()
    notices: tuple[Notice, ...] = ()
    images: tuple[ImageRef, ...] = ()
    styles: tuple[StyleRef, ...] = ()
    stylesheets: tuple[str, ...] = ()  # hrefs of `<link rel="stylesheet">`, as written
    # copy offsets, in order, where code, math or a component stood in running text: the
    # copy reads a space or nothing there, yet a reader sees something, so "and `Gemfile`
    # and" holds no repeated word
    placeholders: tuple[int, ...] = ()

    def holds_placeholder(self, start: int, end: int) -> bool:
        """Whether a placeholder stands in copy[start:end], edges included."""
        at = bisect.bisect_left(self.placeholders, start)
        return at < len(self.placeholders) and self.placeholders[at] <= end

    def block_text(self, block: Block) -> str:
        return self.text[block.start : block.end]

    @cached_property
    def _block_starts(self) -> list[int]:
        return [block.start for block in self.blocks]

    def block_at(self, offset: int) -> Block | None:
        """The block holding copy offset `offset` (blocks are in copy order); each alert
        asks, so the blocks' starts are listed once."""
        index = bisect.bisect_right(self._block_starts, offset) - 1
        if index >= 0 and offset < self.blocks[index].end:
            return self.blocks[index]
        return None

    def source_span(self, start: int, end: int) -> Span:
        """The source span of copy[start:end].

        White space at either edge that stands for markup (a line break, a `<br>`, a tag or
        code read as a space) is left out, so a span starts and ends on copy, never inside
        markup; a span of nothing but white space maps whole."""
        if self.text[start:end].strip():
            while self._stands_for_markup(start):
                start += 1
            while self._stands_for_markup(end - 1):
                end -= 1
        source_start, source_end = self.position_map.to_source(start, end)
        return self.lines.span(source_start, source_end)

    def rewritten(self, start: int, end: int, replacement: str, span: Span) -> str | None:
        """The source at `span` (the span of copy[start:end]) with its copy rewritten
        character for character from `replacement`: code, markup and line breaks stay as
        written ("Using `npm` With Yarn" → "Using `npm` with Yarn"). None when the
        replacement is not a rewrite of the copy's characters (another length)."""
        if len(replacement) != end - start:
            return None
        out: list[str] = []
        at = span.offset
        for segment in self.position_map.segments:
            if not segment.verbatim or segment.text_end <= start or segment.text_start >= end:
                continue
            low, high = max(segment.text_start, start), min(segment.text_end, end)
            source_low = segment.source_start + low - segment.text_start
            source_high = source_low + high - low
            if source_low < at or source_high > span.end_offset:
                return None  # out of source order: no safe rewrite
            out.append(self.source[at:source_low])
            out.append(replacement[low - start : high - start])
            at = source_high
        out.append(self.source[at : span.end_offset])
        return "".join(out)

    def _stands_for_markup(self, offset: int) -> bool:
        segment = self.position_map._segment_at(offset)
        return (
            segment is not None
            and not segment.verbatim
            and self.text[segment.text_start : segment.text_end].isspace()
        )


def assemble(
    path: str,
    source: str,
    drafts: Iterable[BlockDraft],
    *,
    format: str,
    meta: Mapping[str, Any] | None = None,
    lang: str | None = None,
    suppressions: Iterable[Suppression] = (),
    notices: Iterable[Notice] = (),
    images: Iterable[ImageRef] = (),
    styles: Iterable[StyleRef] = (),
    stylesheets: Iterable[str] = (),
    lines: LineIndex | None = None,
) -> Document:
    """Join block drafts into one document text with its position map; `lines`: the
    source's, when the parser has made them already."""
    parts: list[str] = []
    segments: list[Segment] = []
    blocks: list[Block] = []
    placeholders: list[int] = []
    # blocks in the same scopes share one set: fewer objects to hold, and rules that pick
    # blocks by scope decide once per set (`LintContext.in_scope`)
    scope_sets: dict[frozenset[str], frozenset[str]] = {}
    cursor = 0
    for draft in drafts:
        pieces = draft.pieces
        while pieces and not pieces[-1][3] and not pieces[-1][0].strip():
            draft.length -= len(pieces.pop()[0])
        copy = "".join([piece[0] for piece in pieces])
        if not copy.strip():  # white space only, as each piece is
            continue
        if parts:
            parts.append(BLOCK_SEPARATOR)
            cursor += len(BLOCK_SEPARATOR)
        start = cursor
        for text, source_start, source_end, verbatim in pieces:
            end = cursor + len(text)
            segments.append(Segment(cursor, end, source_start, source_end, verbatim))
            cursor = end
        parts.append(copy)
        inline = (  # most blocks have no link nor placeholder: no generator made for them
            tuple((scope, start + s, start + e) for scope, s, e in draft.inline if e > s)
            if draft.inline
            else ()
        )
        if draft.placeholders:
            placeholders.extend(min(start + at, cursor) for at in draft.placeholders)
        scopes = scope_sets.setdefault(draft.scopes, draft.scopes)
        blocks.append(Block(start, cursor, scopes, inline, draft.location))
    return Document(
        path=path,
        source=source,
        text="".join(parts),
        blocks=tuple(blocks),
        position_map=PositionMap(segments),
        lines=lines or LineIndex(source),
        format=format,
        meta=dict(meta or {}),
        lang=lang,
        suppressions=tuple(suppressions),
        notices=tuple(notices),
        images=tuple(images),
        styles=tuple(styles),
        stylesheets=tuple(stylesheets),
        placeholders=tuple(placeholders),
    )
