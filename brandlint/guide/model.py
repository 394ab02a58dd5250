"""What a loaded guide is: settings plus a list of rule specifications."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from brandlint.alerts import Level
from brandlint.errors import Problem
from brandlint.guide.located_yaml import LocatedYaml, Path


@dataclass(frozen=True)
class RuleSpec:
    """One rule as written in a guide or rule file, before it is compiled.

    `options` holds the kind's own keys (tokens, swap, max, …). `located` and `at` point at
    the rule's mapping in its YAML file so compile errors can name a line and column.
    """

    id: str
    kind: str
    level: Level
    message: str = ""
    options: Mapping[str, Any] = field(default_factory=dict)
    scope: tuple[str, ...] = ()
    link: str = ""
    reason: str = ""
    langs: tuple[str, ...] = ()
    channels: tuple[str, ...] = ()
    flag_examples: tuple[str, ...] = ()
    pass_examples: tuple[str, ...] = ()
    origin: str = ""
    located: LocatedYaml | None = field(default=None, compare=False, repr=False)
    at: Path = ()

    def problem(self, key: Path, message: str, severity: str = "error") -> Problem:
        """A problem located at one of this rule's keys (or at the rule if unknown)."""
        if self.located is None:
            return Problem(self.origin or self.id, 1, 1, message, severity)
        return self.located.problem((*self.at, *key), message, severity=severity)

    def applies_to(self, lang: str | None, channel: str | None) -> bool:
        if self.langs and (lang or "") not in self.langs:
            return False
        return not (self.channels and (channel or "") not in self.channels)


@dataclass(frozen=True)
class Guide:
    """A brand guide ready to compile: its rules in load order, later overriding earlier."""

    name: str
    path: str | None
    root: str
    lang: str = "en"
    rules: tuple[RuleSpec, ...] = ()
    channel_globs: tuple[tuple[str, str], ...] = ()
    lang_globs: tuple[tuple[str, str], ...] = ()
    ignore: tuple[str, ...] = ()
    pipelines: Mapping[str, str] = field(default_factory=dict)
    warnings: tuple[Problem, ...] = ()

    def rule(self, rule_id: str) -> RuleSpec | None:
        return next((r for r in self.rules if r.id == rule_id), None)
