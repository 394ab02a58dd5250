"""`brandlint terms import` and `export`: termbases to a guide fragment, and a guide's
terms to TBX v3 or CSV.

A guide's `term` rules map onto concepts: `use` and `suggest` are preferred terms,
`instead_of` and `avoid` deprecated ones, `case: exact` a proper noun, the rule's reason
the definition; a term without `lang` belongs to the guide's default language. Importing
an export gives back the same terms per language: the same preferred, deprecated and
exactly-written terms (`avoid` with one `suggest` comes back as `use`/`instead_of`, which
flags and fixes the same words; a custom message is not carried).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import yaml

from brandlint.core.locale import canonical_tag
from brandlint.core.spec import RuleSpec
from brandlint.guide.model import Guide
from brandlint.guide.sections import slug
from brandlint.guide.termbases.model import Concept, Designation, LangSection
from brandlint.guide.termbases.rules import termbase_entries

CSV_COLUMNS = ("concept", "language", "term", "status", "part_of_speech", "definition")

# a term's language set: (preferred terms, deprecated terms, names written exactly so)
TermSet = tuple[frozenset[str], frozenset[str], frozenset[str]]


def _strings(value: Any) -> list[str]:
    if not value:
        return []
    return [str(v) for v in value] if isinstance(value, list | tuple) else [str(value)]


def _tags(spec: RuleSpec, default_lang: str) -> list[str]:
    tags = [canonical_tag(t) for t in spec.langs if not t.startswith("~")]
    return tags or [canonical_tag(default_lang)]


def _designations(spec: RuleSpec) -> list[Designation]:
    options = spec.options
    exact = options.get("case") == "exact"
    terms = [Designation(t, "preferred", exact=exact) for t in _strings(options.get("use"))]
    terms += [Designation(t, "preferred") for t in _strings(options.get("suggest"))]
    flagged = _strings(options.get("instead_of")) + _strings(options.get("avoid"))
    terms += [Designation(t, "deprecated") for t in flagged]
    return terms


def guide_concepts(guide: Guide) -> list[Concept]:
    """The guide's term rules as concepts, one per rule, one section per language."""
    concepts = []
    for spec in guide.rules:
        if spec.kind != "term":
            continue
        terms = tuple(_designations(spec))
        sections = tuple(LangSection(tag, terms) for tag in _tags(spec, guide.lang))
        concepts.append(Concept(spec.id, sections, definition=spec.reason))
    return concepts


def write_csv(concepts: Iterable[Concept]) -> str:
    """One row per term (the layout `terms import` and `termbases:` read back)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for concept in concepts:
        for section in concept.sections:
            for term in section.terms:
                pos = "properNoun" if term.exact else ""
                row = (concept.id, section.tag, term.text, term.status, pos, concept.definition)
                writer.writerow(row)
    return out.getvalue()


def term_sets(concepts: Iterable[Concept], default_lang: str) -> set[tuple[str, TermSet]]:
    """What a set of concepts says per language, to compare an export with its import."""
    out = set()
    for concept in concepts:
        for section in concept.sections:
            terms = section.terms
            out.add(
                (
                    canonical_tag(section.tag or default_lang),
                    (
                        frozenset(t.text for t in terms if t.status == "preferred"),
                        frozenset(
                            t.text for t in terms if t.status in ("deprecated", "superseded")
                        ),
                        frozenset(t.text for t in terms if t.exact),
                    ),
                )
            )
    return out


def guide_fragment(termbases: Sequence[Any], name: str, default_lang: str) -> str:
    """A guide (YAML) holding the rules of `termbases` (read `Termbase`s): `terms:` for
    concepts, `rules:` for pattern swaps and bans."""
    terms: list[dict[str, Any]] = []
    rules: dict[str, Any] = {}
    for termbase in termbases:
        source = slug(Path(termbase.path).stem)
        for entry in termbase_entries(termbase, default_lang):
            if entry.kind == "term":
                terms.append({"id": f"{source}.{entry.key}", **entry.data})
            else:
                rules[f"{name}.{source}.{entry.key}"] = {"extends": entry.kind, **entry.data}
    sources = ", ".join(Path(t.path).name for t in termbases)
    data: dict[str, Any] = {"name": name, "lang": default_lang, "terms": terms}
    if rules:
        data["rules"] = rules
    header = (
        f"# Written by `brandlint terms import` from {sources}; edit the termbases, not this.\n"
    )
    return header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
