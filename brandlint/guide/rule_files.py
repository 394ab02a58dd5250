"""Rule files: one YAML file per rule, in Vale's format, so existing Vale styles load.

A style is a folder of `.yml` files; each rule's id is `Style.FileStem` as in Vale (built-in
packs are prefixed `brandlint.`). A key or kind brandlint does not run yet is a warning
naming the file and key — the rule is never silently half-applied.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from brandlint.core.alerts import Level
from brandlint.core.errors import Problem
from brandlint.core.located import LocatedYaml, YamlSyntaxError
from brandlint.core.located_yaml import load_located_yaml
from brandlint.core.options import coerce_values, did_you_mean
from brandlint.core.spec import RuleSettings, RuleSpec

RULE_SUFFIX = ".yml"  # as in Vale; `.yaml` files beside them are guides or other config


def as_tuple(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    return tuple(str(v) for v in value) if isinstance(value, list) else (str(value),)


def style_folders(folder: Path) -> list[Path]:
    """A style folder itself, or a Vale StylesPath holding several style folders."""
    if any(p.suffix == RULE_SUFFIX for p in folder.iterdir() if p.is_file()):
        return [folder]
    return sorted(
        p
        for p in folder.iterdir()
        if p.is_dir() and any(f.suffix == RULE_SUFFIX for f in p.iterdir())
    )


def load_style(folder: Path, prefix: str = "") -> tuple[list[RuleSpec], list[Problem]]:
    specs: list[RuleSpec] = []
    problems: list[Problem] = []
    for path in sorted(folder.iterdir()):
        if path.suffix == RULE_SUFFIX and path.is_file():
            spec = load_rule_file(path, f"{prefix}{folder.name}.{path.stem}", problems)
            if spec is not None:
                specs.append(spec)
    return specs, problems


def load_rule_file(path: Path, rule_id: str, problems: list[Problem]) -> RuleSpec | None:
    # every rule kind: imported when a rule file is read, not when a cached guide is used
    from brandlint.checks.registry import KINDS, NOT_YET

    try:
        doc = load_located_yaml(path.read_text(encoding="utf-8-sig"), str(path), lenient=True)
    except YamlSyntaxError as exc:
        problems.append(exc.problem)
        return None
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(Problem(str(path), 1, 1, f"cannot read rule file: {exc}"))
        return None
    problems.extend(doc.notes)
    data = doc.data
    if not isinstance(data, dict):
        problems.append(
            doc.problem(
                (), "a rule file is a mapping with at least 'extends', 'message' and 'level'"
            )
        )
        return None
    kind = str(data.get("extends", ""))
    if not kind:
        problems.append(
            doc.problem(
                (), "rule file needs 'extends: KIND' (existence, substitution, occurrence, …)"
            )
        )
        return None
    if kind in NOT_YET:
        problems.append(
            doc.problem(
                ("extends",),
                f"rule kind '{kind}' is not supported yet; rule {rule_id} is skipped",
                severity="warning",
            )
        )
        return None
    if kind not in KINDS:
        problems.append(
            doc.problem(("extends",), f"unknown rule kind '{kind}'{did_you_mean(kind, set(KINDS))}")
        )
        return None
    return spec_from_mapping(
        doc, (), data, rule_id, KINDS[kind].kind, problems, str(path), strict=False
    )


def spec_from_mapping(
    doc: LocatedYaml,
    at: tuple[str | int, ...],
    data: dict[str, Any],
    rule_id: str,
    kind: str,
    problems: list[Problem],
    origin: str,
    *,
    strict: bool = True,
) -> RuleSpec | None:
    """The settings every rule takes into RuleSpec fields; everything else is the kind's
    own options, checked against the kind's declaration when the rule is compiled (so an
    unknown key is caught there, with the kind's own did-you-mean)."""
    declared = RuleSettings.declared()
    common = {k: v for k, v in data.items() if k in declared and k != "per_channel"}
    options = {k: v for k, v in data.items() if k not in declared or k == "per_channel"}

    def report(where: tuple[str | int, ...], message: str, key: bool = False) -> None:
        problems.append(doc.problem((*at, *where), message, key=key))

    values = coerce_values(RuleSettings, common, report, rule=rule_id, kind=kind)
    if "level" in common and "level" not in values:
        return None  # reported: a rule with a wrong level would alert at the wrong one
    for name in values.get("examples") or {}:
        if name not in ("flag", "pass"):
            report(("examples", name), f"{rule_id}: examples are 'flag' and 'pass', not '{name}'")
    return RuleSpec(
        **{"id": rule_id, "level": Level.WARNING, **spec_fields(values)},
        kind=kind,
        options=options,
        origin=origin,
        strict=strict,
        located=doc,
        at=at,
    )


def spec_fields(values: dict[str, Any]) -> dict[str, Any]:
    """RuleSpec fields from checked common settings (only those present, so an override
    under `rules:` changes just what it names)."""
    names = {"lang": "langs"}
    out: dict[str, Any] = {}
    for key, value in values.items():
        if key in ("extends", "examples", "per_channel", "description"):
            continue
        out[names.get(key, key)] = Level.parse(value) if key == "level" else value
    if "description" in values and "reason" not in values:
        out["reason"] = values["description"]
    examples = values.get("examples")
    if examples is not None:
        out["flag_examples"] = examples.get("flag", ())
        out["pass_examples"] = examples.get("pass", ())
    return out
