"""Copy held in YAML scalars (front matter values, copy-deck fields), mapped to the source.

A value is rarely spelled in the source exactly as it reads: quotes, escapes (`\\"`, `''`),
and the indentation and line breaks of block scalars (`|`, `>`) and folded lines come
between its characters. `aligned_draft` lines the value up with its source text so that
every character the source spells as-is maps to its own place, and only what the syntax
changed (an escape, a folded line break) maps as a whole to the source that stands for it.
"""

from __future__ import annotations

from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from brandlint.core.document import BlockDraft

if TYPE_CHECKING:
    import yaml


def scalar_draft(
    source: str, node: yaml.ScalarNode, base: int, scopes: frozenset[str]
) -> BlockDraft:
    """A block for one scalar, each character at its place in the source."""
    start = base + node.start_mark.index
    stop = base + node.end_mark.index
    if node.style in ("'", '"'):
        start, stop = start + 1, stop - 1
    return aligned_draft(source, start, stop, str(node.value), scopes)


def aligned_draft(
    source: str, start: int, stop: int, value: str, scopes: frozenset[str]
) -> BlockDraft:
    """A block whose copy is `value`, spelled by source[start:stop] with syntax in between.

    The copy is the value exactly; what of it the source spells character for character
    is verbatim, the rest (an escape's result, a line break folded to a space) maps to the
    source between its neighbours."""
    draft = BlockDraft(scopes)
    if not value:
        return draft
    if source[start : start + len(value)] == value:
        draft.add(value, start)
        return draft
    raw = source[start:stop]
    matcher = SequenceMatcher(None, value, raw, autojunk=False)
    for op, v1, v2, r1, r2 in matcher.get_opcodes():
        if op == "equal":
            draft.add(value[v1:v2], start + r1)
        elif op in ("replace", "delete"):
            # the value has characters the source does not spell: they stand for the source
            # between (an escape), or next to them when nothing is between
            if r2 == r1:
                r1, r2 = (r1, r1 + 1) if r1 < len(raw) else (max(r1 - 1, 0), r1)
            draft.add(value[v1:v2], start + r1, start + max(r2, r1 + 1))
    return draft
