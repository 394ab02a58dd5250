"""What a loaded guide is: settings plus a list of rule specifications."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from brandlint.core.errors import Problem
from brandlint.core.locale import closest
from brandlint.core.rule import Rule
from brandlint.core.spec import RuleSpec


@dataclass(frozen=True)
class LocaleRules:
    """The guide's rules as they stand for one locale of `locales:` (its fallback locales'
    entries and its own applied over the guide's), compiled at load like the guide's."""

    rules: tuple[RuleSpec, ...]
    compiled: tuple[Rule, ...] = field(compare=False, repr=False)
    skipped: tuple[tuple[str, str], ...] = ()


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
    # `locales:`: canonical language tag (`en-GB`, `nn`) → the rules for copy in it
    locales: Mapping[str, LocaleRules] = field(default_factory=dict)
    locale: str = ""  # the locale whose rules these are (`for_lang`); "" for the guide's own

    def for_lang(self, lang: str | None) -> Guide:
        """The guide as it applies to copy in `lang`: the rules of the declared locale
        closest to it (`en-GB` copy takes `en-GB`, else `en`; `nb` takes `nb`, else `no`),
        or the guide's own rules when no locale applies (see `brandlint.core.locale`)."""
        tag = closest(self.locales, lang, tag=lambda t: t)
        if tag is None:
            return self
        chosen = self.locales[tag]
        return replace(
            self,
            rules=chosen.rules,
            compiled=chosen.compiled,
            skipped=chosen.skipped,
            locales={},
            locale=tag,
        )

    def rule(self, rule_id: str) -> RuleSpec | None:
        return next((r for r in self.rules if r.id == rule_id), None)
