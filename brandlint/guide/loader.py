"""Finding and loading a brand guide: `brandlint.yaml`, its packs, terms and overrides.

Load order is the order of `extends`, then the guide's own terms and consistency groups;
a later rule with the same id replaces an earlier one. Per-rule settings (`rules:`) apply
last. Every problem found is collected, so a user fixes a broken guide in one round.
"""

from __future__ import annotations

import fnmatch
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from brandlint.checks.registry import KINDS
from brandlint.core.alerts import Level
from brandlint.core.errors import GuideError, Problem
from brandlint.core.located_yaml import LocatedYaml, YamlSyntaxError, load_located_yaml
from brandlint.core.options import coerce_values, did_you_mean
from brandlint.core.rule import Rule
from brandlint.core.spec import RuleSettings, RuleSpec
from brandlint.guide.model import Guide
from brandlint.guide.rule_files import (
    as_tuple,
    load_style,
    spec_fields,
    spec_from_mapping,
    style_folders,
)
from brandlint.guide.validate import validate_guide
from brandlint.nlp.pipelines import normalize_lang
from brandlint.packs import PREFIX, default_guide_path, pack_names, packs_root

GUIDE_NAMES = ("brandlint.yaml", ".brandlint.yaml", "brandlint.yml", ".brandlint.yml")
_PALETTE_REASON = (
    "Colours come from the brand palette. A colour within `near` (CIEDE2000) of a palette "
    "colour is a slip and snaps to it; anything further is a different colour."
)
_CONTRAST_REASON = (
    "Text must stay readable on its background: WCAG 2.2 AA asks for 4.5:1, 3:1 for large text."
)
_FONTS_REASON = "Type is set in the brand's families, each where the guide allows it."


def discover_guide(start: Path) -> Path | None:
    """The nearest guide file in `start` (a file's folder) or any folder above it."""
    folder = start if start.is_dir() else start.parent
    for candidate in (folder.resolve(), *folder.resolve().parents):
        for name in GUIDE_NAMES:
            if (candidate / name).is_file():
                return candidate / name
    return None


def load_guide(
    path: str | Path | None = None, *, start: str | Path | None = None, text: str | None = None
) -> Guide:
    """Load the guide at `path`, else the nearest to `start`, else the bundled default.

    `text` stands in for the file's content (a guide being edited in an editor)."""
    if path is None:
        path = discover_guide(Path(start or ".")) or default_guide_path()
    loader = _Loader({Path(path).resolve(): text} if text is not None else {})
    guide = loader.load(Path(path))
    problems = _unique(loader.problems)
    errors = sorted(
        (p for p in problems if p.severity == "error"),
        key=lambda p: (p.path, p.line, p.column),
    )
    if errors:
        raise GuideError(errors + [p for p in problems if p.severity != "error"])
    return guide


def _unique(problems: list[Problem]) -> list[Problem]:
    """One problem per place: the schema and a kind's declaration may both catch one key."""
    seen: dict[tuple[str, int, int, str], Problem] = {}
    for problem in problems:
        seen.setdefault((problem.path, problem.line, problem.column, problem.severity), problem)
    return list(seen.values())


def _pipeline_name(value: str, guide: Path) -> str:
    """A package name as it is; a pipeline folder relative to the guide made absolute."""
    folder = guide.resolve().parent / value
    return str(folder) if folder.is_dir() else value


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "term"


