"""Copy decks: the fields of one or more pieces in a YAML or JSON file.

    channel: push                  # settings of the whole deck
    lang: en
    pieces:
      - id: spring-01
        title: Your order is ready  # each field linted against its own limits
        body: Pick it up today.
      - id: spring-02
        headlines: [Sell everywhere, One stock count]

Keys that hold settings (id, channel, lang, url, …) are never copy. Every other string is
a field named by its key (`headlines` → `headline`, scope `field.headline`); nested
mappings (i18n string files) are walked, so `{"home": {"title": "…"}}` is a `title` field.
Positions point into the deck itself; JSON is read as the YAML it is, which keeps the marks.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from brandlint.core.document import BlockDraft, Notice
from brandlint.core.located import YamlSyntaxError
from brandlint.core.located_yaml import compose
from brandlint.document.suppressions import SuppressionCollector
from brandlint.document.yaml_copy import scalar_draft

SETTINGS = frozenset(
    {
        "id",
        "channel",
        "lang",
        "type",
        "url",
        "href",
        "link",
        "image",
        "src",
        "key",
        "locale",
        "date",
        "campaign",
        "slug",
        "width",
        "height",
        "format",
        "status",
        "owner",
        "version",
    }
)
PLURALS = {
    "headlines": "headline",
    "descriptions": "description",
    "bodies": "body",
    "titles": "title",
    "subjects": "subject",
    "messages": "message",
}
_COMMENT = re.compile(r"(?:^|\s)#\s*(brandlint-[^\n]*)")


class DeckCopy:
    def __init__(self, source: str) -> None:
        self.source = source
        self.drafts: list[BlockDraft] = []
        self.meta: dict[str, Any] = {}
        self.notices: list[Notice] = []

    def parse(self, comments: SuppressionCollector) -> DeckCopy:
        for number, line in enumerate(re.split(r"\r\n?|\n", self.source), start=1):
            found = _COMMENT.search(line)
            if found:
                comments.comment(found.group(1), number, number)
        try:  # bounded: aliases, nesting, tags and size, as in guides
            root = compose(self.source, "copy deck")
        except YamlSyntaxError as exc:
            offset = exc.offset
            what = exc.problem.message.removeprefix("YAML syntax: ")
            self.notices.append(
                Notice(
                    "brandlint.deck",
                    f"This copy deck is not valid YAML or JSON ({what}); nothing in it was linted.",
                    offset,
                    offset + 1,
                    "error",
                )
            )
            return self
        if isinstance(root, yaml.MappingNode):
            self._mapping(root, "piece.0", top=True)
        elif isinstance(root, yaml.SequenceNode):
            self._pieces(root)
        return self

    def _pieces(self, node: yaml.SequenceNode) -> None:
        for index, item in enumerate(node.value):
            if isinstance(item, yaml.MappingNode):
                self._mapping(item, f"piece.{index}", top=False)

    def _mapping(self, node: yaml.MappingNode, piece: str, *, top: bool) -> None:
        for key_node, value in node.value:
            key = str(getattr(key_node, "value", ""))
            if key in SETTINGS:
                if top and isinstance(value, yaml.ScalarNode):
                    self.meta[key] = value.value
                continue
            if key == "pieces" and isinstance(value, yaml.SequenceNode):
                self._pieces(value)
            else:
                self._value(value, PLURALS.get(key, key), piece)

    def _value(self, node: yaml.Node, field: str, piece: str) -> None:
        if isinstance(node, yaml.ScalarNode):
            if node.tag == "tag:yaml.org,2002:str" and str(node.value).strip():
                scopes = frozenset({f"field.{field}", piece})
                self.drafts.append(scalar_draft(self.source, node, 0, scopes))
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                self._value(item, field, piece)
        elif isinstance(node, yaml.MappingNode):
            self._mapping(node, piece, top=False)
