"""CommonMark (plus tables) and MDX to blocks of copy, with exact positions.

markdown-it gives block tokens with line ranges and inline tokens with their content but not
their columns. With the `text_join` rule off, every `text` token is a literal substring of
the source and escapes and entities arrive as `text_special` tokens carrying their markup;
so we walk each block's inline tokens in order and locate each one in the source after the
previous one. Code, URLs, raw HTML tags and front matter keys never become copy.

Code (backtick spans, inline `<code>`, `<kbd>`, `<samp>`, `<var>`, `<pre>`), math, MDX
expressions and components leave a mask in the running text (see `masking.py`), so the
words around them never join. Other inline tags (`<b>`, `<a href>`, `<span>`) stand for
nothing: their text is copy, the tags are not.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import TYPE_CHECKING

from brandlint.core.document import BlockDraft, ImageRef, LineIndex, Notice, StyleRef
from brandlint.core.scopes import ValeMarkup
from brandlint.document.css import TOO_DEEP
from brandlint.document.inline_cache import install as install_inline_cache
from brandlint.document.masking import add_mask, starred
from brandlint.document.mdx import CODE_TAGS, INLINE_TAGS, MarkupView, markup_view
from brandlint.document.suppressions import SuppressionCollector

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.rules_block import StateBlock
    from markdown_it.token import Token

# where the block parser records the line ranges it skipped for nesting too deep
_SKIPPED = "brandlint.skipped"

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
_LINE_BREAK = re.compile(r"\r\n?|\n")
_QUOTE_MARKS = re.compile(r"[ \t>]*")
_HTML_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)")
# a template tag of the site generator the page is written for (Liquid, Jinja, Hugo), on
# one line: `{{ page.title }}`, `{% include note.html %}`, `{{< figure >}}`
_TEMPLATE_TAG = re.compile(r"\{\{[^\r\n]*?\}\}|\{%[^\r\n]*?%\}")
_CLASS = re.compile(r"""\sclass\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))""", re.IGNORECASE)
# the HTML element each inline token renders as (Vale reads Markdown as its HTML)
_INLINE_ELEMENTS = {"strong_open": "strong", "em_open": "em", "s_open": "del", "link_open": "a"}


@lru_cache(maxsize=2)
def _parser(mdx: bool) -> MarkdownIt:
    """CommonMark with tables; for MDX, no raw HTML (tags are JSX, blanked out before) and
    no indented code (MDX has none: indented text is text)."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": not mdx}).enable("table").enable("strikethrough")
    md.disable("text_join")
    md.normalizeLink = normalized_link  # type: ignore[method-assign]
    if mdx:
        md.disable("code")
    _record_skips(md)
    install_inline_cache(md)  # an editor's buffer reads only the blocks that changed
    return md


# A link destination markdown-it's `normalizeLink` returns as it is: a relative path, or an
# http(s) URL with an ASCII host, each in characters it never percent-encodes, with no `%`,
# `@` or `:` past the scheme and no leading `//` (which it reads as a host).
_PLAIN_LINK = re.compile(
    r"(?:https?://[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})*(?=[/?#]|$)|(?!//))"
    r"[A-Za-z0-9/?#&=+$,_.!~*'();-]*"
)


def normalized_link(url: str) -> str:
    """markdown-it's `normalizeLink` (its documented override point), without its URL
    parse for the destinations nearly every page links to: that parse, punycode and
    percent-encoding took a tenth of markdown-it's time on a documentation site, to
    return them unchanged. Which link is valid, and every image's `src`, stay as
    markdown-it makes them (`tests/document/test_markdown_links.py` checks it)."""
    if len(url) < 256 and _PLAIN_LINK.fullmatch(url):  # a host stays under 256 characters
        return url
    from markdown_it.common.normalize_url import normalizeLink

    return normalizeLink(url)


