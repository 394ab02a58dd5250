"""Finding and loading a brand guide: `brandlint.yaml`, its packs, terms and overrides.

Load order is the order of `extends`, then the guide's own terms and consistency groups;
a later rule with the same id replaces an earlier one. Per-rule settings (`rules:`) apply
last. Every problem found is collected, so a user fixes a broken guide in one round.
"""

from __future__ import annotations

import fnmatch
import re
from pathlib import Path
from typing import Any

from brandlint.checks.registry import KINDS
from brandlint.core.alerts import Level
from brandlint.core.errors import GuideError, Problem
from brandlint.core.located_yaml import LocatedYaml, YamlSyntaxError, load_located_yaml
from brandlint.core.spec import RuleSpec
from brandlint.guide.model import Guide
from brandlint.guide.option_types import option_problems, type_errors
from brandlint.guide.rule_files import as_tuple, load_style, spec_from_mapping, style_folders
from brandlint.guide.validate import did_you_mean, validate_guide
from brandlint.nlp.pipelines import normalize_lang
from brandlint.packs import PREFIX, default_guide_path, pack_names, packs_root

GUIDE_NAMES = ("brandlint.yaml", ".brandlint.yaml", "brandlint.yml", ".brandlint.yml")
_SPEC_FIELDS = {
    "message": "message",
    "scope": "scope",
    "link": "link",
    "reason": "reason",
    "lang": "langs",
    "channels": "channels",
    "paths": "paths",
    "types": "types",
}
_TUPLE_FIELDS = {"scope", "lang", "channels", "paths", "types"}
_PALETTE_REASON = (
    "Colours come from the brand palette. A colour within `near` (CIEDE2000) of a palette "
    "colour is a slip and snaps to it; anything further is a different colour."
)
_CONTRAST_REASON = (
    "Text must stay readable on its background: WCAG 2.2 AA asks for 4.5:1, 3:1 for large text."
)
_FONTS_REASON = "Type is set in the brand's families, each where the guide allows it."
_TERM_SETTINGS = (
    "id",
    "level",
    "message",
    "reason",
    "link",
    "lang",
    "channels",
    "scope",
    "examples",
)


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
    errors = sorted(
        (p for p in loader.problems if p.severity == "error"),
        key=lambda p: (p.path, p.line, p.column),
    )
    if errors:
        raise GuideError(errors + [p for p in loader.problems if p.severity != "error"])
    return guide


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
        self._validate_rules(rules)
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
            warnings=tuple(p for p in self.problems if p.severity != "error"),
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
            settings = {k: entry[k] for k in _TERM_SETTINGS if k in entry} | {"id": rule_id}
            options = {k: v for k, v in entry.items() if k not in _TERM_SETTINGS}
            spec = spec_from_mapping(
                doc,
                at,
                settings | options,
                rule_id,
                "term",
                self.problems,
                doc.path,
                warn_unknown=False,
            )
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
            spec = spec_from_mapping(
                doc, at, data, rule_id, "consistency", self.problems, doc.path, warn_unknown=False
            )
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
            spec = spec_from_mapping(
                doc, at, data, rule_id, kind, self.problems, doc.path, warn_unknown=False
            )
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
        from dataclasses import replace

        if not isinstance(setting, dict):
            return replace(spec, level=Level.parse(str(setting)))
        allowed = KINDS[spec.kind].keys | {"per_channel"}
        fields: dict[str, Any] = {}
        options = dict(spec.options)
        # values set here are checked here, so an error points at this guide, not the pack
        wrong = {path[0] for path, _ in self._type_errors(doc, at, spec.id, setting)}
        for key, value in setting.items():
            if key in wrong:
                continue
            if key == "level":
                fields["level"] = Level.parse(str(value))
            elif key in _SPEC_FIELDS:
                fields[_SPEC_FIELDS[key]] = as_tuple(value) if key in _TUPLE_FIELDS else str(value)
            elif key == "per_channel" and isinstance(value, dict):
                merged = dict(options.get("per_channel") or {})
                for channel, values in value.items():
                    if not isinstance(values, dict):
                        self.problems.append(
                            doc.problem(
                                (*at, key, channel), f"settings for {channel} are a mapping"
                            )
                        )
                        continue
                    found = self._type_errors(doc, (*at, key, channel), spec.id, values)
                    bad = {path[0] for path, _ in found}
                    kept = {k: v for k, v in values.items() if k not in bad}
                    merged[channel] = {**merged.get(channel, {}), **kept}
                options["per_channel"] = merged
            elif key in allowed:
                options[key] = value
            else:
                self.problems.append(
                    doc.problem(
                        (*at, key),
                        f"{spec.id} ({spec.kind}) has no setting '{key}'"
                        f"{did_you_mean(key, allowed | set(_SPEC_FIELDS) | {'level'})}",
                        key=True,
                    )
                )
        return replace(spec, options=options, **fields)

    def _type_errors(
        self, doc: LocatedYaml, at: tuple[str | int, ...], rule: str, values: dict[str, Any]
    ) -> list[tuple[tuple[str, ...], str]]:
        """Type errors of option values written in `doc` at `at`, reported there."""
        found = list(type_errors(rule, values))
        for path, message in found:
            self.problems.append(doc.problem((*at, *path), message))
        return found

    def _validate_rules(self, specs: list[RuleSpec]) -> None:
        """Type-check each rule's options, then compile it once, so a wrong value or a bad
        regex surfaces at load, with its position, not as a rule failing at lint time."""
        for spec in specs:
            wrong = option_problems(spec)
            self.problems.extend(wrong)
            if not wrong:
                KINDS[spec.kind](spec, self.problems)
