"""Copy held in YAML scalars (front matter values, copy-deck fields), mapped to the source."""

from __future__ import annotations

import yaml

from brandlint.core.document import BlockDraft


def scalar_draft(
    source: str, node: yaml.ScalarNode, base: int, scopes: frozenset[str]
) -> BlockDraft:
    """A block for one scalar: character by character when the source spells the value
    as-is (plain or simply quoted), else mapped as a whole (escapes, folded lines)."""
    draft = BlockDraft(scopes)
    start = base + node.start_mark.index
    stop = base + node.end_mark.index
    value = str(node.value)
    if node.style in ("'", '"'):
        start, stop = start + 1, stop - 1
    if source[start : start + len(value)] == value:
        draft.add(value, start)
    else:
        draft.add(value, start, stop)
    return draft
