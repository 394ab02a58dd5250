"""`terms:` — each entry becomes one `term` rule, `NAME.terms.<term>`."""

from __future__ import annotations

from brandlint.core.spec import RuleSpec
from brandlint.guide.rule_files import as_tuple
from brandlint.guide.sections import GuideFile, slug


def read_terms(source: GuideFile) -> list[RuleSpec]:
    specs = []
    for index, entry in enumerate(source.data.get("terms") or []):
        if not isinstance(entry, dict):
            continue  # reported by the schema
        at = ("terms", index)
        if bool(entry.get("use")) == bool(entry.get("avoid")):
            source.report(
                at, "a term has either 'use' (with 'instead_of' or 'case: exact') or 'avoid'"
            )
            continue
        label = entry.get("use") or as_tuple(entry.get("avoid"))[0]
        given = str(entry.get("id", ""))
        prefix = f"{source.name}."
        rule_id = (
            given if given.startswith(prefix) else f"{prefix}terms.{given or slug(str(label))}"
        )
        spec = source.rule(at, {**entry, "id": rule_id}, rule_id, "term")
        if spec is not None:
            specs.append(spec)
    return specs
