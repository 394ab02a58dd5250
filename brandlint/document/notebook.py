"""Jupyter notebooks (`.ipynb`): the Markdown cells, through the Markdown parser.

A notebook is JSON; each cell's `source` is a string or a list of strings (one per line).
We read the JSON with a small scanner that keeps where every string sits in the file, decode
each cell's strings into its Markdown with a map from each character back to the file (an
escape such as `\\n` or `\\"` maps to its two characters), parse that Markdown as any `.md`
file, and map every piece of copy back through the map. So an alert's line and column are
the file's own, where an editor showing the raw JSON jumps, and the block knows its cell:
`location` reads "cell 3, line 2" (the cell's number among all cells, from 1, and the line
within its Markdown).

Code cells and outputs are not copy. A raw cell is not either. A cell's `brandlint-disable`
comments (`<!-- brandlint-disable -->`) apply to the lines of the file they cover.
"""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass, replace

from brandlint.core.document import (
    BlockDraft,
    Document,
    LineIndex,
    Notice,
    Suppression,
    assemble,
)
from brandlint.document.markdown import markdown_drafts
from brandlint.document.masking import settle
from brandlint.document.suppressions import SuppressionCollector

_WS = re.compile(r"[ \t\r\n]*")
_NUMBER = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?")
_SIMPLE = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}


@dataclass
class JsonString:
    """A JSON string: its decoded text and, for each character, its offset in the file
    (plus one past the end), and whether it was written as itself (not an escape)."""

    text: str
    offsets: list[int]
    plain: list[bool]


JSON_DEPTH = 100  # objects and arrays inside each other; no notebook or copy file needs more


