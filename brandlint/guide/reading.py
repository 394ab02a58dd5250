"""Reading a guide from its files, when the compiled-guide cache cannot give it.

Load order is the order of `extends`, then the guide's own terms, consistency groups and
assets (each read by its section's reader in `guide/sections/`); a later rule with the same
id replaces an earlier one. Per-rule settings (`rules:`) apply last. Every problem found is
collected, so a user fixes a broken guide in one round; then every rule is compiled once.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from brandlint.checks.registry import KINDS
from brandlint.core.errors import GuideError, Problem
from brandlint.core.located import LocatedYaml, YamlSyntaxError
from brandlint.core.located_yaml import load_located_yaml
from brandlint.core.options import did_you_mean
from brandlint.core.rule import Rule
from brandlint.core.spec import RuleSpec
from brandlint.guide.coherence import check_coherence
from brandlint.guide.loader import project_root
from brandlint.guide.model import Guide
from brandlint.guide.rule_files import load_style, style_folders
from brandlint.guide.sections import GuideFile, Where
from brandlint.guide.sections.assets import read_assets
from brandlint.guide.sections.consistency import read_consistency
from brandlint.guide.sections.locales import read_locales
from brandlint.guide.sections.overrides import apply_rules
from brandlint.guide.sections.settings import read_settings
from brandlint.guide.sections.terms import read_terms
from brandlint.guide.sections.voice import read_voice
from brandlint.guide.termbases import read_termbases
from brandlint.guide.vale_ini import ValeProject
from brandlint.guide.vale_names import is_vale_config
from brandlint.guide.validate import validate_guide
from brandlint.packs import PREFIX, default_guide_path, pack_names, packs_root


def read_guide(path: Path, overlay: dict[Path, str] | None = None) -> Guide:
    """The guide at `path` (`overlay`: texts that stand in for files); raises `GuideError`
    with every error found, warnings after them."""
    loader = _Loader(overlay)
    guide = loader.load(path)
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


OUTSIDE_KEY = "allow_outside_project"


class _Loader:
    def __init__(self, overlay: dict[Path, str] | None = None) -> None:
        self.overlay = overlay or {}
        self.problems: list[Problem] = []
        self._loading: list[Path] = []
        # where `extends:` may point; None: anywhere (the top guide opted in, or the
        # bundled default, whose packs are no user files)
        self.root: Path | None = None

    def load(self, path: Path) -> Guide:
        self.root = project_root(path)
        rules, doc = self._guide_rules(path)
        data: dict[str, Any] = doc.data if doc and isinstance(doc.data, dict) else {}
        settings = read_settings(data, path)
        compiled, skipped = self.compile(rules, settings["pipelines"])
        locales = {}
        if doc is not None:
            source = GuideFile(doc, self.problems)
            locales = read_locales(source, rules, compiled, skipped, settings["pipelines"])
        return Guide(
            **settings,
            path=str(path),
            root=str(path.resolve().parent),
            rules=tuple(rules),
            warnings=tuple(p for p in _unique(self.problems) if p.severity != "error"),
            compiled=tuple(compiled),
            skipped=tuple(skipped),
            locales=locales,
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
        wrong = validate_guide(doc)
        self.problems.extend(wrong)
        # a section of the wrong type (a list where a mapping belongs) cannot be read by its
        # section's reader; the rule files it extends still are, so that their problems are
        # reported in the same round
        readable = not any(problem.severity == "error" for problem in wrong)
        if not self._loading and doc.data.get(OUTSIDE_KEY) is True:
            self.root = None  # the top guide trusts paths outside the project
        self._loading.append(resolved)
        try:
            by_id: dict[str, RuleSpec] = {}
            extends = doc.data.get("extends")
            for index, item in enumerate(extends if isinstance(extends, list) else []):
                for spec in self._extend(doc, index, str(item), path.parent):
                    by_id[spec.id] = spec
            if not readable:
                return list(by_id.values()), None
            source = GuideFile(doc, self.problems)
            readers = [read_terms, read_termbases, read_consistency, read_assets, read_voice]
            if not self._termbases_inside(doc):
                readers.remove(read_termbases)
            for read in readers:
                for spec in read(source):
                    by_id[spec.id] = spec
            return apply_rules(source, list(by_id.values())), doc
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
        if self._outside(doc, at, item, target):
            return []
        if target.is_file() and is_vale_config(target):
            return self._extend_vale(target, doc.path)
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

    def _outside(self, doc: LocatedYaml, at: Where, item: str, target: Path) -> bool:
        """Whether `target` (named `item` at `at`) is outside the project, reported as an
        error. Checked before the file is opened: an error must never show what a file
        outside holds (`extends: /etc/passwd` in a stranger's pull request)."""
        if self.root is None or target.is_relative_to(self.root):
            return False
        self.problems.append(
            doc.problem(
                at,
                f"'{item}' is outside this project ({self.root}); brandlint reads no files "
                f"outside it unless the top guide says '{OUTSIDE_KEY}: true'",
            )
        )
        return True

    def _termbases_inside(self, doc: LocatedYaml) -> bool:
        """Whether every termbase the guide lists is inside the project (each one outside
        is reported; then no termbase is read)."""
        entries = doc.data.get("termbases")
        inside = True
        for index, item in enumerate(entries if isinstance(entries, list) else []):
            named = item.get("path") if isinstance(item, dict) else item
            if isinstance(named, str) and named:
                at: Where = (
                    ("termbases", index, "path") if isinstance(item, dict) else ("termbases", index)
                )
                target = (Path(doc.path).parent / named).resolve()
                inside = not self._outside(doc, at, named, target) and inside
        return inside

    def _extend_vale(self, ini: Path, guide: str) -> list[RuleSpec]:
        """A Vale project's rules, each limited by `paths` to the files its sections give
        it (an approximation of Vale's per-file merge; see docs/vale.md)."""
        project = ValeProject(ini)
        specs = [] if project.errors() else project.extends_specs(Path(guide).resolve().parent)
        self.problems.extend(project.problems)
        return specs

    def compile(
        self, specs: list[RuleSpec], pipelines: Mapping[str, str] | None = None
    ) -> tuple[list[Rule], list[tuple[str, str]]]:
        """Compile each rule once, here, so a wrong value or a bad regex surfaces at load
        with its position, and the compiled rule is the one that lints. Rules that cannot
        fire are kept apart with the reason (`brandlint rules` lists them)."""
        compiled: list[Rule] = []
        skipped: list[tuple[str, str]] = []
        for spec in specs:
            rule = KINDS[spec.kind](spec, self.problems)
            rule.guide_pipelines(pipelines or {})
            if rule.skipped:
                skipped.append((spec.id, rule.skipped))
            else:
                compiled.append(rule)
        check_coherence(compiled, self.problems)
        return compiled, skipped
