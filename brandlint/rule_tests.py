"""Running the examples rules carry: copy each rule must flag, and copy it must pass.

Rule files list examples under `examples: {flag: […], pass: […]}`, read as Markdown (so an
example can carry front matter fields or headings). Guide terms get theirs
from their own words: every wrong variant and banned word must be flagged, the preferred
term must pass. A rule with a typo in a pattern fails here before it fails a writer.
"""

from __future__ import annotations

from pathlib import Path

from brandlint.core.errors import GuideError, Problem
from brandlint.core.spec import RuleSpec
from brandlint.guide.model import Guide
from brandlint.guide.rule_files import load_style, style_folders
from brandlint.linter import Linter
from brandlint.workspace import Workspace


def examples_of(spec: RuleSpec) -> tuple[tuple[str, ...], tuple[str, ...]]:
    flag, passing = spec.flag_examples, spec.pass_examples
    if spec.kind != "term" or flag or passing:
        return flag, passing
    options = spec.options
    if options.get("preceded_by") or options.get("followed_by"):
        return (), ()
    words = options.get("instead_of") or options.get("avoid") or []
    flag = tuple(words if isinstance(words, list) else [words])
    use = options.get("use")
    return flag, ((str(use),) if use else ())


def run_rule_examples(workspace: Workspace, folder: str | None) -> tuple[list[str], int]:
    """(failure messages, number of examples run)."""
    if folder:
        specs, problems = _folder_specs(Path(folder))
        errors = [p for p in problems if p.severity == "error"]
        if errors:
            raise GuideError(errors)
        base = Guide(name="rules", path=None, root=str(Path(folder).resolve()))
    else:
        linter = workspace.linter_for(Path.cwd() / "x")
        specs, base = list(linter.guide.rules), linter.guide
    failures: list[str] = []
    total = 0
    for spec in specs:
        flag, passing = examples_of(spec)
        if not flag and not passing:
            continue
        linter = Linter(
            Guide(name=base.name, path=base.path, root=base.root, lang=base.lang, rules=(spec,)),
            workspace.pipelines,
        )
        lang = spec.langs[0] if spec.langs else base.lang
        channel = spec.channels[0] if spec.channels else None
        for text, should_flag in [(t, True) for t in flag] + [(t, False) for t in passing]:
            total += 1
            document = workspace.document(
                "example.md", text, format="markdown", lang=lang, channel=channel
            )
            alerts = [a for a in linter.lint(document) if a.rule == spec.id]
            if should_flag and not alerts:
                failures.append(f"FAIL {spec.id}: should flag: {text!r}")
            elif not should_flag and alerts:
                failures.append(f"FAIL {spec.id}: should pass: {text!r} (got: {alerts[0].message})")
    return failures, total


def _folder_specs(folder: Path) -> tuple[list[RuleSpec], list[Problem]]:
    specs: list[RuleSpec] = []
    problems: list[Problem] = []
    for style in style_folders(folder):
        found, style_problems = load_style(style)
        specs.extend(found)
        problems.extend(style_problems)
    return specs, problems