class JsonScanner:
    """Just enough JSON: objects, arrays, strings with positions, numbers, literals."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.position = 0
        self.depth = 0  # objects and arrays open: bounded, so deep nesting is no RecursionError

    def fail(self, what: str) -> ValueError:
        return ValueError(f"{what} at offset {self.position}")

    def value(self) -> object:
        self.skip()
        source = self.source
        if self.position >= len(source):
            raise self.fail("unexpected end")
        char = source[self.position]
        if char in "{[":
            if self.depth >= JSON_DEPTH:
                raise self.fail(f"nested over {JSON_DEPTH} levels deep, more than brandlint reads")
            self.depth += 1
            found = self.parse_object() if char == "{" else self.parse_array()
            self.depth -= 1
            return found
        if char == '"':
            return self.string()
        for word, value in (("true", True), ("false", False), ("null", None)):
            if source.startswith(word, self.position):
                self.position += len(word)
                return value
        number = _NUMBER.match(source, self.position)
        if number is None:
            raise self.fail(f"unexpected {char!r}")
        self.position = number.end()
        return json.loads(number.group())

    def skip(self) -> None:
        self.position = _WS.match(self.source, self.position).end()  # type: ignore[union-attr]

    def expect(self, char: str) -> None:
        self.skip()
        if not self.source.startswith(char, self.position):
            raise self.fail(f"expected {char!r}")
        self.position += 1

    def parse_object(self) -> dict[str, object]:
        self.expect("{")
        out: dict[str, object] = {}
        self.skip()
        if self.source.startswith("}", self.position):
            self.position += 1
            return out
        while True:
            self.skip()
            key = self.string().text
            self.expect(":")
            out[key] = self.value()
            self.skip()
            if self.source.startswith(",", self.position):
                self.position += 1
                continue
            self.expect("}")
            return out

    def parse_array(self) -> list[object]:
        self.expect("[")
        out: list[object] = []
        self.skip()
        if self.source.startswith("]", self.position):
            self.position += 1
            return out
        while True:
            out.append(self.value())
            self.skip()
            if self.source.startswith(",", self.position):
                self.position += 1
                continue
            self.expect("]")
            return out

    def string(self) -> JsonString:
        source = self.source
        if not source.startswith('"', self.position):
            raise self.fail("expected a string")
        position = self.position + 1
        chars: list[str] = []
        offsets: list[int] = []
        plain: list[bool] = []
        while True:
            if position >= len(source):
                raise self.fail("unterminated string")
            char = source[position]
            if char == '"':
                break
            offsets.append(position)
            if char != "\\":
                chars.append(char)
                plain.append(True)
                position += 1
                continue
            code = source[position + 1 : position + 2]
            if code in _SIMPLE:
                chars.append(_SIMPLE[code])
                position += 2
            elif code == "u":
                unit = int(source[position + 2 : position + 6], 16)
                position += 6
                if 0xD800 <= unit < 0xDC00 and source.startswith("\\u", position):
                    low = int(source[position + 2 : position + 6], 16)
                    if 0xDC00 <= low < 0xE000:
                        unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                        position += 6
                chars.append(chr(unit))
            else:
                raise self.fail("bad escape")
            plain.append(False)
        offsets.append(position)
        self.position = position + 1
        return JsonString("".join(chars), offsets, plain)


def _joined(parts: list[JsonString]) -> JsonString:
    text = "".join(part.text for part in parts)
    offsets: list[int] = []
    plain: list[bool] = []
    for part in parts:
        offsets += part.offsets[:-1]
        plain += part.plain
    offsets.append(parts[-1].offsets[-1] if parts else 0)
    return JsonString(text, offsets, plain)


def _remap(draft: BlockDraft, cell: JsonString) -> BlockDraft:
    """The draft's pieces (offsets in the cell's Markdown) mapped into the file: a verbatim
    piece stays verbatim where each of its characters is written as itself, the rest map
    character by character to their escapes."""
    out = BlockDraft(draft.scopes, inline=list(draft.inline))
    offsets, plain = cell.offsets, cell.plain
    for text, start, end, verbatim in draft.pieces:
        if not verbatim:
            out.add(text, offsets[start], offsets[end] if end > start else offsets[start])
            continue
        index = 0
        while index < len(text):
            at = start + index
            if plain[at]:
                run = index
                while run < len(text) and plain[start + run]:
                    run += 1
                out.add(text[index:run], offsets[at])
                index = run
            else:
                out.add(text[index], offsets[at], offsets[at + 1])
                index += 1
    out.length = draft.length
    return out


def notebook_document(path: str, source: str) -> Document:
    """A notebook's Markdown cells as one Document over the notebook's JSON."""
    lines = LineIndex(source)
    suppressions: list[Suppression] = []
    try:
        scanner = JsonScanner(source)
        notebook = scanner.value()
    except (ValueError, IndexError) as exc:
        notice = Notice(
            "brandlint.notebook",
            f"This notebook is not valid JSON ({exc}); its cells were not checked.",
            0,
            0,
            "error",
        )
        return assemble(path, source, [], format="notebook", notices=[notice])
    cells = notebook.get("cells") if isinstance(notebook, dict) else None
    drafts: list[BlockDraft] = []
    notices: list[Notice] = []
    for number, cell in enumerate(cells if isinstance(cells, list) else [], start=1):
        if not isinstance(cell, dict):
            continue
        kind = cell.get("cell_type")
        if not isinstance(kind, JsonString) or kind.text != "markdown":
            continue
        raw = cell.get("source")
        parts = raw if isinstance(raw, list) else [raw]
        strings = [part for part in parts if isinstance(part, JsonString)]
        if not strings:
            continue
        markdown = _joined(strings)
        cell_comments = SuppressionCollector()
        cell_drafts, _, _, too_deep = markdown_drafts(markdown.text, cell_comments)
        # a part of the cell nested too deep to read is said, at its place in the file
        end = len(markdown.text)
        notices += [
            replace(
                notice,
                message=f"Cell {number}: {notice.message}",
                source_start=markdown.offsets[min(notice.source_start, end)],
                source_end=markdown.offsets[min(notice.source_end, end)],
            )
            for notice in too_deep
        ]
        line_starts = [0] + [m.end() for m in re.finditer(r"\r\n?|\n", markdown.text)]
        for draft in cell_drafts:
            draft = settle(draft, links=True)
            if not draft.pieces:
                continue
            line = bisect.bisect_right(line_starts, draft.pieces[0][1])
            remapped = _remap(draft, markdown)
            remapped.location = f"cell {number}, line {line}"
            drafts.append(remapped)
        suppressions += _carried(cell_comments, markdown, lines)
    return assemble(
        path, source, drafts, format="notebook", suppressions=suppressions, notices=notices
    )


def _carried(
    cell: SuppressionCollector, markdown: JsonString, lines: LineIndex
) -> list[Suppression]:
    """A cell's directives, their lines (of the cell's Markdown) made lines of the file; one
    left open ends with its cell."""
    cell_lines = [0] + [m.end() for m in re.finditer(r"\r\n?|\n", markdown.text)]

    def file_line(line: int) -> int:
        offset = cell_lines[max(1, min(line, len(cell_lines))) - 1]
        return lines.position(markdown.offsets[min(offset, len(markdown.text))])[0]

    last = lines.position(markdown.offsets[-1])[0]
    return [
        Suppression(
            suppression.rules,
            file_line(suppression.line),
            last if suppression.end_line is None else file_line(suppression.end_line),
        )
        for suppression in cell.finish()
    ]