class _Loader:
    def __init__(self, overlay: dict[Path, str] | None = None) -> None:
        self.overlay = overlay or {}
        self.problems: list[Problem] = []
        self._loading: list[Path] = []

    def load(self, path: Path) -> Guide:
        rules, doc = self._guide_rules(path)
        data: dict[str, Any] = doc.data if doc and isinstance(doc.data, dict) else {}
        compiled, skipped = self.compile(rules)
        return Guide(
            name=str(data.get("name", "guide")),
            path=str(path),
            root=str(path.resolve().parent),
            lang=str(data.get("lang", "en")),
            rules=tuple(rules),
            channel_globs=tuple((str(k), str(v)) for k, v in (data.get("channels") or {}).items()),
            lang_globs=tuple((str(k), str(v)) for k, v in (data.get("languages") or {}).items()),
            ignore=as_tuple(data.get("ignore")),
            pipelines={
                normalize_lang(str(k)) or str(k): _pipeline_name(str(v), path)
                for k, v in (data.get("pipelines") or {}).items()
            },
            warnings=tuple(p for p in _unique(self.problems) if p.severity != "error"),
            compiled=tuple(compiled),
            skipped=tuple(skipped),
        )

    def _read(self, path: Path) -> LocatedYaml | None:
        try:
            text = self.overlay.get(path.resolve()) or path.read_text(encoding="utf-8-sig")
        except FileNotFoundError:
            self.problems.append(
                Problem(
                    str(path),
                    1,
                    1,
                    "guide file not found; check the path, or run 'brandlint init' to create one",
                )
            )
            return None
        except (OSError, UnicodeDecodeError) as exc:
            self.problems.append(Problem(str(path), 1, 1, f"cannot read the guide: {exc}"))
            return None
        try:
            return load_located_yaml(text, str(path))
        except YamlSyntaxError as exc:
            self.problems.append(exc.problem)
            return None

    def _guide_rules(self, path: Path) -> tuple[list[RuleSpec], LocatedYaml | None]:
        resolved = path.resolve()
        if resolved in self._loading:
            self.problems.append(
                Problem(
                    str(path),
                    1,
                    1,
                    "this guide extends itself (a loop through 'extends'); remove one of the links",
                )
            )
            return [], None
        doc = self._read(path)
        if doc is None:
            return [], None
        if doc.data is None:
            doc = LocatedYaml(doc.path, {}, doc.positions, doc.key_positions)
        if not isinstance(doc.data, dict):
            self.problems.append(
                doc.problem((), "a guide is a mapping of settings (name, extends, terms, …)")
            )
            return [], None
        self.problems.extend(validate_guide(doc))
        self._loading.append(resolved)
        try:
            by_id: dict[str, RuleSpec] = {}
            for index, item in enumerate(doc.data.get("extends") or []):
                for spec in self._extend(doc, index, str(item), path.parent):
                    by_id[spec.id] = spec
            name = str(doc.data.get("name", "guide"))
            for spec in self._terms(doc, name) + self._groups(doc, name) + self._assets(doc, name):
                by_id[spec.id] = spec
            return self._override(doc, list(by_id.values())), doc
        finally:
            self._loading.pop()

    def _extend(self, doc: LocatedYaml, index: int, item: str, base: Path) -> list[RuleSpec]:
        at = ("extends", index)
        if item.startswith(PREFIX):
            name = item[len(PREFIX) :]
            if name == "default":
                return self._guide_rules(default_guide_path())[0]
            folder = packs_root() / name
            if not folder.is_dir():
                self.problems.append(
                    doc.problem(
                        at,
                        f"no built-in pack '{item}'"
                        f"{did_you_mean(name, pack_names())} (packs: "
                        f"{', '.join(pack_names())})",
                    )
                )
                return []
            specs, problems = load_style(folder, prefix="brandlint.")
            self.problems.extend(problems)
            return specs
        target = (base / item).resolve()
        if target.is_file():
            return self._guide_rules(target)[0]
        if not target.is_dir():
            self.problems.append(
                doc.problem(
                    at, f"'{item}' is not a folder of rule files or a guide (looked for {target})"
                )
            )
            return []
        specs = []
        for folder in style_folders(target):
            found, problems = load_style(folder)
            specs.extend(found)
            self.problems.extend(problems)
        if not specs:
            self.problems.append(
                doc.problem(at, f"'{item}' holds no rule files (*.yml)", severity="warning")
            )
        return specs

    def _terms(self, doc: LocatedYaml, name: str) -> list[RuleSpec]:
        specs = []
        for index, entry in enumerate(doc.data.get("terms") or []):
            if not isinstance(entry, dict):
                continue  # reported by the schema
            at = ("terms", index)
            if bool(entry.get("use")) == bool(entry.get("avoid")):
                self.problems.append(
                    doc.problem(
                        at,
                        "a term has either 'use' (with 'instead_of' or 'case: exact') or 'avoid'",
                    )
                )
                continue
            label = entry.get("use") or as_tuple(entry.get("avoid"))[0]
            given = str(entry.get("id", ""))
            rule_id = (
                given
                if given.startswith(f"{name}.")
                else f"{name}.terms.{given or slug(str(label))}"
            )
            data = {**entry, "id": rule_id}
            spec = spec_from_mapping(doc, at, data, rule_id, "term", self.problems, doc.path)
            if spec is not None:
                specs.append(spec)
        return specs

    def _groups(self, doc: LocatedYaml, name: str) -> list[RuleSpec]:
        specs = []
        for index, entry in enumerate(doc.data.get("consistency") or []):
            at = ("consistency", index)
            group = entry if isinstance(entry, dict) else {"either": entry}
            variants = [str(v) for v in group.get("either") or []]
            if len(variants) < 2:
                continue  # reported by the schema
            rule_id = str(group.get("id") or f"{name}.consistency.{slug(variants[0])}")
            data = {k: v for k, v in group.items() if k != "either"}
            data["groups"] = [variants]
            data.setdefault("ignorecase", True)
            spec = spec_from_mapping(doc, at, data, rule_id, "consistency", self.problems, doc.path)
            if spec is not None:
                specs.append(spec)
        return specs

    def _assets(self, doc: LocatedYaml, name: str) -> list[RuleSpec]:
        """`assets:` as rules: `NAME.palette`, `NAME.fonts`, `NAME.logos`, and one
        `NAME.images.PURPOSE` per image purpose; `rules:` can then tune them like any rule."""
        assets = doc.data.get("assets")
        if not isinstance(assets, dict):
            return []
        wanted: list[tuple[tuple[str | int, ...], str, str, dict[str, Any]]] = []
        if isinstance(assets.get("palette"), dict):
            data = {"palette": assets["palette"], "level": "warning", "reason": _PALETTE_REASON}
            if "near" in assets:
                data["near"] = assets["near"]
            wanted.append((("assets",), f"{name}.palette", "palette", data))
        contrast = assets.get("contrast")
        if contrast is not None:
            data = dict(contrast) if isinstance(contrast, dict) else {"min": contrast}
            data = {"level": "warning", "reason": _CONTRAST_REASON, **data}
            wanted.append((("assets", "contrast"), f"{name}.contrast", "contrast", data))
        if isinstance(assets.get("fonts"), dict):
            data = {"level": "error", "reason": _FONTS_REASON, **assets["fonts"]}
            wanted.append((("assets", "fonts"), f"{name}.fonts", "fonts", data))
        purposes: list[tuple[tuple[str | int, ...], str, str, Any]] = [
            (("assets", "logos"), f"{name}.logos", "logo", assets.get("logos"))
        ]
        for purpose, entry in (assets.get("images") or {}).items():
            purposes.append(
                (("assets", "images", purpose), f"{name}.images.{slug(purpose)}", purpose, entry)
            )
        for at, rule_id, purpose, entry in purposes:
            if isinstance(entry, dict):
                data = {
                    "level": "error" if purpose == "logo" else "warning",
                    "reason": f"The guide's specs for {purpose} images: format, size, width.",
                    **entry,
                }
                wanted.append((at, rule_id, "image_specs", {"purpose": purpose, **data}))
        specs = []
        for at, rule_id, kind, data in wanted:
            spec = spec_from_mapping(doc, at, data, rule_id, kind, self.problems, doc.path)
            if spec is not None:
                specs.append(spec)
        return specs

    def _override(self, doc: LocatedYaml, specs: list[RuleSpec]) -> list[RuleSpec]:
        """Apply `rules:`: off, a level, new option values, or a new rule (`extends: KIND`)."""
        for pattern, setting in (doc.data.get("rules") or {}).items():
            at = ("rules", pattern)
            if isinstance(setting, dict) and "extends" in setting:
                specs = [s for s in specs if s.id != pattern] + self._define(doc, at, pattern)
                continue
            matched = {s.id for s in specs if fnmatch.fnmatchcase(s.id, pattern)}
            if not matched:
                ids = {s.id for s in specs}
                self.problems.append(
                    doc.problem(
                        at,
                        f"no rule matches '{pattern}'{did_you_mean(pattern, ids)}",
                        key=True,
                        severity="warning",
                    )
                )
                continue
            if str(setting) == "off":
                specs = [s for s in specs if s.id not in matched]
            else:
                specs = [self._adjust(doc, at, s, setting) if s.id in matched else s for s in specs]
        return specs

    def _define(self, doc: LocatedYaml, at: tuple[str, ...], rule_id: str) -> list[RuleSpec]:
        data = doc.data["rules"][rule_id]
        kind = str(data.get("extends"))
        if kind not in KINDS:
            self.problems.append(
                doc.problem(
                    (*at, "extends"), f"unknown rule kind '{kind}'{did_you_mean(kind, set(KINDS))}"
                )
            )
            return []
        spec = spec_from_mapping(doc, at, data, rule_id, kind, self.problems, doc.path)
        return [spec] if spec else []

    def _adjust(
        self, doc: LocatedYaml, at: tuple[str, ...], spec: RuleSpec, setting: Any
    ) -> RuleSpec:
        """A `rules:` entry over a rule loaded elsewhere (a pack): its values are checked
        against the same declarations as the rule's own file, and reported in this guide."""
        if not isinstance(setting, dict):
            try:
                return replace(spec, level=Level.parse(str(setting)))
            except ValueError as exc:
                self.problems.append(doc.problem(at, str(exc)))
                return spec

        def report(where: tuple[str | int, ...], message: str, key: bool = False) -> None:
            self.problems.append(doc.problem((*at, *where), message, key=key))

        declared = RuleSettings.declared()
        common = {k: v for k, v in setting.items() if k in declared and k != "per_channel"}
        values = coerce_values(RuleSettings, common, report, rule=spec.id, kind=spec.kind)
        rule_class = KINDS[spec.kind]
        own = {k: v for k, v in setting.items() if k not in declared}
        good = coerce_values(rule_class.Options, own, report, rule=spec.id, kind=spec.kind)
        # raw values: the rule parses its options again when it is compiled
        options = {**spec.options, **{k: own[k] for k in good}}
        per_channel = setting.get("per_channel")
        if per_channel is not None:
            merged = dict(spec.options.get("per_channel") or {})
            if not isinstance(per_channel, dict):
                report(("per_channel",), f"{spec.id}: 'per_channel' maps channels to settings")
                per_channel = {}
            for channel, channel_values in per_channel.items():
                where = ("per_channel", channel)
                if not isinstance(channel_values, dict):
                    report(where, f"{spec.id}: settings for {channel} are a mapping")
                    continue
                kept = coerce_values(
                    rule_class.Options,
                    channel_values,
                    report,
                    rule=spec.id,
                    kind=spec.kind,
                    at=where,
                    only=lambda d: d.per_channel,
                )
                merged[channel] = {
                    **merged.get(channel, {}),
                    **{k: channel_values[k] for k in kept},
                }
            options["per_channel"] = merged
        return replace(spec, options=options, **spec_fields(values))

    def compile(self, specs: list[RuleSpec]) -> tuple[list[Rule], list[tuple[str, str]]]:
        """Compile each rule once, here, so a wrong value or a bad regex surfaces at load
        with its position, and the compiled rule is the one that lints. Rules that cannot
        fire are kept apart with the reason (`brandlint rules` lists them)."""
        compiled: list[Rule] = []
        skipped: list[tuple[str, str]] = []
        for spec in specs:
            rule = KINDS[spec.kind](spec, self.problems)
            if rule.skipped:
                skipped.append((spec.id, rule.skipped))
            else:
                compiled.append(rule)
        return compiled, skipped
