"""Vale's `metric` formulas and conditions, parsed and evaluated without `eval`.

Vale runs a metric rule's `formula` as a Tengo script with the `math` module imported, then
runs `"%f <condition>"` (the value printed with six decimals, then the condition) the same
way. Only arithmetic is ever written there, so this module parses exactly that: numbers,
variables, `+ - * /`, parentheses, unary minus, the `math` module's numeric functions
(`math.sqrt(x)`, `math.abs(x)`, `math.pow(x, y)`, …) and constants (`math.pi`, `math.e`),
and a condition of one comparison (`> 8`, `<= 70.0`, `== words`).

Tengo's number rules are kept: the metric variables are floats; a whole-number literal is an
integer, so `1 / 2` is 0 as in Vale, while `words / 2` divides as floats; a float divided by
zero is an infinity (or NaN), an integer divided by zero is an error; a math function that
leaves its domain gives NaN, as Go's math package does. Anything else (a name that is not a
variable, an operator Tengo would reject) is a `FormulaError` with its position, raised when
the rule is compiled, not while linting.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass

Number = int | float

# `heading.h2` is how Vale's docs and styles write a heading count; Vale rewrites it to the
# variable `heading_h2` before running the script, and so do we
_HEADING = re.compile(r"heading\.(h[1-6])\b")
_TOKEN = re.compile(
    r"\s*(?:"
    r"(?P<number>(?:\d+\.\d*|\.\d+|\d+)(?:[eE][+-]?\d+)?)"
    r"|(?P<name>[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)"
    r"|(?P<op>==|!=|>=|<=|[-+*/(),<>])"
    r")"
)
COMPARISONS = ("==", "!=", ">=", "<=", ">", "<")


def _go_call(function: Callable[..., float]) -> Callable[..., float]:
    """A Python math function with Go's behaviour at the edges: NaN outside the domain,
    an infinity on overflow, where Python raises."""

    def call(*args: float) -> float:
        try:
            return float(function(*args))
        except ValueError:
            return math.nan
        except OverflowError:
            return math.inf

    return call


def _go_pow(x: float, y: float) -> float:
    try:
        return float(math.pow(x, y))
    except ZeroDivisionError:  # 0 ** -1
        return math.inf
    except (ValueError, OverflowError):
        return math.nan if x < 0 else math.inf


def _go_mod(x: float, y: float) -> float:
    return math.fmod(x, y) if y != 0 else math.nan


# Tengo's `math` module: its float functions of one and two arguments, and its constants
MATH_FUNCTIONS: dict[str, tuple[int, Callable[..., float]]] = {
    **{
        name: (1, _go_call(getattr(math, name)))
        for name in (
            "acos acosh asin asinh atan atanh cbrt ceil cos cosh erf erfc exp exp2 expm1 "
            "floor gamma log log10 log1p log2 sin sinh sqrt tan tanh trunc"
        ).split()
    },
    "abs": (1, _go_call(math.fabs)),
    "atan2": (2, _go_call(math.atan2)),
    "copysign": (2, _go_call(math.copysign)),
    "dim": (2, lambda x, y: max(x - y, 0.0)),
    "hypot": (2, _go_call(math.hypot)),
    "max": (2, lambda x, y: float(max(x, y))),
    "min": (2, lambda x, y: float(min(x, y))),
    "mod": (2, _go_mod),
    "pow": (2, _go_pow),
    "remainder": (2, _go_call(math.remainder)),
}
MATH_CONSTANTS: dict[str, float] = {
    "e": math.e,
    "pi": math.pi,
    "phi": (1 + math.sqrt(5)) / 2,
    "sqrt2": math.sqrt(2),
    "sqrtE": math.sqrt(math.e),
    "sqrtPi": math.sqrt(math.pi),
    "sqrtPhi": math.sqrt((1 + math.sqrt(5)) / 2),
    "ln2": math.log(2),
    "log2E": 1 / math.log(2),
    "ln10": math.log(10),
    "log10E": 1 / math.log(10),
}


class FormulaError(ValueError):
    """A formula or condition that cannot run; `position` is the character it is about."""

    def __init__(self, message: str, position: int) -> None:
        super().__init__(message)
        self.position = position


@dataclass(frozen=True)
class _Num:
    """A number in a formula."""

    value: Number


@dataclass(frozen=True)
class _Var:
    """A named count (`words`, `sentences`, …) in a formula."""

    name: str


@dataclass(frozen=True)
class _Neg:
    """A negated operand."""

    operand: Node


@dataclass(frozen=True)
class _Binary:
    """An arithmetic operation; `position` places an error in the formula's text."""

    op: str
    left: Node
    right: Node
    position: int


@dataclass(frozen=True)
class _Call:
    """A function of `MATH_FUNCTIONS` applied to its arguments."""

    name: str
    args: tuple[Node, ...]


Node = _Num | _Var | _Neg | _Binary | _Call


