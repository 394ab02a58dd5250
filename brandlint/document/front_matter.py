"""YAML front matter: document settings (channel, lang) and copy fields (title, subject…).

Keys are never linted. The values of copy fields are, at their exact place in the file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from brandlint.core.document import BlockDraft, Notice
from brandlint.document.yaml_copy import scalar_draft

COPY_FIELDS = ("title", "description", "subject", "preheader", "summary", "excerpt", "headline")

_OPEN = ("---\n", "---\r\n")


@dataclass
class FrontMatter:
    meta: dict[str, Any] = field(default_factory=dict)
    blocks: list[BlockDraft] = field(default_factory=list)
    end: int = 0  # offset just after the closing fence; 0 when there is no front matter
    notices: list[Notice] = field(default_factory=list)


def split_front_matter(source: str) -> FrontMatter:
    if not source.startswith(_OPEN):
        return FrontMatter()
    first_break = source.index("\n") + 1
    position = first_break
    while True:
        line_end = source.find("\n", position)
        line = source[position : len(source) if line_end == -1 else line_end].rstrip("\r")
        if line in ("---", "..."):
            end = len(source) if line_end == -1 else line_end + 1
            break
        if line_end == -1:
            return FrontMatter()  # no closing fence: this is not front matter
        position = line_end + 1
    body = source[first_break:position]
    return _parse(source, body, first_break, end)


def _parse(source: str, body: str, base: int, end: int) -> FrontMatter:
    result = FrontMatter(end=end)
    try:
        root = yaml.compose(body, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        offset = base + (mark.index if mark else 0)
        what = getattr(exc, "problem", None) or "invalid YAML"
        result.notices.append(
            Notice(
                "brandlint.front-matter",
                f"Front matter is not valid YAML ({what}); its settings were ignored.",
                offset,
                offset + 1,
                "error",
            )
        )
        return result
    if not isinstance(root, yaml.MappingNode):
        return result
    constructor = yaml.constructor.SafeConstructor()
    for key_node, value_node in root.value:
        if not isinstance(key_node, yaml.ScalarNode):
            continue
        key = str(key_node.value)
        value = constructor.construct_object(value_node, deep=True)
        result.meta[key] = value
        if key in COPY_FIELDS and isinstance(value_node, yaml.ScalarNode) and value:
            scopes = frozenset({"meta", f"meta.{key}"})
            result.blocks.append(scalar_draft(source, value_node, base, scopes))
    return result
