"""The types of rule options, checked when a guide loads.

Option names mean the same thing in every kind (`max` is a count wherever it appears), so
one table covers them all. A wrong type (`max: lots`) is then a guide error at its line and
column, like a misspelt key, instead of a rule failing on every document at lint time.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from brandlint.core.errors import Problem
from brandlint.core.spec import RuleSpec

NUMBERS = frozenset(
    {
        "max",
        "min",
        "max_segments",
        "max_grade",
        "min_ease",
        "min_words",
        "min_length",
        "max_sentences",
        "max_words",
        "max_alt",
        "threshold",
        "min_width",
        "near",
        "h1",
    }
)
BOOLEANS = frozenset({"ignorecase", "nonword", "alpha", "capitalize"})
# a word or a list of words
WORDS = frozenset(
    {
        "exceptions",
        "tokens",
        "forbid",
        "forbid_openings",
        "families",
        "files",
        "classes",
        "formats",
        "allowed_scopes",
        "reader",
        "brand",
        "instead_of",
        "avoid",
        "suggest",
        "preceded_by",
        "followed_by",
    }
)
MAPPINGS = frozenset({"swap", "palette", "uses"})


def option_problems(spec: RuleSpec) -> list[Problem]:
    """Every option of `spec` (and of its `per_channel` entries) with the wrong type."""
    found = [spec.problem(key, message) for key, message in type_errors(spec.id, spec.options)]
    per_channel = spec.options.get("per_channel")
    if per_channel is not None and not isinstance(per_channel, Mapping):
        found.append(
            spec.problem(
                ("per_channel",),
                f"{spec.id}: 'per_channel' maps channels to settings, "
                "e.g. per_channel: {sms: {max: 15}}",
            )
        )
    elif per_channel:
        for channel, values in per_channel.items():
            at = ("per_channel", channel)
            if not isinstance(values, Mapping):
                found.append(spec.problem(at, f"{spec.id}: settings for {channel} are a mapping"))
                continue
            found += [spec.problem(k, m) for k, m in type_errors(spec.id, values, at)]
    return found


def type_errors(
    rule: str, options: Mapping[str, Any], at: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], str]]:
    """(key path, message) for each option of the wrong type (not per_channel's inside)."""
    for key, value in options.items():
        if value is None:
            continue
        where = (*at, key)
        if key in NUMBERS and (isinstance(value, bool) or not isinstance(value, int | float)):
            yield where, f"{rule}: '{key}' is a number (e.g. {key}: 3), not {value!r}"
        elif key in NUMBERS and value < 0:
            yield where, f"{rule}: '{key}' cannot be negative ({value})"
        elif key in BOOLEANS and not isinstance(value, bool):
            yield where, f"{rule}: '{key}' is true or false, not {value!r}"
        elif key in WORDS and not _words(value):
            yield where, f"{rule}: '{key}' is a word or a list of words"
        elif key in MAPPINGS and not isinstance(value, Mapping):
            yield where, f"{rule}: '{key}' is a mapping (name: value on separate lines)"


def _words(value: Any) -> bool:
    if isinstance(value, str | int | float):
        return True
    return isinstance(value, list) and all(isinstance(v, str | int | float) for v in value)
