"""CSS files as documents: no copy to read, one stylesheet for the asset rules.

The stylesheet is kept raw (see `StyleRef`); only its comments are read here, for the
same `brandlint-disable` directives Markdown and HTML accept (`/* brandlint-disable */`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from brandlint.core.document import StyleRef
from brandlint.document.suppressions import SuppressionCollector


def stylesheet(source: str, comments: SuppressionCollector) -> StyleRef:
    """The whole file as one stylesheet, its directive comments fed to `comments`."""
    if "brandlint-" not in source:
        return StyleRef(source, 0, "sheet")  # no directive to find: skip a tokenizer pass
    import tinycss2

    for comment in _comments(tinycss2.parse_component_value_list(source, skip_comments=False)):
        first = comment.source_line
        comments.comment(comment.value, first, first + comment.value.count("\n"))
    return StyleRef(source, 0, "sheet")


def _comments(tokens: Iterable[Any]) -> Iterator[Any]:
    for token in tokens:
        if token.type == "comment":
            yield token
        elif getattr(token, "content", None) is not None and not isinstance(token.content, str):
            yield from _comments(token.content)
        elif getattr(token, "arguments", None) is not None:
            yield from _comments(token.arguments)
