"""Plain text: paragraphs are runs of lines separated by blank lines (LF, CRLF or CR)."""

from __future__ import annotations

import re

from brandlint.core.document import BlockDraft

_PARAGRAPH = re.compile(r"\S[^\r\n]*(?:(?:\r\n?|\n)[ \t]*\S[^\r\n]*)*")
_LINE = re.compile(r"[^\r\n]+")


def plain_blocks(source: str, start: int) -> list[BlockDraft]:
    drafts = []
    for found in _PARAGRAPH.finditer(source, start):
        draft = BlockDraft(frozenset({"paragraph"}))
        position = found.start()
        for line in _LINE.finditer(found.group()):
            text = line.group().rstrip(" \t")
            if draft.length:
                draft.add_space(position, found.start() + line.start())
            draft.add(text, found.start() + line.start())
            position = found.start() + line.start() + len(text)
        drafts.append(draft)
    return drafts
