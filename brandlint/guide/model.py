"""What a loaded guide is: settings plus a list of rule specifications."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from brandlint.core.errors import Problem
from brandlint.core.spec import RuleSpec


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
