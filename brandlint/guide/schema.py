"""The guide's JSON Schema, its rule parts generated from the kinds' option declarations.

The hand-written part (`schema/guide.skeleton.json`) describes the guide's own sections;
the definitions of a term, of an image purpose and of an inline rule of each kind are built
here from the same declarations that check them at load, so editors that complete and check
brandlint.yaml with the schema cannot disagree with brandlint. The shipped
`schema/guide.schema.json` is this output; a test fails when it is stale.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from brandlint.checks.image_specs import ImageSpecsOptions
from brandlint.checks.registry import KINDS
from brandlint.checks.term import TermOptions
from brandlint.core.options import Options, options_schema
from brandlint.core.spec import RuleSettings

# settings a term or an image purpose takes besides its kind's options
_TERM_SETTINGS = (
    "id",
    "message",
    "level",
    "reason",
    "link",
    "lang",
    "channels",
    "scope",
    "examples",
)
_PURPOSE_SETTINGS = ("level", "reason", "message")


def _merged(
    *parts: type[Options], settings: tuple[str, ...] = (), drop: tuple[str, ...] = ()
) -> dict[str, Any]:
    properties: dict[str, Any] = {}
    common = options_schema(RuleSettings)["properties"]
    properties.update({k: common[k] for k in settings})
    for part in parts:
        properties.update(options_schema(part)["properties"])
    for key in drop:
        properties.pop(key, None)
    return {"type": "object", "additionalProperties": False, "properties": properties}


def _inline_rules() -> list[dict[str, Any]]:
    """`rules: {ID: {extends: KIND, …}}`: each kind's options plus every common setting."""
    out = []
    for name in sorted(KINDS):
        then = _merged(RuleSettings, KINDS[name].Options)
        out.append(
            {
                "if": {"required": ["extends"], "properties": {"extends": {"const": name}}},
                "then": then,
            }
        )
    return out


def guide_schema() -> dict[str, Any]:
    text = resources.files("brandlint.schema").joinpath("guide.skeleton.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    defs = schema["$defs"]
    term = _merged(TermOptions, settings=_TERM_SETTINGS)
    term["description"] = defs["term"]["description"]
    defs["term"] = term
    purpose = _merged(ImageSpecsOptions, settings=_PURPOSE_SETTINGS, drop=("purpose",))
    purpose["description"] = defs["image_purpose"]["description"]
    defs["image_purpose"] = purpose
    defs["inline_rule"] = {"type": "object", "allOf": _inline_rules()}
    schema["properties"]["rules"]["additionalProperties"] = {
        "anyOf": [
            {"enum": ["off", "suggestion", "warning", "error"]},
            {"$ref": "#/$defs/inline_rule"},
        ]
    }
    return schema


def schema_text() -> str:
    return json.dumps(guide_schema(), indent=2, ensure_ascii=False) + "\n"
