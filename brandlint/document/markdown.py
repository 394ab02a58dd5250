"""CommonMark (plus tables and front matter) to blocks of copy, with exact positions.

markdown-it gives block tokens with line ranges and inline tokens with their content but not
their columns. With the `text_join` rule off, every `text` token is a literal substring of
the source and escapes and entities arrive as `text_special` tokens carrying their markup;
so we walk each block's inline tokens in order and locate each one in the source after the
previous one. Code, URLs, raw HTML tags and front matter keys never become copy.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from brandlint.core.document import BlockDraft, ImageRef, LineIndex, StyleRef
from brandlint.document.html import HtmlCopy
from brandlint.document.suppressions import SuppressionCollector

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

_BLOCK_SCOPES = {
    "paragraph_open": "paragraph",
    "th_open": "table.header",
    "td_open": "table.cell",
}
_CONTEXT = {
    "blockquote_open": "blockquote",
    "bullet_list_open": "list",
    "ordered_list_open": "list",
    "table_open": "table",
}
_CLOSERS = {"blockquote_close", "bullet_list_close", "ordered_list_close", "table_close"}


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark").enable("table").enable("strikethrough")
    md.disable("text_join")
    return md


class _Walker:
    def __init__(self, source: str, comments: SuppressionCollector) -> None:
        self.source = source
        self.lines = LineIndex(source)
        self.drafts: list[BlockDraft] = []
        self.images: list[ImageRef] = []
        self.styles: list[StyleRef] = []
        self.comments = comments
        self.cursor = 0

    def line_offset(self, line: int) -> int:
        """Offset where 0-based `line` starts (the end of the source past the last line)."""
        starts = self.lines.starts
        return starts[line] if line < len(starts) else len(self.source)

    def walk(self, tokens: list[Token]) -> None:
        context: list[str] = []
        heading: frozenset[str] | None = None
        scope = "paragraph"
        for token in tokens:
            kind = token.type
            if kind in _CONTEXT:
                context.append(_CONTEXT[kind])
            elif kind in _CLOSERS and context:
                context.pop()
            elif kind == "heading_open":
                heading = frozenset({"heading", f"heading.{token.tag}"})
            elif kind == "heading_close":
                heading = None
            elif kind in _BLOCK_SCOPES:
                scope = _BLOCK_SCOPES[kind]
            elif kind == "inline":
                scopes = heading or frozenset({scope, *context})
                if scope == "table.header":
                    scopes = scopes | {"table.cell"}
                self.inline(token, scopes)
                scope = "paragraph"
            elif kind == "html_block" and token.map:
                self.html(
                    token.content, self.line_offset(token.map[0]), token.map[0] + 1, text=True
                )

    def html(self, fragment: str, offset: int, line: int, *, text: bool) -> None:
        copy = HtmlCopy(fragment, offset, self.comments, base_line=line).parse()
        self.images.extend(copy.images)
        self.styles.extend(copy.styles)
        self.drafts.extend(d for d in copy.drafts if text or d.scopes & {"alt", "title"})

    def find(self, needle: str, limit: int | None = None) -> int:
        return self.source.find(needle, self.cursor, limit)

    def inline(self, token: Token, scopes: frozenset[str]) -> None:
        if token.map:
            self.cursor = max(self.cursor, self.line_offset(token.map[0]))
        limit = self.line_offset(token.map[1]) if token.map else None
        draft = BlockDraft(scopes)
        self.children(token.children or [], draft, limit)
        self.drafts.append(draft)

    def children(self, children: list[Token], draft: BlockDraft, limit: int | None) -> None:
        links: list[int] = []
        for child in children:
            kind = child.type
            if kind == "text":
                at = self.find(child.content, limit)
                if at < 0:
                    continue  # not locatable: leave it out rather than report a wrong place
                draft.add(child.content, at)
                self.cursor = at + len(child.content)
            elif kind == "text_special":
                at = self.find(child.markup, limit)
                if at >= 0:
                    draft.add(child.content, at, at + len(child.markup))
                    self.cursor = at + len(child.markup)
            elif kind in ("softbreak", "hardbreak"):
                at = self.find("\n", limit)
                if at >= 0:
                    draft.add_space(at, at + 1)
                    self.cursor = at + 1
            elif kind == "code_inline":
                at = self.find(child.content, limit)
                if at >= 0:
                    self.cursor = at + len(child.content) + len(child.markup)
            elif kind == "html_inline":
                at = self.find(child.content, limit)
                if at >= 0:
                    self.html(child.content, at, self.lines.position(at)[0], text=False)
                    self.cursor = at + len(child.content)
            elif kind == "link_open":
                if child.markup == "autolink":
                    self.skip_autolink(limit)
                links.append(draft.length)
            elif kind == "link_close":
                if links:
                    draft.mark_inline("link", links.pop())
                self.skip_destination(limit)
            elif kind == "image":
                self.image(child, limit)

    def skip_autolink(self, limit: int | None) -> None:
        end = self.find(">", limit)
        if end >= 0:
            self.cursor = end + 1

    def skip_destination(self, limit: int | None) -> None:
        """Move past `](url "title")`, `][ref]` or `]` so URLs are never read as copy."""
        source = self.source
        close = self.find("]", limit)
        if close < 0:
            return  # an autolink: the cursor is already past it
        position = close + 1
        if source.startswith("(", position):
            depth = 0
            while position < len(source):
                char = source[position]
                if char == "\\":
                    position += 2
                    continue
                if char == "(":
                    depth += 1
                elif char == ")":
                    depth -= 1
                    if depth == 0:
                        position += 1
                        break
                position += 1
        elif source.startswith("[", position):
            end = source.find("]", position)
            position = end + 1 if end >= 0 else position
        self.cursor = position

    def image(self, token: Token, limit: int | None) -> None:
        start = self.find("![", limit)
        if start < 0:
            return
        self.cursor = start + 2
        alt = BlockDraft(frozenset({"alt"}))
        self.children(token.children or [], alt, limit)
        self.drafts.append(alt)
        title = token.attrs.get("title")
        self.skip_destination(limit) if not title else self.image_title(str(title), limit)
        self.images.append(
            ImageRef(
                src=str(token.attrs.get("src", "")), alt=alt.text, start=start, end=self.cursor
            )
        )

    def image_title(self, title: str, limit: int | None) -> None:
        at = self.find(title, limit)
        if at >= 0:
            draft = BlockDraft(frozenset({"title"}))
            draft.add(title, at)
            self.drafts.append(draft)
            self.cursor = at + len(title)
        close = self.find(")", limit)  # past the title's closing quote and the parenthesis
        if close >= 0:
            self.cursor = close + 1


def markdown_drafts(
    source: str, comments: SuppressionCollector
) -> tuple[list[BlockDraft], list[ImageRef], list[StyleRef]]:
    """Block drafts, images and the CSS of embedded HTML, of a Markdown source (front
    matter already blanked out)."""
    walker = _Walker(source, comments)
    walker.walk(_parser().parse(source))
    return walker.drafts, walker.images, walker.styles
