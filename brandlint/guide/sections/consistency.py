"""`consistency:` — each group of spellings becomes one `consistency` rule."""

from __future__ import annotations

from brandlint.core.spec import RuleSpec
from brandlint.guide.sections import GuideFile, slug


def read_consistency(source: GuideFile) -> list[RuleSpec]:
    specs = []
    for index, entry in enumerate(source.data.get("consistency") or []):
        group = entry if isinstance(entry, dict) else {"either": entry}
        variants = [str(v) for v in group.get("either") or []]
        if len(variants) < 2:
            continue  # reported by the schema
        rule_id = str(group.get("id") or f"{source.name}.consistency.{slug(variants[0])}")
        data = {k: v for k, v in group.items() if k != "either"}
        data["groups"] = [variants]
        data.setdefault("ignorecase", True)
        spec = source.rule(("consistency", index), data, rule_id, "consistency")
        if spec is not None:
            specs.append(spec)
    return specs
