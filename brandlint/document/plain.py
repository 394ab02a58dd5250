"""Plain text: paragraphs are runs of lines separated by blank lines."""

from __future__ import annotations

import re

from brandlint.core.document import BlockDraft

_PARAGRAPH = re.compile(r"\S[^\n]*(?:\n[ \t]*\S[^\n]*)*")


def plain_blocks(source: str, start: int) -> list[BlockDraft]:
    drafts = []
    for found in _PARAGRAPH.finditer(source, start):
        draft = BlockDraft(frozenset({"paragraph"}))
        position = found.start()
        for line in re.finditer(r"[^\n]+", found.group()):
            text = line.group().rstrip("\r \t")
            if draft.length:
                draft.add_space(position, found.start() + line.start())
            draft.add(text, found.start() + line.start())
            position = found.start() + line.start() + len(text)
        drafts.append(draft)
    return drafts
