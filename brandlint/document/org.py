"""Org mode (`.org`): headings, paragraphs, lists, quotes, tables and footnotes as copy.

Org's syntax is line-based: what a line is (a heading, a keyword, a table row, a list item,
a block delimiter, a comment) shows in its first characters, so this reader classifies lines
and then reads inline markup within them, keeping every piece of copy at its own offset.
orgparse, the maintained Python parser, reads the outline (headings, their properties and
body text) but neither blocks, tables nor inline markup, and gives no columns: every
position would have to be found again in the source, which is this reader's whole job.

What Vale (through go-org) treats as copy is copy here: headings (their TODO keyword
included, as go-org renders it), paragraphs, list items, table cells (the rows above the
first rule line are `table.header`), quote blocks and footnote definitions. Not copy:
keyword lines (`#+title:`, `#+author:`: Vale reads them as verbatim), source, example,
export and comment blocks, fixed-width `: ` lines, drawers (`:PROPERTIES:` … `:END:`),
planning lines (`CLOSED:`, `SCHEDULED:`), `=verbatim=` and `~code~` (masked as code spans
are), and a link's target (`[[target][description]]` reads as its description).

A comment line (`# …`) is read for directives: `# vale off`, `# brandlint-disable …`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from brandlint.core.document import BlockDraft, Document, assemble
from brandlint.core.scopes import ValeMarkup
from brandlint.document.masking import add_mask, settle, starred
from brandlint.document.suppressions import SuppressionCollector

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_HEADING = re.compile(r"(\*+)[ \t]+(.*?)[ \t]*$")
_KEYWORD = re.compile(r"[ \t]*#\+(?!begin_)", re.I)  # also a stray #+end_…
_COMMENT = re.compile(r"[ \t]*#(?:[ \t](.*)|)$")
_BEGIN = re.compile(r"[ \t]*#\+begin_(\w+)", re.I)
_DRAWER = re.compile(r"[ \t]*:[\w-]+:[ \t]*$")
_DRAWER_END = re.compile(r"[ \t]*:end:[ \t]*$", re.I)
_PLANNING = re.compile(r"[ \t]*(?:CLOSED|SCHEDULED|DEADLINE):")
_FIXED = re.compile(r"[ \t]*:(?:[ \t]|$)")
_RULE = re.compile(r"[ \t]*-{5,}[ \t]*$")
_TABLE = re.compile(r"[ \t]*\|")
_TABLE_RULE = re.compile(r"[ \t]*\|[-+]")
_ITEM = re.compile(r"([ \t]*)(?:[-+]|[ \t]+\*|\d+[.)]|[A-Za-z][.)])[ \t]+(?:\[[ X-]\][ \t]+)?")
_FOOTNOTE = re.compile(r"\[fn:[^\]\s]+\][ \t]*")

# Copy blocks: their lines are paragraphs (quote and center) or verse; other blocks are not copy.
_COPY_BLOCKS = {"quote": "blockquote", "center": "paragraph", "verse": "paragraph"}

# Inline markup, one line at a time (Org lets emphasis span a line break; rare in practice).
_INLINE = re.compile(
    r"\[\[(?P<target>[^\]\n]+)\](?:\[(?P<label>[^\]\n]+)\])?\]"
    r"|(?:(?<=^)|(?<=[\s\-({'\"]))(?P<mark>[*/_+=~])(?P<body>\S(?:.*?\S)?)(?P=mark)"
    r"(?=$|[\s\-.,:!?;'\")}\[])"
)
_INLINE_SCOPES = {"*": "strong", "/": "emphasis", "_": "emphasis", "+": "emphasis"}
# the HTML tag go-org writes for each mark: what a Vale project's IgnoredScopes name
_VALE_TAGS = {"*": "strong", "/": "em", "_": "span", "+": "del", "=": "code", "~": "code"}


@dataclass
class _Line:
    start: int  # offset of the line in the source
    text: str  # without its line break


def _lines(source: str) -> list[_Line]:
    out: list[_Line] = []
    for found in _LINE.finditer(source):
        if found.start() == len(source) and out:
            break
        out.append(_Line(found.start(), found.group().rstrip("\r\n")))
    return out


def add_inline(draft: BlockDraft, text: str, start: int, vale: ValeMarkup | None = None) -> None:
    """`text`, found at source offset `start`, into the draft: markup read as Org renders it.
    With `vale`, as a Vale project reads Org's HTML: emphasis and code whose tag its
    IgnoredScopes name read as `*`s, and other code is copy."""
    position = 0
    for found in _INLINE.finditer(text):
        draft.add(text[position : found.start()], start + position)
        if found.group("target") is not None:
            label = found.group("label")
            if label is None:  # a bare link: its target is not copy
                add_mask(draft, start + found.start(), start + found.end())
            else:
                at = draft.length
                draft.add(label, start + found.start("label"))
                draft.mark_inline("link", at)
        elif vale is not None and _VALE_TAGS[found.group("mark")] in vale.ignored:
            draft.add(starred(found.group("body")), start + found.start(), start + found.end())
        elif found.group("mark") in "=~" and vale is None:
            add_mask(draft, start + found.start(), start + found.end())
        elif found.group("mark") in "=~":
            draft.add(found.group("body"), start + found.start("body"))
        else:  # emphasis may hold more (`**bold**` is bold in bold, as go-org reads it)
            at = draft.length
            add_inline(draft, found.group("body"), start + found.start("body"), vale)
            draft.mark_inline(_INLINE_SCOPES[found.group("mark")], at)
        position = found.end()
    draft.add(text[position:], start + position)


class _Reader:
    def __init__(
        self, source: str, comments: SuppressionCollector, vale: ValeMarkup | None
    ) -> None:
        self.lines = _lines(source)
        self.comments = comments
        self.vale = vale
        self.drafts: list[BlockDraft] = []
        self.index = 0

    def read(self) -> list[BlockDraft]:
        while self.index < len(self.lines):
            self.block(self.lines[self.index])
        return [settle(draft, links=True) for draft in self.drafts]

    def block(self, line: _Line) -> None:
        text = line.text
        number = self.index + 1
        self.index += 1
        if not text.strip() or _KEYWORD.match(text) or _RULE.match(text):
            return
        comment = _COMMENT.match(text)
        if comment:
            self.comments.comment(comment.group(1) or "", number, number)
            return
        heading = _HEADING.match(text)
        if heading:
            level = min(len(heading.group(1)), 6)
            draft = BlockDraft(frozenset({"heading", f"heading.h{level}"}))
            add_inline(draft, heading.group(2), line.start + heading.start(2), self.vale)
            self.drafts.append(draft)
            return
        begin = _BEGIN.match(text)
        if begin:
            self.special_block(begin.group(1).lower())
        elif _DRAWER.match(text):
            self.skip_until(_DRAWER_END)
        elif _TABLE.match(text):
            self.table(line)
        elif _PLANNING.match(text) or _FIXED.match(text):
            return
        else:
            self.paragraph(line)

    def skip_until(self, end: re.Pattern[str]) -> None:
        while self.index < len(self.lines):
            self.index += 1
            if end.match(self.lines[self.index - 1].text):
                return

    def special_block(self, name: str) -> None:
        end = re.compile(rf"[ \t]*#\+end_{re.escape(name)}\b", re.I)
        scope = _COPY_BLOCKS.get(name)
        if scope is None:
            self.skip_until(end)
            return
        while self.index < len(self.lines) and not end.match(self.lines[self.index].text):
            line = self.lines[self.index]
            self.index += 1
            if line.text.strip():
                self.paragraph(line, frozenset({scope}), stop=end)
        self.index += 1

    def paragraph(
        self,
        first: _Line,
        scopes: frozenset[str] = frozenset({"paragraph"}),
        stop: re.Pattern[str] | None = None,
    ) -> None:
        """A paragraph or list item from `first` (taken already): lines up to a blank line
        or another element."""
        item = _ITEM.match(first.text)
        footnote = _FOOTNOTE.match(first.text)
        marker = item or footnote
        skip = marker.end() if marker else 0
        if item:
            scopes = frozenset({"list"})
        draft = BlockDraft(scopes)
        add_inline(
            draft, first.text[skip:].strip(), first.start + _lead(first.text, skip), self.vale
        )
        indent = len(item.group(1)) if item else -1
        while self.index < len(self.lines):
            line = self.lines[self.index]
            text = line.text
            if not text.strip() or (stop is not None and stop.match(text)):
                break
            if self.starts_element(text, indent):
                break
            draft.add_space(line.start - 1, line.start + _lead(text, 0))
            add_inline(draft, text.strip(), line.start + _lead(text, 0), self.vale)
            self.index += 1
        self.drafts.append(draft)

    @staticmethod
    def starts_element(text: str, indent: int) -> bool:
        """Whether a line ends the paragraph above it (an item continues while indented)."""
        if indent >= 0 and len(text) - len(text.lstrip(" \t")) <= indent:
            return True
        return bool(
            _HEADING.match(text)
            or _KEYWORD.match(text)
            or _COMMENT.match(text)
            or _BEGIN.match(text)
            or _TABLE.match(text)
            or _ITEM.match(text)
            or _DRAWER.match(text)
            or _RULE.match(text)
            or _FIXED.match(text)
        )

    def table(self, first: _Line) -> None:
        rows: list[_Line] = [first]
        while self.index < len(self.lines) and _TABLE.match(self.lines[self.index].text):
            rows.append(self.lines[self.index])
            self.index += 1
        ruled = any(_TABLE_RULE.match(row.text) for row in rows)
        header = ruled and not _TABLE_RULE.match(rows[0].text)
        for row in rows:
            if _TABLE_RULE.match(row.text):
                header = False
                continue
            scope = "table.header" if header else "table.cell"
            bar = row.text.index("|")
            for cell in re.finditer(r"[^|]+", row.text[bar + 1 :]):
                content = cell.group()
                if not content.strip():
                    continue
                draft = BlockDraft(frozenset({"table", scope}))
                at = row.start + bar + 1 + cell.start() + _lead(content, 0)
                add_inline(draft, content.strip(), at, self.vale)
                self.drafts.append(draft)


def _lead(text: str, start: int) -> int:
    """The offset of the first non-blank character of text[start:] in text."""
    return start + len(text[start:]) - len(text[start:].lstrip(" \t"))


def org_document(path: str, source: str, vale: ValeMarkup | None = None) -> Document:
    """The copy of an Org file; `vale`: as the Vale project whose file this is reads it."""
    comments = SuppressionCollector()
    drafts = _Reader(source, comments, vale).read()
    return assemble(path, source, drafts, format="org", suppressions=comments.finish())
