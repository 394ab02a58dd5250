"""Rule options, declared once per kind.

Each rule kind declares its options as one frozen dataclass: a typed field per option, with
its default, a sentence of documentation and an example. Everything else is derived from
that one declaration, so it cannot disagree with itself:

- validation and coercion when a guide loads (`parse_options`), with the option's key path
  so the guide loader can name the file, line and column, and a did-you-mean for unknown
  keys;
- the defaults a rule reads while linting (`rule.opts.max`, `rule.setting(channel, "max")`);
- `per_channel` overrides, checked against the same fields;
- the JSON Schema shipped in the wheel, `brandlint explain KIND` and the generated reference
  pages under docs/reference/.

Plain dataclasses rather than pydantic or msgspec: the declaration needs no dependency and
no import time (start-up matters for a pre-commit hook), and errors must point into YAML
positions that only our located loader knows, so the checking is ours either way.
"""

from __future__ import annotations

import dataclasses
import difflib
import types
import typing
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal, TypeVar, Union, get_args, get_origin

OptionsT = TypeVar("OptionsT", bound="Options")
Where = tuple[str | int, ...]
# report(key path, message, key=…): `key` puts the position on the key rather than its value
Report = Callable[..., None]

_UNSET: Any = object()


def option(
    default: Any = None,
    *,
    doc: str,
    example: Any = _UNSET,
    per_channel: bool = False,
    minimum: float | None = 0,
) -> Any:
    """Declare one option: its default, what it does (one sentence, for the reference),
    an example value, whether `per_channel` may override it, and the least number allowed
    (numbers only)."""
    metadata = {"doc": doc, "example": example, "per_channel": per_channel, "minimum": minimum}
    return field(default=default, metadata=metadata)


@dataclass(frozen=True)
class Declared:
    """One declared option, as the loader, the schema and the reference see it."""

    name: str
    type: Any
    default: Any
    doc: str
    example: Any
    per_channel: bool
    minimum: float | None

    @property
    def type_name(self) -> str:
        return describe(self.type)

    def example_text(self) -> str:
        value = self.example if self.example is not _UNSET else _sample(self.type)
        return f"{self.name}: {_yaml_value(value)}"


@dataclass(frozen=True)
class Options:
    """Base of every kind's options. Subclasses are frozen dataclasses of `option()`s."""

    kind_doc: ClassVar[str] = ""

    @classmethod
    def declared(cls) -> dict[str, Declared]:
        """The declared options, read from the class once (kept on the class itself)."""
        found: dict[str, Declared] | None = cls.__dict__.get("_declared_options")
        if found is None:
            found = _declared(cls)
            type.__setattr__(cls, "_declared_options", found)
        return found


@dataclass(frozen=True)
class NoOptions(Options):
    """For kinds that take no options of their own."""


def _declared(cls: type[Options]) -> dict[str, Declared]:
    hints = typing.get_type_hints(cls)
    out = {}
    for item in dataclasses.fields(cls):
        meta = item.metadata
        out[item.name] = Declared(
            name=item.name,
            type=hints[item.name],
            default=item.default,
            doc=str(meta.get("doc", "")),
            example=meta.get("example", _UNSET),
            per_channel=bool(meta.get("per_channel", False)),
            minimum=meta.get("minimum", 0),
        )
    return out


class WrongValue(Exception):
    """A value that does not fit its declared type; the message says what would."""

    def __init__(self, message: str, at: Where = (), *, nested: bool = False) -> None:
        super().__init__(message)
        self.at = at
        self.nested = nested  # about a key inside the value, which names its own example


def did_you_mean(word: str, choices: typing.Iterable[str]) -> str:
    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


