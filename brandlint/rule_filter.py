"""`--filter`: choose the rules that run with an expression over their settings, as Vale does.

Vale's filters are expressions in the expr language over each rule's definition, such as
`.Level in ["error"]`, `"heading" in .Scope` or `.Extends == "existence" and .Name !=
"demo.Cap"`. This is a small evaluator for the part of that language filters use: fields
(`.Name`, `.Level`, `.Extends`, `.Scope`, `.Message`, `.Link`, `.Description`), strings,
numbers, booleans and lists, `== != < <= > >=`, `in` / `not in`, `contains`, `startsWith`,
`endsWith`, `matches`, `and` / `or` / `not` (also `&&`, `||`, `!`) and parentheses. It parses
the expression once into a tree and never calls `eval`: an expression is data.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from brandlint.core.spec import RuleSpec

_TOKEN = re.compile(
    r"""\s*(?:
        (?P<string>"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')
      | (?P<number>\d+(?:\.\d+)?)
      | (?P<field>\.[A-Za-z_]\w*)
      | (?P<op>==|!=|<=|>=|&&|\|\||[<>!()\[\],])
      | (?P<word>[A-Za-z_]\w*)
    )""",
    re.VERBOSE,
)
_BINARY = {
    "or": 1,
    "||": 1,
    "and": 2,
    "&&": 2,
    "==": 3,
    "!=": 3,
    "<": 3,
    "<=": 3,
    ">": 3,
    ">=": 3,
    "in": 3,
    "not in": 3,
    "contains": 3,
    "startsWith": 3,
    "endsWith": 3,
    "matches": 3,
}


class FilterError(ValueError):
    """An expression brandlint cannot read; the message says where."""


Node = Callable[[Mapping[str, Any]], Any]


@dataclass(frozen=True)
class RuleFilter:
    """A parsed filter; `accepts(spec)` says whether the rule runs."""

    source: str
    root: Node

    def accepts(self, spec: RuleSpec) -> bool:
        return bool(self.root(rule_fields(spec)))


def rule_fields(spec: RuleSpec) -> dict[str, Any]:
    """A rule as Vale's filters see it."""
    return {
        "Name": spec.id,
        "Level": str(spec.level),
        "Extends": spec.kind,
        "Scope": list(spec.scope) or ["text"],
        "Message": spec.message,
        "Link": spec.link,
        "Description": spec.reason,
    }


def parse_filter(source: str) -> RuleFilter:
    tokens = _tokens(source)
    parser = _Parser(tokens, source)
    root = parser.expression(0)
    if parser.position != len(tokens):
        raise FilterError(f"--filter: unexpected {tokens[parser.position][1]!r} in {source!r}")
    return RuleFilter(source, root)


def _tokens(source: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    position = 0
    text = source.strip()
    while position < len(text):
        found = _TOKEN.match(text, position)
        if not found or found.end() == position:
            raise FilterError(f"--filter: cannot read {text[position:]!r} in {source!r}")
        kind = found.lastgroup or ""
        value = found.group(kind)
        if kind == "word" and value == "not" and out and out[-1] != ("op", "("):
            # `x not in y` is one operator; a leading `not` negates
            following = _TOKEN.match(text, found.end())
            if following and following.group("word") == "in":
                out.append(("op", "not in"))
                position = following.end()
                continue
        out.append((kind, value))
        position = found.end()
    return out


class _Parser:
    def __init__(self, tokens: list[tuple[str, str]], source: str) -> None:
        self.tokens = tokens
        self.source = source
        self.position = 0

    def _peek(self) -> tuple[str, str] | None:
        return self.tokens[self.position] if self.position < len(self.tokens) else None

    def _take(self) -> tuple[str, str]:
        token = self._peek()
        if token is None:
            raise FilterError(f"--filter: {self.source!r} ends too early")
        self.position += 1
        return token

    def expression(self, floor: int) -> Node:
        left = self._unary()
        while True:
            token = self._peek()
            if token is None or token[0] not in ("op", "word") or token[1] not in _BINARY:
                return left
            strength = _BINARY[token[1]]
            if strength <= floor:
                return left
            self._take()
            right = self.expression(strength)
            left = _binary(token[1], left, right)

    def _unary(self) -> Node:
        kind, value = self._take()
        if value in ("not", "!"):
            inner = self._unary()
            return lambda fields: not inner(fields)
        if value == "(":
            inner = self.expression(0)
            self._expect(")")
            return inner
        if value == "[":
            items: list[Node] = []
            while self._peek() != ("op", "]"):
                items.append(self.expression(0))
                if self._peek() == ("op", ","):
                    self._take()
            self._expect("]")
            return lambda fields: [item(fields) for item in items]
        if kind == "string":
            text = bytes(value[1:-1], "utf-8").decode("unicode_escape")
            return lambda fields: text
        if kind == "number":
            number = float(value)
            return lambda fields: number
        if kind == "field":
            name = value[1:]
            return lambda fields: fields.get(name)
        if kind == "word" and value in ("true", "false", "nil"):
            constant = {"true": True, "false": False, "nil": None}[value]
            return lambda fields: constant
        raise FilterError(f"--filter: unexpected {value!r} in {self.source!r}")

    def _expect(self, value: str) -> None:
        if self._take()[1] != value:
            raise FilterError(f"--filter: expected {value!r} in {self.source!r}")


def _binary(operator: str, left: Node, right: Node) -> Node:
    def contains(container: Any, item: Any) -> bool:
        return isinstance(container, list | str) and item in container

    operations: dict[str, Callable[[Any, Any], Any]] = {
        "==": lambda a, b: a == b,
        "!=": lambda a, b: a != b,
        "<": lambda a, b: a < b,
        "<=": lambda a, b: a <= b,
        ">": lambda a, b: a > b,
        ">=": lambda a, b: a >= b,
        "in": lambda a, b: contains(b, a),
        "not in": lambda a, b: not contains(b, a),
        "contains": lambda a, b: contains(a, b),
        "startsWith": lambda a, b: isinstance(a, str) and a.startswith(str(b)),
        "endsWith": lambda a, b: isinstance(a, str) and a.endswith(str(b)),
        "matches": lambda a, b: isinstance(a, str) and re.search(str(b), a) is not None,
    }
    if operator in ("and", "&&"):
        return lambda fields: bool(left(fields)) and bool(right(fields))
    if operator in ("or", "||"):
        return lambda fields: bool(left(fields)) or bool(right(fields))
    operation = operations[operator]
    return lambda fields: operation(left(fields), right(fields))
