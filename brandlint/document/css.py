"""CSS files as documents: no copy to read, one stylesheet for the asset rules.

The stylesheet is kept raw (see `StyleRef`); only its comments are read here, for the
same `brandlint-disable` directives Markdown and HTML accept (`/* brandlint-disable */`).

CSS nested past `CSS_DEPTH` brackets (rules in rules, or parentheses in a value) is no real
stylesheet, and reading it recursively would end in a RecursionError in the asset rules;
`bounded_styles` sets such CSS aside with a notice naming where it goes too deep.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from brandlint.core.document import Notice, StyleRef
from brandlint.document.suppressions import SuppressionCollector

TOO_DEEP = "brandlint.too-deep"  # the notice for a part of any file nested too deep to read
CSS_DEPTH = 100  # brackets inside each other; real stylesheets nest a handful
# what can hold a bracket that is not one (comments, strings), and the brackets themselves
_CSS_NESTING = re.compile(
    r"""/\*.*?(?:\*/|\Z)|"(?:\\.|[^"\\\n])*"?|'(?:\\.|[^'\\\n])*'?|([{(\[])|[})\]]""",
    re.DOTALL,
)


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


def bounded_styles(styles: Iterable[StyleRef]) -> tuple[list[StyleRef], list[Notice]]:
    """`styles` without the CSS nested over `CSS_DEPTH` brackets deep, and a notice at the
    bracket that goes too deep in each one left out."""
    kept: list[StyleRef] = []
    notices: list[Notice] = []
    for ref in styles:
        index = _too_deep(ref.text)
        if index is None:
            kept.append(ref)
            continue
        where = ref.source_offset(index)
        notices.append(
            Notice(
                TOO_DEEP,
                f"CSS nested over {CSS_DEPTH} brackets deep: brandlint did not check the "
                "colours and fonts of this "
                f"{'stylesheet' if ref.kind == 'sheet' else 'style'}; flatten the nesting "
                "to have them checked.",
                where,
                where + 1,
            )
        )
    return kept, notices


def _too_deep(css: str) -> int | None:
    """The index of the first bracket in `css` that opens more than `CSS_DEPTH` deep, or
    None; brackets in comments and strings do not count."""
    if css.count("{") + css.count("(") + css.count("[") <= CSS_DEPTH:
        return None  # too few brackets to go too deep: most CSS, at no cost
    depth = 0
    for found in _CSS_NESTING.finditer(css):
        token = found.group()
        if found.group(1):
            depth += 1
            if depth > CSS_DEPTH:
                return found.start()
        elif token in "})]":
            depth = max(depth - 1, 0)
    return None
