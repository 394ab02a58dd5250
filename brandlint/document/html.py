"""HTML to blocks of copy, with exact source positions.

We use the standard library's HTML tokenizer (`html.parser`): it follows the HTML5
tokenization rules closely enough for copy, and unlike html5lib or lxml it reports the line
and column of every token, which the position map needs. Character references are kept
unexpanded by the tokenizer so each decoded character maps to its `&...;` in the source.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from brandlint.core.document import BlockDraft, ImageRef, LineIndex, StyleRef
from brandlint.core.scopes import ValeMarkup
from brandlint.document.masking import add_mask, starred
from brandlint.document.suppressions import SuppressionCollector

_HEADINGS = {f"h{n}" for n in range(1, 7)}
_BLOCK_SCOPES: dict[str, frozenset[str]] = {
    **{h: frozenset({"heading", f"heading.{h}"}) for h in _HEADINGS},
    "p": frozenset({"paragraph"}),
    "li": frozenset({"list"}),
    "dt": frozenset({"list"}),
    "dd": frozenset({"list"}),
    "td": frozenset({"table.cell"}),
    "th": frozenset({"table.header"}),
    "caption": frozenset({"table.caption"}),
    "figcaption": frozenset({"caption"}),
    "title": frozenset({"title", "meta.title"}),
    "button": frozenset({"button"}),
    "summary": frozenset({"summary"}),
    # SVG copy (an SVG file, whose `title` is already above)
    "text": frozenset({"paragraph"}),
    "desc": frozenset({"paragraph"}),
}
_CONTAINERS = {
    "div",
    "section",
    "article",
    "header",
    "footer",
    "main",
    "aside",
    "nav",
    "figure",
    "blockquote",
    "ul",
    "ol",
    "dl",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "form",
    "fieldset",
    "legend",
    "label",
    "option",
    "details",
    "address",
    "body",
    "html",
    "head",
    "center",
    "hr",
    "br",
}
_CONTEXT_SCOPES = {"blockquote": "blockquote", "ul": "list", "ol": "list", "table": "table"}
# a paragraph inside one of these is in its scope (`<td><p>…</p></td>` is a cell), as Vale
# scopes a block by the outermost tag since the last block ended
_CELLS = {"td", "th", "caption"}
# Vale's inline tags: an element with an ignored class is read as `*`s if it is one of
# these, left out whole otherwise
VALE_INLINE = frozenset(
    "b big i small abbr acronym cite dfn em kbd strong a br img span sub sup code tt del".split()
)
_NOT_COPY = {
    "script",
    "style",
    "code",
    "pre",
    "kbd",
    "samp",
    "var",
    "template",
    "noscript",
    "svg",
    "math",
    "textarea",
}
_VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
    "param",
}
# Attributes that carry a colour or a font, read as the CSS property they stand for.
_PRESENTATION = {
    "fill": "fill",
    "stroke": "stroke",
    "stop-color": "stop-color",
    "flood-color": "flood-color",
    "lighting-color": "lighting-color",
    "color": "color",
    "bgcolor": "background-color",
    "font-family": "font-family",
}
# what `_collect_styles` reads: the tags that can carry or link CSS whatever their
# attributes, and the attributes that carry it on any tag
_STYLING_TAGS = frozenset({"meta", "font", "style", "link"})
_STYLING_ATTRIBUTES = frozenset({"style", *_PRESENTATION})
_ATTRIBUTE = re.compile(r"""[\s/]([^\s/>="']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?""")
_ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?")
_WORDS = re.compile(r"\S+(?: \S+)*")


def add_copy(
    draft: BlockDraft, raw: str, offset: int, *, entities: bool, stars: bool = False
) -> None:
    """Add raw markup text: white space runs read as one space, `&...;` decoded in place.
    With `stars`, each run of text reads as `*`s, one per character (decoded), as Vale
    reads what its IgnoredScopes name: a word is there, its letters are not."""
    position = 0
    for run in _WORDS.finditer(raw):
        if run.start() > position:
            draft.add_space(offset + position, offset + run.start())
        if stars:
            decoded = html.unescape(run.group()) if entities else run.group()
            draft.add(starred(decoded), offset + run.start(), offset + run.end())
        elif entities:
            _add_with_entities(draft, run.group(), offset + run.start())
        else:
            draft.add(run.group(), offset + run.start())
        position = run.end()
    if position < len(raw):
        draft.add_space(offset + position, offset + len(raw))


def _add_with_entities(draft: BlockDraft, raw: str, offset: int) -> None:
    position = 0
    for ref in _ENTITY.finditer(raw):
        draft.add(raw[position : ref.start()], offset + position)
        decoded = html.unescape(ref.group())
        draft.add(decoded, offset + ref.start(), offset + ref.end())
        position = ref.end()
    draft.add(raw[position:], offset + position)


def _style(
    raw: str, start: int, kind: str, prop: str = "", element: str = "", owner: int = -1
) -> StyleRef:
    """An attribute value as CSS: character references decoded (`&quot;Inter&quot;` is
    `"Inter"` to CSS), with the shifts that map offsets back to the value as written."""
    parts: list[str] = []
    shifts: list[tuple[int, int]] = []
    position = gained = length = 0
    for ref in _ENTITY.finditer(raw):
        decoded = html.unescape(ref.group())
        parts += [raw[position : ref.start()], decoded]
        length += ref.start() - position + len(decoded)
        gained += len(ref.group()) - len(decoded)
        shifts.append((length, gained))
        position = ref.end()
    parts.append(raw[position:])
    return StyleRef("".join(parts), start, kind, prop, element, owner, tuple(shifts))


def _without_cdata(sheet: str) -> str:
    """An SVG `<style>` wraps its CSS in `<![CDATA[ … ]]>`, which CSS cannot read: blank the
    markers out (same length, so offsets hold)."""
    opening = sheet.find("<![CDATA[")
    closing = sheet.rfind("]]>")
    if opening < 0 or closing < opening or sheet[:opening].strip():
        return sheet
    return f"{sheet[:opening]}{' ' * 9}{sheet[opening + 9 : closing]}   {sheet[closing + 3 :]}"


class HtmlCopy(HTMLParser):
    """Feeds on (part of) a source string and collects block drafts and comments."""

    def __init__(
        self,
        fragment: str,
        base: int,
        comments: SuppressionCollector,
        base_line: int = 1,
        *,
        svg: bool = False,
        vale: ValeMarkup | None = None,
    ) -> None:
        super().__init__(convert_charrefs=False)
        self.svg = svg  # an SVG file: its text is copy, not markup to skip
        self.vale = vale  # a Vale project's reading of markup, instead of brandlint's
        self.fragment = fragment
        self.base = base
        self.base_line = base_line
        self.comments = comments
        self.lines = LineIndex(fragment)
        # HTMLParser counts lines at LF only (a lone CR is not one to it): its positions
        # are read against its own line starts, which are the lines' when there is no CR
        self._starts = (
            self.lines.starts
            if "\r" not in fragment
            else [0, *(found.end() for found in re.finditer("\n", fragment))]
        )
        self.drafts: list[BlockDraft] = []
        self.images: list[ImageRef] = []
        self.styles: list[StyleRef] = []
        self.stylesheets: list[str] = []
        self._style_from: int | None = None
        self.lang: str | None = None
        self.meta: dict[str, str] = {}
        self._skip: list[str] = []
        self._skip_from = 0  # where the element being skipped (code, script…) starts
        self._stack: list[str] = []
        self._draft: BlockDraft | None = None
        self._links: list[int] = []
        self._stars: list[str] = []  # open elements whose text reads as `*`s (Vale)
        self._href: str | None = None  # the open link's target: its text, if the same, too

    def parse(self) -> HtmlCopy:
        self.feed(self.fragment)
        self.close()
        self._flush()
        return self

    # -- positions ---------------------------------------------------------------
    def _offset(self) -> int:
        line, column = self.getpos()
        return self._starts[line - 1] + column

    # -- blocks ------------------------------------------------------------------
    def _scopes(self) -> frozenset[str]:
        """The innermost block's own scope plus the containers around it (list, quote…)."""
        own: frozenset[str] | None = None
        context: set[str] = set()
        for tag in reversed(self._stack):
            if tag in _CELLS and (own is None or own == _BLOCK_SCOPES["p"]):
                own = _BLOCK_SCOPES[tag]
            if own is None and tag in _BLOCK_SCOPES:
                own = _BLOCK_SCOPES[tag]
            if tag in _CONTEXT_SCOPES:
                context.add(_CONTEXT_SCOPES[tag])
        return (own or frozenset({"paragraph"})) | context

    def _current(self) -> BlockDraft:
        if self._draft is None:
            self._draft = BlockDraft(self._scopes())
        return self._draft

    def _flush(self) -> None:
        if self._draft is not None:
            self.drafts.append(self._draft)
        self._draft = None
        self._links = []

    def _attribute_block(self, scope: str, value: tuple[str, int]) -> None:
        raw, start = value
        draft = BlockDraft(frozenset({scope}))
        add_copy(draft, raw, self.base + start, entities=True)
        self.drafts.append(draft)

    # -- tokenizer callbacks ------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, closed=False)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, closed=True)

    def _start(self, tag: str, attrs: list[tuple[str, str | None]], closed: bool) -> None:
        values = self._attribute_positions()
        named = {name: value for name, value in attrs}
        self._collect_styles(tag, named, values, closed)
        if self._skip:
            if tag == self._skip[-1] and not closed:
                self._skip.append(tag)
            return
        if self._skips(tag, named) and not closed:
            self._skip.append(tag)
            self._skip_from = self._offset()
            return
        if tag == "html" and named.get("lang"):
            self.lang = named["lang"]
        if tag == "svg" and self.svg and self.lang is None:
            self.lang = named.get("xml:lang") or named.get("lang")
        if tag == "meta" and (named.get("name") or "").lower() == "description":
            self.meta["description"] = named.get("content") or ""
            if "content" in values:
                self._attribute_block("meta.description", values["content"])
        if tag == "img" or (tag == "source" and "picture" in self._stack):
            self.images.append(self._image(tag, named))
        alt_skipped = self.vale is not None and "alt" in self.vale.skipped
        if "alt" in values and tag in ("img", "area", "input") and not alt_skipped:
            self._attribute_block("alt", values["alt"])
        if "title" in values and self.vale is None:
            self._attribute_block("title", values["title"])
        if tag in _BLOCK_SCOPES or tag in _CONTAINERS:
            if tag == "br" and self._draft is not None:
                offset = self.base + self._offset()
                self._draft.add_space(offset, offset + len(self.get_starttag_text() or ""))
            else:
                self._flush()
        if tag == "a":
            self._links.append(self._current().length)
            self._href = named.get("href")
        if tag not in _VOID and not closed:
            self._stack.append(tag)
            if self.vale is not None and (
                tag in self.vale.ignored or self.vale.skips_class(named.get("class"))
            ):
                self._stars.append(tag)

    def _skips(self, tag: str, named: dict[str, str | None]) -> bool:
        """Whether an element is left out whole: brandlint's code and data elements, or
        in a Vale project its SkippedScopes and the blocks with an ignored class."""
        if self.vale is None:
            return tag in _NOT_COPY and not (self.svg and tag == "svg")
        return tag in self.vale.skipped or (
            tag not in VALE_INLINE and self.vale.skips_class(named.get("class"))
        )

    def _starred(self, data: str) -> bool:
        """Whether text reads as `*`s (Vale): inside an ignored element, or a link's text
        that is its own target (an autolink)."""
        if self._stars:
            return True
        return bool(
            self.vale is not None
            and self._stack
            and self._stack[-1] == "a"
            and self._href
            and data.strip() == self._href
        )

    def _image(self, tag: str, named: dict[str, str | None]) -> ImageRef:
        start = self.base + self._offset()
        raw = self.get_starttag_text() or ""
        role = (named.get("role") or "").lower()
        src = named.get("src") or (named.get("srcset") or "").split(" ", 1)[0].rstrip(",")
        return ImageRef(
            src=src,
            alt=named.get("alt"),
            start=start,
            end=start + len(raw),
            width=named.get("width"),
            height=named.get("height"),
            decorative=role in ("presentation", "none")
            or (named.get("aria-hidden") or "").lower() == "true",
            classes=tuple((named.get("class") or "").split()),
            style=named.get("style") or "",
            kind="img" if tag == "img" else "source",
        )

    def _collect_styles(
        self,
        tag: str,
        named: dict[str, str | None],
        values: dict[str, tuple[str, int]],
        closed: bool,
    ) -> None:
        """Record the CSS this tag carries or opens, and the stylesheet it links."""
        if tag not in _STYLING_TAGS and values.keys().isdisjoint(_STYLING_ATTRIBUTES):
            return  # most tags: no CSS of their own
        element = tag + "".join(f".{c}" for c in (named.get("class") or "").split())
        owner = self.base + self._offset()
        if "style" in values:
            raw, start = values["style"]
            self.styles.append(_style(raw, self.base + start, "declarations", "", element, owner))
        for attribute, prop in _PRESENTATION.items():
            if attribute in values:
                raw, start = values[attribute]
                self.styles.append(_style(raw, self.base + start, "value", prop, element, owner))
        name = (named.get("name") or "").lower()
        if (
            tag == "meta"
            and name in ("theme-color", "msapplication-tilecolor")
            and "content" in values
        ):
            raw, start = values["content"]  # the browser's toolbar, a pinned tile
            self.styles.append(_style(raw, self.base + start, "value", "color", element))
        if tag == "font" and "face" in values:
            raw, start = values["face"]
            self.styles.append(_style(raw, self.base + start, "value", "font-family", element))
        if tag == "style" and not closed:
            self._style_from = self._offset() + len(self.get_starttag_text() or "")
        rel = (named.get("rel") or "").lower().split()
        if tag == "link" and "stylesheet" in rel and named.get("href"):
            self.stylesheets.append(str(named["href"]))

    def _attribute_positions(self) -> dict[str, tuple[str, int]]:
        raw = self.get_starttag_text() or ""
        start = self._offset()
        found: dict[str, tuple[str, int]] = {}
        for attribute in _ATTRIBUTE.finditer(raw):
            name = attribute.group(1).lower()
            for group in (2, 3, 4):
                if attribute.group(group) is not None:
                    found.setdefault(name, (attribute.group(group), start + attribute.start(group)))
        return found

    def handle_endtag(self, tag: str) -> None:
        if tag == "style" and self._style_from is not None:
            start, end = self._style_from, self._offset()
            sheet = _without_cdata(self.fragment[start:end])
            self.styles.append(StyleRef(sheet, self.base + start, "sheet"))
            self._style_from = None
        if self._skip:
            if tag == self._skip[-1]:
                self._skip.pop()
                if not self._skip and self._draft is not None:
                    # the words either side of inline code must not join: "use<code>x</code>now"
                    end = self.fragment.find(">", self._offset())
                    end = len(self.fragment) if end < 0 else end + 1
                    add_mask(self._draft, self.base + self._skip_from, self.base + end)
            return
        if self._stars and tag == self._stars[-1]:
            self._stars.pop()
        if tag == "a":
            self._href = None
        if tag == "a" and self._links and self._draft is not None:
            self._draft.mark_inline("link", self._links.pop())
        if tag in self._stack:
            if tag in _BLOCK_SCOPES or tag in _CONTAINERS:
                self._flush()
            while self._stack and self._stack.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        if self._skip or (self._stack and "head" in self._stack and "title" not in self._stack):
            return
        offset = self.base + self._offset()
        if data.isspace():  # between tags, most of it: a space at most, no word to read
            self._current().add_space(offset, offset + len(data))
            return
        stars = self._starred(data)
        add_copy(self._current(), data, offset, entities=False, stars=stars)

    def _reference(self, text: str) -> None:
        if self._skip:
            return
        start = self._offset()
        end = start + len(text)
        if self.fragment[end : end + 1] == ";":
            end += 1
        decoded = html.unescape(self.fragment[start:end])
        self._current().add(
            starred(decoded) if self._stars else decoded, self.base + start, self.base + end
        )

    def handle_entityref(self, name: str) -> None:
        self._reference("&" + name)

    def handle_charref(self, name: str) -> None:
        self._reference("&#" + name)

    def handle_comment(self, data: str) -> None:
        start = self._offset()
        first = self.base_line + self.lines.position(start)[0] - 1
        last = self.base_line + self.lines.position(start + len(data) + 4)[0] - 1
        self.comments.comment(data, first, last)
