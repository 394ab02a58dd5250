"""Termbase entries as guide rules: each concept, in each language, becomes one `term`
rule (regular-expression swaps and bans become `substitution` and `existence` rules).

A language's deprecated and superseded terms are flagged with its preferred terms as the
fixes; admitted and preferred terms pass; a name written exactly so (a proper noun, a
Vale accepted word) is enforced in its case. The concept's definition and usage notes are
the rule's reason, shown with the alert and in the editor's hover.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from brandlint.core.locale import canonical_tag, fallback_chain, tag_applies
from brandlint.guide.sections import slug
from brandlint.guide.termbases.model import Concept, Designation, LangSection, Termbase

NO_PREFERRED = "'%s' is deprecated in {lang}, and the termbase gives no preferred term to use."


@dataclass(frozen=True)
class RuleEntry:
    """One rule a termbase gives: its id within the termbase, kind, settings and line."""

    key: str
    kind: str
    data: dict[str, Any]
    line: int


def language_scope(tag: str, tags: Iterable[str]) -> tuple[str, ...]:
    """The `lang:` filter of the rule for `tag` among the language tags of its concept.

    A tag applies to its own documents and, through the fallback chain, to narrower ones
    (`en` terms to `en-US` copy) unless the concept has terms of its own for those (then
    they are excluded: `~en-US`). A regional tag also serves the broader language when the
    concept has nothing closer for it: `en-US` terms apply to `en` copy when the concept
    has no `en` (nor untagged) terms, the first such tag in the termbase winning."""
    ordered = list(tags)
    others = [t for t in ordered if t != tag]
    include = [tag]
    for broader in fallback_chain(tag)[1:]:
        if any(tag_applies(t, broader) for t in ordered):
            continue  # something applies to `broader` by lookup already
        narrower = [t for t in ordered if broader in fallback_chain(t)]
        if narrower and narrower[0] == tag:
            include.append(broader)
    # a narrower tag with terms of its own keeps them: `en` included for `en-US` terms
    # still leaves `en-GB` copy to the concept's `en-GB` terms
    exclude = [f"~{t}" for t in others if any(b in fallback_chain(t)[1:] for b in include)]
    return (*include, *exclude)


def _reason(concept: Concept, section: LangSection, terms: Iterable[Designation]) -> str:
    """The definition, then the usage notes: what the editor's hover shows as "Why"."""
    parts = [section.definition or concept.definition]
    notes = [n for n in (concept.note, section.note, *(t.note for t in terms)) if n]
    if notes:
        parts.append("Note: " + " ".join(dict.fromkeys(notes)))
    return " ".join(p for p in parts if p)


def concept_entries(concept: Concept, default_lang: str) -> list[RuleEntry]:
    """The rules of one concept: one per language (per exactly-written name when the
    language has names and nothing to flag)."""
    by_tag: dict[str, list[LangSection]] = {}
    for section in concept.sections:
        tag = canonical_tag(section.tag or default_lang)
        by_tag.setdefault(tag, []).append(section)
    entries = []
    for tag, sections in by_tag.items():
        # a language's own definition over the general one (Lokalise: en_description)
        defined = sorted((s for s in sections if s.definition), key=lambda s: s.tag is None)
        section = defined[0] if defined else sections[0]
        # one term per spelling: Lokalise repeats the base language's term in its column
        terms: list[Designation] = []
        for term in (t for s in sections for t in s.terms):
            if all(t.text != term.text for t in terms):
                terms.append(term)
        preferred = [t for t in terms if t.status == "preferred"]
        flagged = [t for t in terms if t.status in ("deprecated", "superseded")]
        common: dict[str, Any] = {"lang": list(language_scope(tag, by_tag))}
        reason = _reason(concept, section, terms)
        if reason:
            common["reason"] = reason
        base = f"{tag.lower()}.{slug(concept.id)}"
        avoid = list(dict.fromkeys(t.text for t in flagged))
        if flagged and len(preferred) == 1:
            data = {"use": preferred[0].text, "instead_of": avoid}
            if preferred[0].exact:
                data["case"] = "exact"
            entries.append(RuleEntry(base, "term", {**data, **common}, flagged[0].line))
        elif flagged:
            data = {"avoid": avoid, "suggest": [t.text for t in preferred]}
            if not preferred:
                data["message"] = NO_PREFERRED.format(lang=tag)
                del data["suggest"]
            entries.append(RuleEntry(base, "term", {**data, **common}, flagged[0].line))
        else:
            names = [t for t in terms if t.exact and t.status in ("preferred", "admitted")]
            for name in names:
                key = base if len(names) == 1 else f"{base}.{slug(name.text)}"
                data = {"use": name.text, "case": "exact"}
                entries.append(RuleEntry(key, "term", {**data, **common}, name.line))
    return entries


def termbase_entries(termbase: Termbase, default_lang: str) -> list[RuleEntry]:
    """Every rule of a termbase, with keys unique within it (a repeated concept id or
    term gets `-2`, `-3`…: entries never overwrite each other)."""
    entries: list[RuleEntry] = []
    for concept in termbase.concepts:
        entries += concept_entries(concept, default_lang)
    scope = list(language_scope(canonical_tag(default_lang), []))
    for swap in termbase.swaps:
        data: dict[str, Any] = {"swap": {swap.pattern: swap.replacement}, "lang": scope}
        data["ignorecase"] = swap.ignorecase
        if swap.examples:
            flag = [source for source, wanted, _ in swap.examples if source != wanted]
            keep = [source for source, wanted, _ in swap.examples if source == wanted]
            data["examples"] = {k: v for k, v in (("flag", flag), ("pass", keep)) if v}
        entries.append(RuleEntry(f"swap.{slug(swap.replacement)}", "substitution", data, swap.line))
    for ban in termbase.bans:
        data = {"tokens": [ban.pattern], "message": "Avoid '%s'.", "lang": scope}
        entries.append(RuleEntry(f"ban.{slug(ban.pattern)}", "existence", data, ban.line))
    seen: dict[str, int] = {}
    unique = []
    for entry in entries:
        count = seen[entry.key] = seen.get(entry.key, 0) + 1
        key = entry.key if count == 1 else f"{entry.key}-{count}"
        unique.append(RuleEntry(key, entry.kind, entry.data, entry.line))
    return unique