def _record_skips(md: MarkdownIt) -> None:
    """Make the block parser record what it skips for nesting too deep.

    Past `maxNesting` levels (20: lists and quotes inside each other) markdown-it stops
    reading the nested block and every line after it up to where that block could end,
    often the end of the file, without a word; the range goes in the parse's env so the
    reader can say which lines were not checked."""
    tokenize = md.block.tokenize
    deepest = md.options["maxNesting"]

    def recording(state: StateBlock, start: int, end: int) -> None:
        first = state.skipEmptyLines(start)
        if state.level >= deepest and first < end and state.sCount[first] >= state.blkIndent:
            last = min(end, state.lineMax) - 1
            while last > first and state.isEmpty(last):
                last -= 1
            state.env.setdefault(_SKIPPED, []).append((first, last))
        tokenize(state, start, end)

    md.block.tokenize = recording  # type: ignore[method-assign, assignment]


_CLOSES = {kind.replace("_open", "_close"): name for kind, name in _INLINE_ELEMENTS.items()}


class _Walker:
    def __init__(
        self,
        view: MarkupView,
        comments: SuppressionCollector,
        vale: ValeMarkup | None,
        lines: LineIndex | None = None,
    ) -> None:
        self.source = view.text
        self.vale = vale  # a Vale project's reading of markup, instead of brandlint's
        # open inline elements whose text reads as `*`s (Vale's IgnoredScopes)
        self.stars: list[str] = []
        self.regions = view.regions
        self._region_ends = [end for _, end, _ in view.regions]
        self.lines = lines or LineIndex(view.text)
        self.drafts: list[BlockDraft] = []
        self.images: list[ImageRef] = []
        self.styles: list[StyleRef] = []
        self.comments = comments
        self.cursor = 0
        # an inline code element (`<code>` …) being skipped: (tag name, start, depth)
        self.code: tuple[str, int, int] | None = None

    def line_offset(self, line: int) -> int:
        """Offset where 0-based `line` starts (the end of the source past the last line)."""
        starts = self.lines.starts
        return starts[line] if line < len(starts) else len(self.source)

    def walk(self, tokens: list[Token]) -> None:
        context: list[str] = []
        heading: frozenset[str] | None = None
        scope = "paragraph"
        skipping: int | None = None  # the level of the element a Vale project skips
        skipped = self.vale.skipped if self.vale is not None else ()
        for token in tokens:
            kind = token.type
            if skipping is not None:
                if token.nesting == -1 and token.level == skipping:
                    skipping = None
                continue
            if kind == "inline":  # a third of the tokens: asked first
                self.inline(token, heading or frozenset({scope, *context}))
                scope = "paragraph"
            elif skipped and token.nesting == 1 and token.tag in skipped:
                skipping = token.level  # SkippedScopes (`blockquote`): the element's HTML tag
            elif kind in _CONTEXT:
                context.append(_CONTEXT[kind])
            elif kind in _CLOSERS and context:
                context.pop()
            elif kind == "heading_open":
                heading = frozenset({"heading", f"heading.{token.tag}"})
            elif kind == "heading_close":
                heading = None
            elif kind in _BLOCK_SCOPES:
                scope = _BLOCK_SCOPES[kind]
            elif kind == "html_block" and token.map:
                start = self.line_offset(token.map[0])
                raw = self.source[start : self.line_offset(token.map[1])]
                fragment = _in_place(raw, token.content)
                self.html(fragment or token.content, start, token.map[0] + 1, text=True)

    def html(self, fragment: str, offset: int, line: int, *, text: bool) -> None:
        from brandlint.document.html import HtmlCopy  # a page with HTML in it: most have none

        copy = HtmlCopy(fragment, offset, self.comments, base_line=line, vale=self.vale).parse()
        self.images.extend(copy.images)
        self.styles.extend(copy.styles)
        self.drafts.extend(d for d in copy.drafts if text or d.scopes & {"alt", "title"})

    def find(self, needle: str, limit: int | None = None) -> int:
        return self.source.find(needle, self.cursor, limit)

    def locate(self, content: str, limit: int | None) -> tuple[int, int]:
        """Where `content` (markdown-it's, line breaks read as `\\n`) is next in the
        source, as (start, end); (-1, -1) if it is not."""
        if "\n" not in content:
            at = self.find(content, limit)
            return at, at + len(content)
        pattern = "(?:\r\n?|\n)".join(re.escape(line) for line in content.split("\n"))
        found = re.compile(pattern).search(self.source, self.cursor, limit or len(self.source))
        return found.span() if found else (-1, -1)

    def inline(self, token: Token, scopes: frozenset[str]) -> None:
        if token.map:
            self.cursor = max(self.cursor, self.line_offset(token.map[0]))
        limit = self.line_offset(token.map[1]) if token.map else None
        draft = BlockDraft(scopes)
        self.stars = []
        self.children(token.children or [], draft, limit)
        if self.code is not None:  # an inline code element left open: code to the block end
            end = len(self.source[: limit or len(self.source)].rstrip())
            add_mask(draft, self.code[1], max(end, self.cursor))
            self.cursor = max(end, self.cursor)
            self.code = None
        self.drafts.append(draft)

    def text(self, draft: BlockDraft, content: str, at: int) -> None:
        """Copy taken verbatim from `at`, but what the view blanked out (MDX, math) masked;
        inside an element a Vale project ignores, `*`s."""
        end = at + len(content)
        if self.stars:
            draft.add(starred(content), at, end)
            return
        if not self.regions:  # most pages: nothing blanked out
            draft.add(content, at)
            return
        index = bisect.bisect_right(self._region_ends, at)
        position = at
        while index < len(self.regions) and self.regions[index][0] < end:
            start, stop, stands_for = self.regions[index]
            if start > position:
                draft.add(self.source[position:start], position)
            if stands_for:
                add_mask(draft, start, stop)
            position = max(position, min(stop, end))
            index += 1
        if position < end:
            draft.add(self.source[position:end], position)

    def children(self, children: list[Token], draft: BlockDraft, limit: int | None) -> None:
        links: list[int] = []
        source, pieces = self.source, draft.pieces
        for child in children:
            kind = child.type
            if self.code is not None and kind != "html_inline":
                continue  # inside inline `<code>`: nothing is copy
            if kind == "text":
                content = child.content
                at = source.find(content, self.cursor, limit)
                if at < 0:
                    continue  # not locatable: leave it out rather than report a wrong place
                end = self.cursor = at + len(content)
                if self.stars or self.regions:
                    self.text(draft, content, at)
                elif content:  # most text: `draft.add`, inline (the commonest token)
                    pieces.append((content, at, end, True))
                    draft.length += end - at
            elif kind == "text_special":
                at = self.find(child.markup, limit)
                if at >= 0:  # a backslash that escapes nothing (`\n`) is copy as written
                    verbatim = child.content == child.markup
                    draft.add(child.content, at, None if verbatim else at + len(child.markup))
                    self.cursor = at + len(child.markup)
            elif kind in ("softbreak", "hardbreak"):
                found = _LINE_BREAK.search(self.source, self.cursor, limit or len(self.source))
                if found:
                    draft.add_space(*found.span())
                    self.cursor = found.end()
            elif kind == "code_inline":
                self.code_span(child, draft, limit)
            elif kind == "html_inline":
                self.html_inline(child.content, draft, limit, links)
            elif kind == "link_open":
                if child.markup == "autolink":
                    self.skip_autolink(limit)
                links.append(draft.length)
                self.open_element("a")
            elif kind == "link_close":
                if links:
                    draft.mark_inline("link", links.pop())
                self.skip_destination(limit)
                self.close_element("a")
            elif kind in _INLINE_ELEMENTS:
                self.open_element(_INLINE_ELEMENTS[kind])
            elif kind in _CLOSES:
                self.close_element(_CLOSES[kind])
            elif kind == "image":
                self.image(child, limit)

    def open_element(self, name: str) -> None:
        """An inline element opens: in a Vale project, one it ignores stars its text."""
        if self.vale is not None and (self.stars or name in self.vale.ignored):
            self.stars.append(name)

    def close_element(self, name: str) -> None:
        if self.stars and self.stars[-1] == name:
            self.stars.pop()

    def code_span(self, token: Token, draft: BlockDraft, limit: int | None) -> None:
        """A backtick code span: a mask over it, from its opening run to its closing one.
        A Vale project reads it as `<code>`: `*`s as long as the code (IgnoredScopes has
        `code`, the default), else copy."""
        fence = _fence(token.markup)
        end = limit or len(self.source)
        opening = fence.search(self.source, self.cursor, end)
        closing = opening and fence.search(self.source, opening.end(), end)
        if not (opening and closing):
            return
        self.cursor = closing.end()
        if self.vale is None:
            add_mask(draft, opening.start(), closing.end())
        elif self.stars or "code" in self.vale.ignored:
            draft.add(starred(token.content), opening.start(), closing.end())
        else:
            inner = self.source[opening.end() : closing.start()]
            at = inner.find(token.content)
            if at < 0:  # line breaks read as spaces: the code as a whole
                draft.add(token.content, opening.end(), closing.start())
            else:
                draft.add(token.content, opening.end() + at)

    def html_inline(
        self, content: str, draft: BlockDraft, limit: int | None, links: list[int]
    ) -> None:
        """An inline tag or comment: code elements are masked whole; a line break or a block
        tag parts words; phrasing tags (`<b>`, `<a>`, `<span>`) stand for nothing."""
        at, end = self.locate(content, limit)
        if at < 0:
            return
        self.cursor = end
        tag = _HTML_TAG.match(content)
        closing, name = (bool(tag.group(1)), tag.group(2).lower()) if tag else (False, "")
        self_closing = content.rstrip().endswith("/>")
        if self.code is not None:
            code_name, start, depth = self.code
            if name == code_name and not self_closing:
                depth += -1 if closing else 1
            self.code = (code_name, start, depth) if depth else None
            if not depth:
                add_mask(draft, start, end)
            return
        self.html(self.source[at:end], at, self.lines.position(at)[0], text=False)
        if not name:
            return  # a comment: read for directives, stands for nothing
        if name == "a" and not self_closing:  # link text is marked, the tags are nothing
            if not closing:
                links.append(draft.length)
            elif links:
                draft.mark_inline("link", links.pop())
        if self.vale is not None and name not in self.vale.skipped:
            self.vale_inline_tag(name, closing, self_closing, content, draft, at, end)
            return
        # here a Vale project's tags are its SkippedScopes: left out whole, as code is
        if (self.vale is not None or name in CODE_TAGS) and not closing and not self_closing:
            self.code = (name, at, 1)
        elif name == "br":
            draft.add_space(at, end)
        elif name not in INLINE_TAGS:
            add_mask(draft, at, end)

    def vale_inline_tag(
        self,
        name: str,
        closing: bool,
        self_closing: bool,
        content: str,
        draft: BlockDraft,
        at: int,
        end: int,
    ) -> None:
        """An inline tag as a Vale project reads it: an element IgnoredScopes or
        IgnoredClasses name stars its text; other tags stand for nothing, or part words
        (a line break, a block tag)."""
        assert self.vale is not None
        if self_closing:
            pass
        elif closing:
            self.close_element(name)
        else:
            found = _CLASS.search(content)
            ignored_class = found is not None and self.vale.skips_class(
                next(g for g in found.groups() if g is not None)
            )
            if ignored_class and not self.stars:
                self.stars.append(name)
            else:
                self.open_element(name)
        if name == "br":
            draft.add_space(at, end)
        elif name not in INLINE_TAGS | CODE_TAGS:
            add_mask(draft, at, end)

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
        if self.vale is None or "alt" not in self.vale.skipped:
            self.drafts.append(alt)
        title = token.attrs.get("title") if self.vale is None else None  # Vale reads none
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


