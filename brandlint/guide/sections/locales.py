"""`locales:` — what differs per locale: terms, consistency groups and rule settings.

One guide serves every locale a team writes in. The guide's own sections say what holds
everywhere; an entry under `locales:` (keyed by a language tag: `en-GB`, `nn`, `no`) holds
only what differs there, in the same syntax as the guide's own `terms:`, `consistency:` and
`rules:`. A locale's terms and groups are added to the guide's (one with the id of a guide
rule replaces it), then its `rules:` settings apply over all of them: a tone setting or a
channel limit set per locale is an ordinary `rules:` entry.

Entries stack along the fallback chain of `brandlint.core.locale`: copy in `nb` gets the
guide, then `no`'s entry, then `nb`'s. Each declared locale is compiled here, once, at load
(rules a locale leaves unchanged are shared with the guide, not compiled again), so a wrong
value in a locale's entry is reported at its line and column like any other.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from brandlint.checks.registry import KINDS
from brandlint.core.locale import canonical_tag, fallback_chain
from brandlint.core.rule import Rule
from brandlint.core.spec import RuleSpec
from brandlint.guide.coherence import check_coherence
from brandlint.guide.model import LocaleRules
from brandlint.guide.sections import GuideFile
from brandlint.guide.sections.consistency import read_consistency
from brandlint.guide.sections.overrides import apply_rules
from brandlint.guide.sections.terms import read_terms

# compiled rules that learn about the rest of the guide (a consistency group is told the
# spellings the guide's terms ban), so a locale with other terms needs its own
_GUIDE_AWARE = frozenset({"consistency"})


def read_locales(
    source: GuideFile,
    specs: Sequence[RuleSpec],
    compiled: Sequence[Rule],
    skipped: Sequence[tuple[str, str]],
    pipelines: Mapping[str, str],
) -> dict[str, LocaleRules]:
    """The rules of each locale the guide declares, by canonical tag, given the guide's
    own `specs` and what they compiled to."""
    declared = _declared(source)
    shared = {id(rule.spec): rule for rule in compiled if rule.kind not in _GUIDE_AWARE}
    reasons = dict(skipped)
    unfit = {id(spec): reasons[spec.id] for spec in specs if spec.id in reasons}
    out: dict[str, LocaleRules] = {}
    for tag in declared:
        rules = list(specs)
        for step in reversed(fallback_chain(tag)):
            if step in declared:
                rules = _apply(GuideFile(source.doc, source.problems, declared[step]), rules)
        out[tag] = _compile(source, rules, shared, unfit, pipelines)
    return out


def _declared(source: GuideFile) -> dict[str, tuple[str, str]]:
    """Canonical tag → where its entry is (`("locales", KEY)` as written)."""
    entries = source.data.get("locales")
    if not isinstance(entries, dict):
        return {}  # absent, or reported by the schema
    declared: dict[str, tuple[str, str]] = {}
    for key, entry in entries.items():
        at = ("locales", str(key))
        if not isinstance(entry, dict):
            continue  # reported by the schema
        try:
            tag = canonical_tag(str(key))
        except ValueError as exc:
            source.report(at, str(exc), key=True)
            continue
        if tag in declared:
            first = declared[tag][1]
            source.report(at, f"locale '{key}' is '{first}' again; merge the two", key=True)
            continue
        declared[tag] = at
    return declared


def _apply(entry: GuideFile, specs: list[RuleSpec]) -> list[RuleSpec]:
    by_id = {spec.id: spec for spec in specs}
    for read in (read_terms, read_consistency):
        for spec in read(entry):
            by_id[spec.id] = spec
    return apply_rules(entry, list(by_id.values()))


def _compile(
    source: GuideFile,
    specs: list[RuleSpec],
    shared: dict[int, Rule],
    unfit: dict[int, str],
    pipelines: Mapping[str, str],
) -> LocaleRules:
    """Compile what the locale changed; share the guide's compiled rules for the rest."""
    compiled: list[Rule] = []
    passed: list[tuple[str, str]] = []
    for spec in specs:
        if id(spec) in unfit:  # the guide's own rule, which cannot fire here
            passed.append((spec.id, unfit[id(spec)]))
            continue
        rule = shared.get(id(spec)) or _new(spec, source, pipelines)
        if rule.skipped:
            passed.append((spec.id, rule.skipped))
        else:
            compiled.append(rule)
    check_coherence(compiled, source.problems)
    return LocaleRules(tuple(specs), tuple(compiled), tuple(passed))


def _new(spec: RuleSpec, source: GuideFile, pipelines: Mapping[str, str]) -> Rule:
    rule: Rule = KINDS[spec.kind](spec, source.problems)
    rule.guide_pipelines(pipelines)
    return rule
