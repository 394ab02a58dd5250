"""What each `locales:` entry changes, and which entry each change comes from.

A locale's rules are the guide's with its fallback locales' entries and its own applied
(`brandlint.guide.sections.locales`), so a rule in `nb` copy may come from the guide, from
the `no` entry or from `nb`'s. `brandlint rules` lists the rules that differ from the
guide's per locale with the entry that made each difference, so a guide author sees why
`nb` copy is checked differently without replaying the fallback chain by hand.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from brandlint.core.locale import canonical_tag, fallback_chain
from brandlint.core.spec import RuleSpec
from brandlint.guide.model import Guide


@dataclass(frozen=True)
class LocaleChange:
    """One rule of a locale that differs from the guide's: `spec` None when the locale
    turned it off. `entry` is the canonical tag of the `locales:` entry that made the
    change; `defined` is True when that entry wrote the rule (a term, a group, a rule with
    `extends:`), False when it only changed the settings of a rule from elsewhere."""

    rule_id: str
    spec: RuleSpec | None
    entry: str
    defined: bool


@dataclass(frozen=True)
class LocaleRuleList:
    """A declared locale, the broader declared locales it builds on (broadest first), its
    changes in rule order, and the rules that cannot fire there but can in the guide."""

    tag: str
    after: tuple[str, ...]
    changes: tuple[LocaleChange, ...]
    skipped: tuple[tuple[str, str], ...]


def locale_changes(guide: Guide) -> list[LocaleRuleList]:
    """Each declared locale of `guide`, in the order the guide declares them."""
    listed = []
    for tag, own in guide.locales.items():
        steps = [t for t in reversed(fallback_chain(tag)) if t in guide.locales]
        states = [_by_id(guide.rules), *(_by_id(guide.locales[t].rules) for t in steps)]
        final = states[-1]
        changes = [
            _change(rule_id, states, steps)
            for rule_id in [*final, *(i for i in states[0] if i not in final)]
            if final.get(rule_id) != states[0].get(rule_id)
        ]
        known = set(guide.skipped)
        listed.append(
            LocaleRuleList(
                tag=tag,
                after=tuple(steps[:-1]),
                changes=tuple(changes),
                skipped=tuple(s for s in own.skipped if s not in known),
            )
        )
    return listed


def _by_id(specs: Sequence[RuleSpec]) -> dict[str, RuleSpec]:
    return {spec.id: spec for spec in specs}


def _change(rule_id: str, states: list[dict[str, RuleSpec]], steps: list[str]) -> LocaleChange:
    """The change to `rule_id`, made by the closest entry whose state differs from the one
    before it (an entry may re-state what a broader one set: the broader one made it)."""
    last = max(
        n for n in range(1, len(states)) if states[n].get(rule_id) != states[n - 1].get(rule_id)
    )
    entry = steps[last - 1]
    spec = states[-1].get(rule_id)
    return LocaleChange(rule_id, spec, entry, spec is not None and _written_in(spec, entry))


def _written_in(spec: RuleSpec, entry: str) -> bool:
    """`spec` was written under the `locales:` entry `entry` (keys are compared in
    canonical form: the guide may write `en_GB`)."""
    # a key that is no language tag declared no locale, so no spec of a locale has it
    return spec.at[:1] == ("locales",) and canonical_tag(str(spec.at[1])) == entry
