"""JSON files (`.json`): every string, key or value, is a block of copy at its place.

Vale (v3.7.1) has no JSON format: a `.json` file is an unknown extension, which it lints line
by line as plain text, so the words in keys and in values are both checked (its own suite
flags a key `"XXX"`). Reading the strings with a JSON scanner keeps that, and leaves out what
is no copy at all (quotes, colons, numbers, `true`), which line-by-line text would hand to
punctuation rules. Escapes (`\\n`, `\\u00e9`) are decoded, each mapping to its characters in
the file, so an alert sits where an editor showing the JSON jumps.

A file that is not valid JSON is read as plain text, with a warning at the place the scanner
stopped. Copy decks (`*.copy.json`) and notebooks (`.ipynb`) have readers of their own.
"""

from __future__ import annotations

from brandlint.core.document import BlockDraft, Document, Notice, assemble
from brandlint.document.notebook import JsonScanner, JsonString
from brandlint.document.plain import plain_blocks

NOT_JSON = "brandlint.not-json"


class _StringCollector(JsonScanner):
    """The notebook's JSON scanner, keeping every string it reads, in file order."""

    def __init__(self, source: str) -> None:
        super().__init__(source)
        self.strings: list[JsonString] = []

    def string(self) -> JsonString:
        found = super().string()
        self.strings.append(found)
        return found


def _draft(string: JsonString) -> BlockDraft:
    """One string as a block: runs written as themselves are verbatim, an escape maps to
    its own characters in the file."""
    draft = BlockDraft(frozenset({"paragraph"}))
    index = 0
    text = string.text
    while index < len(text):
        if string.plain[index]:
            run = index
            while run < len(text) and string.plain[run]:
                run += 1
            draft.add(text[index:run], string.offsets[index])
            index = run
        else:
            draft.add(text[index], string.offsets[index], string.offsets[index + 1])
            index += 1
    return draft


def json_document(path: str, source: str) -> Document:
    scanner = _StringCollector(source)
    try:
        scanner.value()
        scanner.skip()
        if scanner.position < len(source):
            raise scanner.fail("unexpected text after the JSON value")
    except (ValueError, IndexError) as exc:
        at = min(scanner.position, len(source))
        what = str(exc).split(" at offset", 1)[0]  # the notice's own span says where
        notice = Notice(
            NOT_JSON,
            f"This is not valid JSON ({what} here); brandlint read it as plain text.",
            at,
            min(at + 1, len(source)),
        )
        return assemble(path, source, plain_blocks(source, 0), format="json", notices=[notice])
    drafts = [_draft(s) for s in scanner.strings if s.text.strip()]
    return assemble(path, source, drafts, format="json")
