"""CSS declarations with exact source positions, read with tinycss2.

Every `StyleRef` of a document (a stylesheet, a `style` attribute, a presentation
attribute) becomes a flat list of declarations: the property, its value tokens, and what it
styles (the rule's selectors, or the element an attribute sits on). tinycss2 reports the line
and column of each token within the text it parsed; `Declaration.offset` turns them into
offsets in the document's source, so colour and font rules can point at (and replace)
exactly one token.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from brandlint.core.document import LineIndex, StyleRef

if TYPE_CHECKING:
    from brandlint.core.rule import LintContext

# At-rules whose block holds rules (or declarations) that style the page.
_GROUPING = {"media", "supports", "layer", "container", "document", "scope", "starting-style"}


@dataclass(frozen=True)
class Declaration:
    """`property: value` found in the source, with what it applies to."""

    property: str
    value: Sequence[Any]  # tinycss2 component values
    context: str  # the selectors (`blockquote, .quote`) or the element (`td.hero`)
    at_rule: str  # the innermost at-rule around it (`font-face`, `media`), or ""
    ref: StyleRef
    lines: LineIndex  # line starts of `ref.text`
    # what the declaration styles, as a key: one rule block of a stylesheet, or one element
    # (its `style` and presentation attributes together)
    block: tuple[int, int] = (0, 0)

    def index(self, token: Any) -> int:
        """Where a token of this declaration starts in `ref.text`."""
        return self.lines.offset(token.source_line, token.source_column)

    def end_index(self, token: Any) -> int:
        """Where it ends in `ref.text` (a function: past its closing parenthesis)."""
        return token_end(self.ref.text, self.index(token), token)

    def offset(self, token: Any) -> int:
        """The source offset of a token."""
        return self.ref.source_offset(self.index(token))

    def end(self, token: Any) -> int:
        """The source offset just past a token."""
        return self.ref.source_offset(self.end_index(token))

    def text(self, first: Any, last: Any | None = None) -> str:
        """The CSS from `first` to the end of `last` (default: `first` alone)."""
        return self.ref.text[self.index(first) : self.end_index(last or first)]


def token_end(text: str, start: int, token: Any) -> int:
    """Where `token`, starting at text[start], ends in `text`. The common tokens are measured
    directly; others by their serialization (which escapes can make differ from the source)."""
    kind = token.type
    if kind == "hash" and text.startswith(token.value, start + 1):
        return start + 1 + len(token.value)
    if kind == "ident" and text.startswith(token.value, start):
        return start + len(token.value)
    if kind in ("function", "() block", "[] block", "{} block"):
        return _closing(text, start)
    import tinycss2

    return start + len(tinycss2.serialize([token]))


def _closing(text: str, start: int) -> int:
    """Past the bracket that closes the first one opened at or after `start`."""
    depth = 0
    quote = ""
    index = start
    while index < len(text):
        char = text[index]
        if quote:
            if char == "\\":
                index += 1
            elif char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
            if depth == 0:
                return index + 1
        index += 1
    return len(text)


def declarations(styles: Iterable[StyleRef]) -> list[Declaration]:
    """Every declaration in `styles`, in source order."""
    import tinycss2

    out: list[Declaration] = []
    for number, ref in enumerate(styles):
        lines = LineIndex(ref.text)
        element = (-1, ref.owner)
        if ref.kind == "value":
            value = tinycss2.parse_component_value_list(ref.text)
            out.append(Declaration(ref.property, value, ref.element, "", ref, lines, element))
        elif ref.kind == "declarations":
            nodes = tinycss2.parse_declaration_list(ref.text, True, True)
            out.extend(_Walk(ref, lines, element).walk(nodes, ref.element, ""))
        else:
            nodes = tinycss2.parse_stylesheet(ref.text, True, True)
            out.extend(_Walk(ref, lines, (number, 0)).walk(nodes, "", ""))
    return out


class _Walk:
    """Declarations of one style, each rule block numbered so its declarations stay
    together."""

    def __init__(self, ref: StyleRef, lines: LineIndex, block: tuple[int, int]) -> None:
        self.ref, self.lines, self.block = ref, lines, block

    def walk(self, nodes: Iterable[Any], context: str, at_rule: str) -> Iterator[Declaration]:
        import tinycss2

        block = self.block
        for node in nodes:
            if node.type == "declaration":
                yield Declaration(
                    node.lower_name, node.value, context, at_rule, self.ref, self.lines, block
                )
            elif node.type == "qualified-rule" and node.content is not None:
                selector = tinycss2.serialize(node.prelude).strip()
                inner = f"{context} {selector}".strip() if context else selector
                children = tinycss2.parse_blocks_contents(node.content, True, True)
                self.block = (block[0], self.block[1] + 1)
                yield from self.walk(children, inner, at_rule)
            elif node.type == "at-rule" and node.content is not None:
                name = node.lower_at_keyword
                if name in _GROUPING or name in ("font-face", "page") or name.endswith("keyframes"):
                    children = tinycss2.parse_blocks_contents(node.content, True, True)
                    self.block = (block[0], self.block[1] + 1)
                    yield from self.walk(children, context, name)


def pixel_length(style: str, prop: str) -> float | None:
    """The `prop` of a declaration list in px (`width: 300px` → 300), else None."""
    if prop not in style:
        return None
    import tinycss2

    found = None
    for node in tinycss2.parse_declaration_list(style, True, True):
        if node.type == "declaration" and node.lower_name == prop:
            value = [t for t in node.value if t.type != "whitespace"]
            if len(value) == 1 and value[0].type == "dimension" and value[0].lower_unit == "px":
                found = float(value[0].value)
            elif len(value) == 1 and value[0].type == "number" and value[0].value == 0:
                found = 0.0
            else:
                found = None  # a later `width: 100%` overrides an earlier px width
    return found


def document_declarations(ctx: LintContext) -> list[Declaration]:
    """The document's CSS declarations: a fact parsed once for every asset rule."""
    return declarations(ctx.document.styles)
