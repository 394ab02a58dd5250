"""Checking a guide against its JSON Schema, with messages a copywriter can act on."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

from brandlint.core.errors import Problem
from brandlint.core.located import LocatedYaml
from brandlint.core.options import did_you_mean, type_name


@lru_cache(maxsize=1)
def guide_schema() -> dict[str, Any]:
    """The hand-written part of the schema: the guide's own sections. Rule options are
    checked against the kinds' declarations when the rules compile, with better messages."""
    text = resources.files("brandlint.schema").joinpath("guide.skeleton.json").read_text("utf-8")
    return json.loads(text)  # type: ignore[no-any-return]


def _where(path: tuple[Any, ...]) -> str:
    out = ""
    for part in path:
        out += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "the guide"


def validate_guide(doc: LocatedYaml) -> list[Problem]:
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(guide_schema())
    problems = []
    for error in sorted(validator.iter_errors(doc.data), key=lambda e: list(map(str, e.path))):
        problems.extend(_explain(doc, error))
    return problems


def _explain(doc: LocatedYaml, error: Any) -> list[Problem]:
    path = tuple(error.absolute_path)
    where = _where(path)
    if error.validator == "additionalProperties":
        allowed = set(error.schema.get("properties", {}))
        out = []
        for key in error.instance:
            if key not in allowed:
                hint = did_you_mean(key, allowed)
                out.append(
                    doc.problem(
                        (*path, key),
                        f"unknown key '{key}' in {where}{hint}"
                        + ("" if hint else f" (allowed: {', '.join(sorted(allowed))})"),
                        key=True,
                    )
                )
        return out
    if error.validator == "enum":
        choices = [str(c) for c in error.validator_value]
        hint = did_you_mean(str(error.instance), choices) if isinstance(error.instance, str) else ""
        return [
            doc.problem(
                path, f"{where} is {error.instance!r}; use one of {', '.join(choices)}{hint}"
            )
        ]
    if error.validator == "type":
        wanted = error.validator_value
        wanted = wanted if isinstance(wanted, str) else " or ".join(wanted)
        names = {
            "string": "text",
            "array": "a list",
            "object": "a mapping",
            "boolean": "true or false",
            "number": "a number",
            "integer": "a whole number",
        }
        return [
            doc.problem(
                path,
                f"{where} should be {names.get(wanted, wanted)}, not {type_name(error.instance)}",
            )
        ]
    if error.validator == "anyOf":
        if error.schema == guide_schema()["$defs"]["strings"]:
            return [doc.problem(path, f"{where} should be text or a list of text")]
        # explain the alternative written in the same form (text → the list of choices)
        same_type = [e for e in error.context or [] if e.validator != "type"]
        if same_type:
            return _explain(doc, same_type[0])
        return [doc.problem(path, f"{where} is not in a form brandlint understands")]
    if error.validator == "pattern":
        return [
            doc.problem(
                path, f"{where} {error.instance!r} may only hold letters, digits, '-' and '_'"
            )
        ]
    if error.validator == "required":
        return [doc.problem(path, f"{where} needs {error.message.split(' is ')[0]}")]
    return [doc.problem(path, f"{where}: {error.message}")]
