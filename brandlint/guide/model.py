"""What a loaded guide is: settings plus a list of rule specifications."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from brandlint.core.errors import Problem
from brandlint.core.rule import Rule
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
    format_globs: tuple[tuple[str, str], ...] = ()  # path glob -> format (`*.mdoc: markdown`)
    ignore: tuple[str, ...] = ()
    pipelines: Mapping[str, str] = field(default_factory=dict)
    # languages to tell apart in copy that declares none (`detect_language:`)
    detect_languages: tuple[str, ...] = ()
    detect_min_confidence: float = 0.7
    warnings: tuple[Problem, ...] = ()
    # the rules compiled while the guide was checked: the very objects that lint
    compiled: tuple[Rule, ...] = field(default=(), compare=False, repr=False)
    # rules that cannot fire here, with the reason (an option or scope brandlint lacks)
    skipped: tuple[tuple[str, str], ...] = ()

    def rule(self, rule_id: str) -> RuleSpec | None:
        return next((r for r in self.rules if r.id == rule_id), None)