def coerce_values(
    cls: type[Options],
    values: Mapping[str, Any],
    report: Report,
    *,
    rule: str,
    kind: str,
    at: Where = (),
    unknown: Callable[[Where, str], None] | None = None,
    only: Callable[[Declared], bool] = lambda d: True,
) -> dict[str, Any]:
    """Coerced values of the keys present in `values` (a partial set: per-channel
    overrides use this with `only` = the options that may vary per channel)."""
    declared = cls.declared()
    allowed = {name for name, d in declared.items() if only(d)}
    good: dict[str, Any] = {}
    for key, value in values.items():
        key = str(key)
        where = (*at, key)
        if key not in allowed:
            if key in declared:
                message = f"{rule}: '{key}' cannot be set per channel in {kind} rules"
            else:
                hint = did_you_mean(key, allowed)
                listing = "" if hint else f" ({_choices(allowed)})"
                message = f"{rule}: {kind} rules have no option '{key}'{hint}{listing}"
            if unknown is not None and key not in declared:
                unknown(where, message)
            else:
                report(where, message, key=True)
            continue
        if value is None:
            continue  # `max:` with nothing after it: the default
        try:
            good[key] = coerce(declared[key].type, value, declared[key])
        except WrongValue as exc:
            if exc.nested:
                report((*where, *exc.at), f"{rule}: in '{key}', {exc}")
            else:
                example = declared[key].example_text()
                report((*where, *exc.at), f"{rule}: '{key}' {exc} (e.g. {example})")
    return good


def _choices(names: typing.Iterable[str]) -> str:
    names = sorted(names)
    return f"options: {', '.join(names)}" if names else "it takes no options"


def coerce(kind: Any, value: Any, declared: Declared | None = None) -> Any:
    """`value` as the declared type, or WrongValue saying what was expected."""
    origin = get_origin(kind)
    if origin in (Union, types.UnionType):
        choices = [k for k in get_args(kind) if k is not type(None)]
        errors = []
        for choice in choices:
            try:
                return coerce(choice, value, declared)
            except WrongValue as exc:
                errors.append(exc)
        raise errors[-1] if len(choices) == 1 else WrongValue(f"should be {describe(kind)}")
    if kind is Any:
        return value
    if origin is Literal:
        allowed = [str(a) for a in get_args(kind)]
        if isinstance(value, bool) or str(value) not in allowed:
            hint = did_you_mean(str(value), allowed) if isinstance(value, str) else ""
            raise WrongValue(f"is {value!r}; use one of {', '.join(allowed)}{hint}")
        return str(value)
    if kind is bool:
        if not isinstance(value, bool):
            raise WrongValue(f"is true or false, not {value!r}")
        return value
    if kind in (int, float):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise WrongValue(f"is a number, not {value!r}")
        if kind is int and not float(value).is_integer():
            raise WrongValue(f"is a whole number, not {value!r}")
        minimum = declared.minimum if declared else 0
        if minimum is not None and value < minimum:
            floor = "be negative" if minimum == 0 else f"be less than {minimum:g}"
            raise WrongValue(f"cannot {floor} ({value})")
        return kind(value)
    if kind is str:
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise WrongValue(f"is text, not {type_name(value)}")
        return str(value)
    if origin is tuple:
        item = get_args(kind)[0]
        if item is str:  # a word or a list of words
            items = value if isinstance(value, list) else [value]
        elif not isinstance(value, list):
            raise WrongValue(f"is a list, not {type_name(value)}")
        else:
            items = value
        out = []
        for index, entry in enumerate(items):
            try:
                out.append(coerce(item, entry, declared))
            except WrongValue as exc:
                at = (index, *exc.at) if isinstance(value, list) else exc.at
                raise WrongValue(_in_list(item, str(exc)), at) from None
        return tuple(out)
    if origin in (Mapping, dict) or kind is dict:
        if not isinstance(value, Mapping):
            raise WrongValue(
                f"is a mapping (name: value on separate lines), not {type_name(value)}"
            )
        args = get_args(kind)
        item = args[1] if args else Any
        out_map = {}
        for name, entry in value.items():
            try:
                out_map[str(name)] = coerce(item, entry, declared)
            except WrongValue as exc:
                raise WrongValue(f"at '{name}' {exc}", (str(name), *exc.at)) from None
        return out_map
    if isinstance(kind, type) and issubclass(kind, Options):
        if not isinstance(value, Mapping):
            raise WrongValue(f"is a mapping ({_choices(kind.declared())}), not {type_name(value)}")
        problems: list[tuple[Where, str]] = []

        def collect(where: Where, message: str, **_: Any) -> None:
            problems.append((where, message))

        good = coerce_values(kind, value, collect, rule="", kind="", at=())
        if problems:
            where, message = problems[0]
            raise WrongValue(message.removeprefix(": ").strip(), where, nested=True)
        return kind(**good)
    raise TypeError(f"no coercion for declared type {kind!r}")  # a declaration bug


