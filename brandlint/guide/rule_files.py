"""Rule files: one YAML file per rule, in Vale's format, so existing Vale styles load.

A style is a folder of `.yml` files; each rule's id is `Style.FileStem` as in Vale (built-in
packs are prefixed `brandlint.`). A key or kind brandlint does not run yet is a warning
naming the file and key — the rule is never silently half-applied.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from brandlint.checks.registry import COMMON_KEYS, KINDS, NOT_YET
from brandlint.core.alerts import Level
from brandlint.core.errors import Problem
from brandlint.core.located_yaml import LocatedYaml, YamlSyntaxError, load_located_yaml
from brandlint.core.spec import RuleSpec
from brandlint.guide.validate import did_you_mean

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
    try:
        doc = load_located_yaml(path.read_text(encoding="utf-8-sig"), str(path))
    except YamlSyntaxError as exc:
        problems.append(exc.problem)
        return None
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(Problem(str(path), 1, 1, f"cannot read rule file: {exc}"))
        return None
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
    return spec_from_mapping(doc, (), data, rule_id, KINDS[kind].kind, problems, str(path))


def spec_from_mapping(
    doc: LocatedYaml,
    at: tuple[str | int, ...],
    data: dict[str, Any],
    rule_id: str,
    kind: str,
    problems: list[Problem],
    origin: str,
    *,
    warn_unknown: bool = True,
) -> RuleSpec | None:
    """Common keys into RuleSpec fields, the kind's own keys into `options`."""
    rule_class = KINDS[kind]
    known = COMMON_KEYS | rule_class.keys
    options: dict[str, Any] = {}
    for key, value in data.items():
        if key in rule_class.keys or key == "per_channel":
            options[key] = value
        elif key not in COMMON_KEYS and warn_unknown:
            problems.append(
                doc.problem(
                    (*at, key),
                    f"key '{key}' is not supported by "
                    f"{kind} rules{did_you_mean(key, known)}; it is ignored",
                    key=True,
                    severity="warning",
                )
            )
    try:
        level = Level.parse(str(data.get("level", "warning")))
    except ValueError as exc:
        problems.append(doc.problem((*at, "level"), str(exc)))
        return None
    examples = data.get("examples") or {}
    return RuleSpec(
        id=str(data.get("id") or rule_id),
        kind=kind,
        level=level,
        message=str(data.get("message", "") or ""),
        options=options,
        scope=as_tuple(data.get("scope")),
        link=str(data.get("link", "") or ""),
        reason=str(data.get("reason", "") or data.get("description", "") or ""),
        langs=as_tuple(data.get("lang")),
        channels=as_tuple(data.get("channels")),
        paths=as_tuple(data.get("paths")),
        types=as_tuple(data.get("types")),
        flag_examples=as_tuple(examples.get("flag")) if isinstance(examples, dict) else (),
        pass_examples=as_tuple(examples.get("pass")) if isinstance(examples, dict) else (),
        origin=origin,
        located=doc,
        at=at,
    )