@lru_cache(maxsize=16)
def _fence(markup: str) -> re.Pattern[str]:
    """A run of exactly `markup`'s backticks (a code span opens and closes with one)."""
    return re.compile(rf"(?<!`){markup}(?!`)")


def _in_place(raw: str, content: str) -> str | None:
    """An HTML block's source lines (`raw`) with what markdown-it took out of them (a
    quote's `>`, a list item's indentation) blanked, so offsets into it are offsets into the
    source whatever its line breaks; None if `content` does not line up with them."""
    parts = re.split(r"(\r\n?|\n)", raw)  # lines, with the breaks between them
    lines = content.split("\n")
    out = []
    for index, part in enumerate(parts):
        line = lines[index // 2] if index // 2 < len(lines) else ""
        if index % 2:
            out.append(part)
        elif part.endswith(line):
            out.append(" " * (len(part) - len(line)) + line)
        else:
            return None
    return "".join(out)


def markdown_drafts(
    source: str,
    comments: SuppressionCollector,
    *,
    mdx: bool = False,
    vale: ValeMarkup | None = None,
    lines: LineIndex | None = None,
) -> tuple[list[BlockDraft], list[ImageRef], list[StyleRef], list[Notice]]:
    """Block drafts, images, the CSS of embedded HTML, and a notice for each part nested
    too deep to read, of a Markdown or MDX source (front matter already blanked out);
    `vale`: as a Vale project reads it; `lines`: the lines of the file it is, which the
    reader has made for the Document (blanking keeps every line break where it was)."""
    view = markup_view(source, comments, mdx=mdx)
    if not mdx and vale is None and ("{{" in source or "{%" in source):
        view = _without_templates(view)
    walker = _Walker(view, comments, vale, lines)
    parser = _parser(mdx)
    env: dict[str, list[tuple[int, int]]] = {}
    walker.walk(parser.parse(view.text, env))
    deepest = parser.options["maxNesting"]
    notices = [
        Notice(
            TOO_DEEP,
            f"Markdown nested over {deepest} levels deep (lists or quotes inside each other): "
            f"brandlint did not read {_lines(first, last)}; flatten the nesting to have "
            f"{'it' if first == last else 'them'} checked.",
            *_line_text(view.text, walker.line_offset(first)),
        )
        for first, last in env.get(_SKIPPED, [])
    ]
    return walker.drafts, walker.images, walker.styles, notices


def _line_text(source: str, start: int) -> tuple[int, int]:
    """Where the line starting at `start` has text, past the indent and quote marks."""
    end = _LINE_BREAK.search(source, start)
    stop = end.start() if end else len(source)
    begin = _QUOTE_MARKS.match(source, start, stop).end()  # type: ignore[union-attr]
    return (begin, stop) if begin < stop else (start, stop)


def _lines(first: int, last: int) -> str:
    """0-based lines `first` to `last` as a reader names them."""
    return f"line {first + 1}" if first == last else f"lines {first + 1} to {last + 1}"


def _without_templates(view: MarkupView) -> MarkupView:
    """The view with template tags blanked out too, each standing for what it renders.

    A Jekyll or Hugo page is Markdown with template tags that the site generator replaces
    before Markdown is read, so they are not copy, and a link whose target is a tag
    (`[guides]({{ '/docs/' | relative_url }})`) is a link. Vale reads them as text."""
    taken = view.regions
    found = [
        (tag.start(), tag.end(), True)
        for tag in _TEMPLATE_TAG.finditer(view.text)
        if not any(start < tag.end() and tag.start() < end for start, end, _ in taken)
    ]
    if not found:
        return view
    parts: list[str] = []
    position = 0
    for start, end, _ in found:  # in order, apart, each on one line
        parts += (view.text[position:start], " " * (end - start))
        position = end
    parts.append(view.text[position:])
    return MarkupView("".join(parts), sorted(taken + found))