def _in_list(item: Any, message: str) -> str:
    return "is a word or a list of words" if item is str else f"holds items that {message}"


def type_name(value: Any) -> str:
    """A YAML value's type in a guide author's words."""
    return {
        str: "text",
        int: "a number",
        float: "a number",
        bool: "true/false",
        list: "a list",
        dict: "a mapping",
        type(None): "nothing",
    }.get(type(value), type(value).__name__)


def describe(kind: Any) -> str:
    """The type in a guide author's words."""
    origin = get_origin(kind)
    if origin in (Union, types.UnionType):
        return " or ".join(describe(k) for k in get_args(kind) if k is not type(None))
    if origin is Literal:
        return "one of " + ", ".join(f"`{a}`" for a in get_args(kind))
    if origin is tuple:
        item = get_args(kind)[0]
        return "a word or a list of words" if item is str else f"a list of ({describe(item)})"
    if origin in (Mapping, dict):
        args = get_args(kind)
        return f"a mapping of names to {describe(args[1])}" if args else "a mapping"
    if isinstance(kind, type) and issubclass(kind, Options):
        return "a mapping with " + ", ".join(f"`{n}`" for n in kind.declared())
    return {
        bool: "true or false",
        int: "a whole number",
        float: "a number",
        str: "text",
        Any: "any value",
    }.get(kind, str(kind))


def _sample(kind: Any) -> Any:
    origin = get_origin(kind)
    if origin in (Union, types.UnionType):
        return _sample(next(k for k in get_args(kind) if k is not type(None)))
    if origin is Literal:
        return get_args(kind)[0]
    if origin is tuple:
        return ["word"] if get_args(kind)[0] is str else [_sample(get_args(kind)[0])]
    if origin in (Mapping, dict):
        return {"name": _sample(get_args(kind)[1]) if get_args(kind) else "value"}
    return {bool: True, int: 3, float: 0.5, str: "text"}.get(kind, "…")


def _yaml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_yaml_value(v) for v in value) + "]"
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{k}: {_yaml_value(v)}" for k, v in value.items()) + "}"
    return str(value)


def json_schema(kind: Any) -> dict[str, Any]:
    """The JSON Schema of a declared type (for the shipped guide schema)."""
    origin = get_origin(kind)
    if origin in (Union, types.UnionType):
        parts = [json_schema(k) for k in get_args(kind) if k is not type(None)]
        return parts[0] if len(parts) == 1 else {"anyOf": parts}
    if origin is Literal:
        return {"enum": list(get_args(kind))}
    if origin is tuple:
        item = get_args(kind)[0]
        if item is str:
            return {"$ref": "#/$defs/strings"}
        return {"type": "array", "items": json_schema(item)}
    if origin in (Mapping, dict):
        args = get_args(kind)
        return {"type": "object", "additionalProperties": json_schema(args[1]) if args else {}}
    if isinstance(kind, type) and issubclass(kind, Options):
        return options_schema(kind)
    simple = {bool: "boolean", int: "integer", float: "number", str: "string"}
    if kind in simple:
        out: dict[str, Any] = {"type": simple[kind]}
        return out
    if kind is Any:
        return {}
    raise TypeError(f"no schema for declared type {kind!r}")


def options_schema(cls: type[Options]) -> dict[str, Any]:
    properties = {}
    for name, declared in cls.declared().items():
        schema = json_schema(declared.type)
        if declared.type in (int, float) and declared.minimum is not None:
            schema["minimum"] = declared.minimum
        properties[name] = {**schema, "description": declared.doc}
    return {"type": "object", "properties": properties, "additionalProperties": False}