class _Parser:
    def __init__(self, text: str, variables: Collection[str]) -> None:
        self.text = text
        self.variables = variables
        self.tokens: list[tuple[str, str, int]] = []  # (kind, text, position)
        position = 0
        stripped = text.rstrip()
        while position < len(stripped):
            found = _TOKEN.match(stripped, position)
            if found is None or found.end() == position:
                at = position + len(stripped[position:]) - len(stripped[position:].lstrip())
                raise FormulaError(f"unexpected {stripped[at]!r}", at)
            kind = found.lastgroup or ""
            self.tokens.append((kind, found.group(kind), found.start(kind)))
            position = found.end()
        self.index = 0
        self.names: set[str] = set()

    def peek(self) -> tuple[str, str, int]:
        if self.index < len(self.tokens):
            return self.tokens[self.index]
        return ("end", "", len(self.text.rstrip()))

    def take(self, text: str | None = None) -> tuple[str, str, int]:
        token = self.peek()
        if text is not None and token[1] != text:
            what = f"{token[1]!r}" if token[0] != "end" else "the end"
            raise FormulaError(f"expected {text!r}, found {what}", token[2])
        self.index += 1
        return token

    def done(self) -> None:
        kind, text, position = self.peek()
        if kind != "end":
            raise FormulaError(f"unexpected {text!r}", position)

    def expression(self) -> Node:
        node = self.term()
        while self.peek()[1] in ("+", "-"):
            _, op, position = self.take()
            node = _Binary(op, node, self.term(), position)
        return node

    def term(self) -> Node:
        node = self.unary()
        while self.peek()[1] in ("*", "/"):
            _, op, position = self.take()
            node = _Binary(op, node, self.unary(), position)
        return node

    def unary(self) -> Node:
        if self.peek()[1] == "-":
            self.take()
            return _Neg(self.unary())
        if self.peek()[1] == "+":
            self.take()
            return self.unary()
        return self.primary()

    def primary(self) -> Node:
        kind, text, position = self.take()
        if kind == "number":
            is_float = any(c in text for c in ".eE")
            return _Num(float(text) if is_float else int(text))
        if text == "(":
            node = self.expression()
            self.take(")")
            return node
        if kind == "name":
            return self.name(text, position)
        if kind == "end":
            raise FormulaError("the formula ends where a number or variable should be", position)
        raise FormulaError(f"unexpected {text!r}", position)

    def name(self, text: str, position: int) -> Node:
        module, _, member = text.partition(".")
        if module == "math" and member:
            if member in MATH_CONSTANTS:
                return _Num(MATH_CONSTANTS[member])
            if member not in MATH_FUNCTIONS:
                raise FormulaError(f"the math module has no {member!r}", position)
            arity = MATH_FUNCTIONS[member][0]
            self.take("(")
            args = [self.expression()]
            while self.peek()[1] == ",":
                self.take()
                args.append(self.expression())
            if len(args) != arity:
                raise FormulaError(
                    f"math.{member} takes {arity} argument{'s' if arity > 1 else ''}, "
                    f"not {len(args)}",
                    position,
                )
            self.take(")")
            return _Call(member, tuple(args))
        if text not in self.variables:
            known = ", ".join(sorted(self.variables))
            raise FormulaError(f"unknown variable {text!r} (variables: {known})", position)
        self.names.add(text)
        return _Var(text)


def _evaluate(node: Node, values: Mapping[str, float]) -> Number:
    if isinstance(node, _Num):
        return node.value
    if isinstance(node, _Var):
        return float(values[node.name])
    if isinstance(node, _Neg):
        return -_evaluate(node.operand, values)
    if isinstance(node, _Call):
        args = [float(_evaluate(arg, values)) for arg in node.args]
        return MATH_FUNCTIONS[node.name][1](*args)
    left = _evaluate(node.left, values)
    right = _evaluate(node.right, values)
    if node.op == "+":
        return left + right
    if node.op == "-":
        return left - right
    if node.op == "*":
        return left * right
    if isinstance(left, int) and isinstance(right, int):
        if right == 0:
            raise FormulaError("division by zero", node.position)
        quotient = abs(left) // abs(right)  # Go truncates toward zero
        return quotient if (left < 0) == (right < 0) else -quotient
    if right == 0:
        if left == 0 or math.isnan(left):
            return math.nan
        return math.copysign(math.inf, left) * math.copysign(1.0, right)
    return left / right


class Formula:
    """An arithmetic formula over named variables (Vale's `formula`)."""

    def __init__(self, source: str, variables: Collection[str]) -> None:
        self.source = source
        self.text = _HEADING.sub(r"heading_\1", source)
        if not self.text.strip():
            raise FormulaError("the formula is empty", 0)
        parser = _Parser(self.text, variables)
        self._tree = parser.expression()
        parser.done()
        self.names = frozenset(parser.names)

    def evaluate(self, values: Mapping[str, float]) -> Number:
        """The formula's value; FormulaError for an integer division by zero."""
        return _evaluate(self._tree, values)


class Condition:
    """One comparison that a formula's value is tested with (Vale's `condition`)."""

    def __init__(self, source: str, variables: Collection[str]) -> None:
        self.source = source
        text = _HEADING.sub(r"heading_\1", source)
        stripped = text.lstrip()
        offset = len(text) - len(stripped)
        self.op = next((op for op in COMPARISONS if stripped.startswith(op)), "")
        if not self.op:
            raise FormulaError(
                "a condition starts with a comparison: >, <, >=, <=, == or != (e.g. '> 8')",
                offset,
            )
        rest = " " * (offset + len(self.op)) + stripped[len(self.op) :]
        if not rest.strip():
            raise FormulaError(f"nothing to compare with after {self.op!r}", len(text))
        parser = _Parser(rest, variables)
        self._tree = parser.expression()
        parser.done()
        self.names = frozenset(parser.names)

    def holds(self, value: float, values: Mapping[str, float]) -> bool:
        """Whether `value` passes: compared as Vale prints it (`%f`, six decimals)."""
        shown = float(f"{value:f}") if math.isfinite(value) else value
        other = float(_evaluate(self._tree, values))
        return {
            "==": shown == other,
            "!=": shown != other,
            ">=": shown >= other,
            "<=": shown <= other,
            ">": shown > other,
            "<": shown < other,
        }[self.op]


def format_value(value: float) -> str:
    """A value as Vale puts it in a message (`%.2f`: 12.35, +Inf, NaN)."""
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "+Inf" if value > 0 else "-Inf"
    return f"{value:.2f}"
