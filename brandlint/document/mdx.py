"""What markdown-it does not know is not copy: MDX's JSX, expressions and ESM, and display
math (`$$ … $$`) in Markdown and MDX.

The source is read once, past code (fences, indented code in Markdown, backtick spans), and
each such construct is blanked out of a *view* of the source: same length, line breaks
kept, so markdown-it's lines and our offsets stay those of the file. Each blanked region is
remembered; where one sat inside running text, the Markdown walker puts a mask there (see
`masking.py`) when it stands for something a reader sees (code, math, an expression, a
component), and nothing when it does not (an inline tag such as `<b>`, a comment).

MDX, as mdxjs.com reads it: `import`/`export` blocks, `{expressions}` and `{/* comments */}`
are not copy; JSX tags are not copy but the text between them is (`<Callout>Text</Callout>`);
`<code>`, `<pre>`, `<kbd>`, `<samp>`, `<var>` hold code. Indentation is not code in MDX, so
text indented inside a component stays copy. A comment holding a directive
(`{/* brandlint-disable … */}`) suppresses rules as `<!-- … -->` does in Markdown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from brandlint.core.document import LineIndex
from brandlint.document.masking import blanked
from brandlint.document.suppressions import SuppressionCollector

CODE_TAGS = frozenset({"code", "pre", "kbd", "samp", "var", "script", "style", "math", "svg"})
"""Elements whose content is code or data, never copy (inside Markdown or MDX)."""

INLINE_TAGS = frozenset(
    "a abbr b bdi bdo cite data del dfn em font i ins mark q s small span strong sub sup "
    "time tt u wbr".split()
)
"""Phrasing elements: their tags sit inside a word as easily as between words
(`<b>Kes</b>trel`), so they stand for nothing in the copy."""

_FENCE = re.compile(r"[ \t]{0,3}(`{3,}|~{3,})")
_ESM = re.compile(r"(?:import|export)[ \t{*]")
_BLANK_LINE = re.compile(r"(?:\r\n|\r(?!\n)|\n)[ \t]*(?:\r\n|\r(?!\n)|\n|$)")
_MARKDOWN_SPECIAL = re.compile(r"[\\`$]")
_MDX_SPECIAL = re.compile(r"[\\`${<]")
_AUTOLINK = re.compile(r"<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>@]+)>")
_TAG_NAME = re.compile(r"<(/?)([A-Za-z_$][\w$.:-]*)?")
_BACKTICKS = re.compile(r"`+")
_DOLLARS = re.compile(r"\$+")
_MATH_END = re.compile(r"(?<![\\$])\$\$(?!\$)|`")
_NEWLINE = re.compile(r"\r\n?|\n")


@dataclass
class MarkupView:
    """The source with what is not copy blanked out, and where it was."""

    text: str
    # (start, end, stands_for_something), in source order
    regions: list[tuple[int, int, bool]] = field(default_factory=list)


def markup_view(source: str, comments: SuppressionCollector, *, mdx: bool) -> MarkupView:
    if not mdx and "$$" not in source:
        return MarkupView(source)
    regions = _Scanner(source, comments, mdx).run()
    if not regions:
        return MarkupView(source)
    parts: list[str] = []
    position = 0
    for start, end, _ in regions:
        parts.append(source[position:start])
        parts.append(blanked(source[start:end]))
        position = end
    parts.append(source[position:])
    return MarkupView("".join(parts), regions)


class _Scanner:
    def __init__(self, source: str, comments: SuppressionCollector, mdx: bool) -> None:
        self.source = source
        self.comments = comments
        self.mdx = mdx
        self.lines = LineIndex(source)
        self.regions: list[tuple[int, int, bool]] = []
        self._paragraph = (0, -1)  # (searched from, found end) of the last paragraph_end

    def run(self) -> list[tuple[int, int, bool]]:
        source = self.source
        starts = self.lines.starts
        position = 0  # scanned up to here: a construct may end lines below where it began
        fence: str | None = None
        esm = False
        previous_blank = True
        for number, start in enumerate(starts):
            end = starts[number + 1] if number + 1 < len(starts) else len(source)
            line = source[start:end].rstrip("\r\n")
            if start < position:  # the line a construct ended in: scan the rest of it
                if position < start + len(line):
                    position = self.inline(position, start + len(line))
                previous_blank = False
                continue
            blank = not line.strip()
            if fence is not None:
                stripped = line.strip()
                if stripped.startswith(fence) and not stripped.strip(fence[0]):
                    fence = None
            elif opening := _FENCE.match(line):
                fence = opening.group(1)
            elif esm or (self.mdx and previous_blank and _ESM.match(line)):
                esm = not blank
                if esm:
                    self.regions.append((start, start + len(line), False))
            elif not self.mdx and previous_blank and line.startswith(("    ", "\t")):
                blank = True  # indented code: the next indented line is code too
            else:
                position = self.inline(start, start + len(line))
            previous_blank = blank
        return self.regions

    def paragraph_end(self, position: int) -> int:
        """Where the paragraph holding `position` ends (the next blank line)."""
        searched, end = self._paragraph
        if searched <= position <= end:
            return end  # no blank line between: the same paragraph as last asked
        found = _BLANK_LINE.search(self.source, position)
        end = found.start() if found else len(self.source)
        self._paragraph = (position, end)
        return end

    def inline(self, position: int, line_end: int) -> int:
        """Scan running text from `position`; returns where scanning stopped (past
        `line_end` when a construct runs on over more lines)."""
        source = self.source
        special = _MDX_SPECIAL if self.mdx else _MARKDOWN_SPECIAL
        while True:
            found = special.search(source, position, line_end)
            if found is None:
                return line_end
            at = found.start()
            char = source[at]
            if char == "\\":
                position = at + 2
            elif char == "`":
                position = self.code_span(at)
            elif char == "$":
                position = self.math(at)
            elif char == "{":
                position = self.expression(at)
            else:
                position = self.tag(at)
            if position > line_end:
                return position

    def code_span(self, at: int) -> int:
        source = self.source
        ticks = _BACKTICKS.match(source, at)
        run = ticks.end() - at if ticks else 1
        closing = re.compile(rf"(?<!`)`{{{run}}}(?!`)")
        found = closing.search(source, at + run, self.paragraph_end(at))
        return found.end() if found else at + run

    def math(self, at: int) -> int:
        """`$$ … $$` (a price such as `$5`, or `$$$`, is text)."""
        source = self.source
        run = _DOLLARS.match(source, at)
        width = run.end() - at if run else 1
        if width != 2:
            return at + width
        close = _MATH_END.search(source, at + 2, self.paragraph_end(at + 2))
        if close is None or close.group() != "$$" or not source[at + 2 : close.start()].strip():
            return at + 2  # not closed before the paragraph ends or a code span starts
        self.regions.append((at, close.end(), True))
        return close.end()

    def expression(self, at: int) -> int:
        end = _balanced(self.source, at)
        if end < 0:
            return at + 1
        inner = self.source[at + 1 : end - 1].strip()
        if inner.startswith("/*") and inner.endswith("*/"):
            self.comment(inner[2:-2], at, end)
            self.regions.append((at, end, False))
        else:
            self.regions.append((at, end, True))
        return end

    def comment(self, body: str, start: int, end: int) -> None:
        self.comments.comment(body, self.lines.position(start)[0], self.lines.position(end)[0])

    def tag(self, at: int) -> int:
        source = self.source
        if source.startswith("<!--", at):
            close = source.find("-->", at + 4)
            if close < 0:
                return at + 1
            self.comment(source[at + 4 : close], at, close + 3)
            self.regions.append((at, close + 3, False))
            return close + 3
        if autolink := _AUTOLINK.match(source, at):
            return autolink.end()  # Markdown's own: its URL is never copy
        head = _TAG_NAME.match(source, at)
        closing, name = bool(head and head.group(1)), (head.group(2) if head else None) or ""
        if head is None or (not name and source[head.end() : head.end() + 1] != ">"):
            return at + 1  # a less-than sign
        end = _tag_end(source, head.end(), self.paragraph_end(at))
        if end < 0:
            return at + 1  # a less-than sign after all
        self_closing = source[end - 2 : end] == "/>"
        if name in CODE_TAGS and not closing and not self_closing:
            end = _element_end(source, name, end)
            self.regions.append((at, end, True))
            return end
        self.regions.append((at, end, name.lower() not in INLINE_TAGS))
        return end


def _tag_end(source: str, position: int, limit: int | None = None) -> int:
    """The offset just past the `>` closing a JSX tag whose attributes start at
    `position` (quotes and `{…}` attribute values skipped), or -1 if there is none before
    `limit`."""
    limit = len(source) if limit is None else limit
    while position < limit:
        char = source[position]
        if char == ">":
            return position + 1
        if char in "\"'":
            close = source.find(char, position + 1)
            if close < 0:
                return -1
            position = close + 1
        elif char == "{":
            position = _balanced(source, position)
            if position < 0:
                return -1
        elif char == "<":
            return -1
        else:
            position += 1
    return -1


def _element_end(source: str, name: str, position: int) -> int:
    """Past the `</name>` closing an element opened just before `position` (nested
    elements of the same name counted); the end of the source if it never closes."""
    depth = 1
    pattern = re.compile(rf"<(/?){re.escape(name)}(?=[\s/>])")
    while depth:
        found = pattern.search(source, position)
        if found is None:
            return len(source)
        end = _tag_end(source, found.end())
        if end < 0:
            return len(source)
        if found.group(1):
            depth -= 1
        elif source[end - 2 : end] != "/>":
            depth += 1
        position = end
    return position


def _balanced(source: str, at: int) -> int:
    """Past the `}` matching the `{` at `at` (JavaScript strings and comments skipped),
    or -1."""
    depth = 0
    position = at
    length = len(source)
    while position < length:
        char = source[position]
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                return position + 1
        elif char in "\"'`":
            position = _string_end(source, position)
            if position < 0:
                return -1
            continue
        elif source.startswith("/*", position):
            close = source.find("*/", position + 2)
            if close < 0:
                return -1
            position = close + 2
            continue
        elif source.startswith("//", position):
            newline = _NEWLINE.search(source, position)
            position = newline.end() if newline else length
            continue
        position += 1
    return -1


def _string_end(source: str, at: int) -> int:
    quote = source[at]
    position = at + 1
    while position < len(source):
        char = source[position]
        if char == "\\":
            position += 2
            continue
        if char == quote:
            return position + 1
        if quote == "`" and source.startswith("${", position):
            position = _balanced(source, position + 1)
            if position < 0:
                return -1
            continue
        position += 1
    return -1
