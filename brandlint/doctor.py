"""`brandlint doctor`: is this install and this project ready to lint, and if not, what to do.

A newcomer's first run, or a CI job that behaves differently from a laptop, raises one
question: what does brandlint see here? Each check answers one part of it (the Python and
libraries installed, the guide in force and what it loads, the Vale project, the folders
it writes to, the limits set) with ok, warn or fail and, unless it is ok, what to change.
Checks never lint and never write outside a temporary file in the cache folder.
"""

from __future__ import annotations

import importlib
import os
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from brandlint.core.errors import GuideError, UsageError
from brandlint.core.limits import Limits
from brandlint.workspace import Settings, Workspace, discover_config

OK, WARN, FAIL = "ok", "warn", "fail"
# libraries brandlint imports only when it needs them: an install missing one works until
# the first file that needs it, so the doctor imports each now
_LIBRARIES = (
    ("spacy", "tokenizing"),
    ("spacy_lookups_data", "lemmas, so a term matches its inflections"),
    ("textstat", "readability"),
    ("spylls", "spelling rules"),
    ("regex", "rule patterns"),
    ("PIL", "image sizes"),
    ("yaml", "guides"),
)


@dataclass(frozen=True)
class Check:
    """One finding: its status, what was checked, what was seen, and what to do."""

    status: str
    name: str
    detail: str
    action: str = ""

    def line(self) -> str:
        todo = f"; {self.action}" if self.action else ""
        return f"{self.status:<4}  {self.name}: {self.detail}{todo}"


def diagnose(folder: Path, settings: Settings, cache: Path) -> Iterator[Check]:
    """Every check, in the order a user would fix them: install, then project."""
    yield _python()
    yield from _libraries()
    yield _limits()
    yield from _guide(folder, settings)
    yield _cache(cache)


def _python() -> Check:
    version = ".".join(str(part) for part in sys.version_info[:3])
    return Check(OK, "python", f"{version} at {sys.executable}")


def _libraries() -> Iterator[Check]:
    for module, needed_for in _LIBRARIES:
        try:
            imported = importlib.import_module(module)
        except ImportError as exc:
            yield Check(
                FAIL,
                module,
                f"cannot be imported ({exc}); needed for {needed_for}",
                "reinstall brandlint: pip install --force-reinstall brandlint",
            )
            continue
        version = getattr(imported, "__version__", "")
        if isinstance(version, tuple):  # textstat's
            version = ".".join(str(part) for part in version)
        yield Check(OK, module, f"{version or 'installed'} ({needed_for})")


def _limits() -> Check:
    try:
        limits = Limits.from_environment()
    except UsageError as exc:
        return Check(FAIL, "limits", str(exc).split("; ")[0], str(exc).split("; ", 1)[-1])
    return Check(
        OK,
        "limits",
        f"documents up to {limits.document_bytes:,} bytes, YAML files up to "
        f"{limits.yaml_bytes:,} bytes, images up to {limits.image_pixels:,} pixels",
    )


def _guide(folder: Path, settings: Settings) -> Iterator[Check]:
    workspace = Workspace(settings)
    anchor = folder / "x"
    found = workspace.guide_path_for(anchor)
    if settings.guide or settings.vale_config or discover_config(folder):
        yield Check(OK, "guide", f"{found} (in force for {folder})")
    else:
        yield Check(
            WARN,
            "guide",
            f"none found in {folder} or above: the bundled default guide applies",
            "run 'brandlint init' to write your own",
        )
    try:
        linter = workspace.linter_for(anchor)
    except GuideError as exc:
        for problem in exc.problems:
            status = FAIL if problem.severity == "error" else WARN
            yield Check(status, "guide", str(problem), "fix the line it names")
        return
    guide = linter.guide
    detail = f"loads {len(linter.rules)} rules"
    if guide.skipped:
        detail += f" ({len(guide.skipped)} more cannot run here; 'brandlint rules' says why)"
    yield Check(OK, "guide", detail)
    for problem in guide.warnings:
        yield Check(WARN, "guide", str(problem), "change the line it names")
    yield from _language(workspace, guide.lang, guide.pipelines.get(guide.lang, ""))
    if guide.format_globs:
        mapped = ", ".join(f"{glob} → {kind}" for glob, kind in guide.format_globs)
        yield Check(OK, "formats", mapped)
    else:
        yield Check(OK, "formats", "none mapped: each file's format comes from its extension")
    project = workspace.vale_project_for(anchor)
    if project is not None:
        yield Check(OK, "vale", f"Vale configuration {found} in force")


def _language(workspace: Workspace, lang: str, trained: str) -> Iterator[Check]:
    """The guide's language: its pipeline builds, and a spelling dictionary is found."""
    from brandlint.spelling import installed_for, search_folders

    pipeline = workspace.pipelines.get(lang, trained)
    kind = "trained" if pipeline.trained else "blank"
    if pipeline.problem:
        yield Check(WARN, "language", f"{lang}: {pipeline.problem}", "install the pipeline named")
    else:
        yield Check(OK, "language", f"{lang}: spaCy {kind} pipeline ready")
    if installed_for(lang, search_folders()) is None:
        yield Check(
            WARN,
            "dictionary",
            f"no Hunspell dictionary for {lang}: spelling rules cannot run",
            f"install one (Debian: apt-get install hunspell-{lang}), or set DICPATH",
        )
    else:
        yield Check(OK, "dictionary", f"Hunspell dictionary for {lang} found")


def _cache(cache: Path) -> Check:
    """Whether `brandlint audit` can keep results in its cache folder."""
    probe = cache if cache.is_dir() else cache.parent
    try:
        probe.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=probe, prefix=".brandlint-doctor-"):
            pass
    except OSError as exc:
        return Check(
            WARN,
            "cache",
            f"{cache} is not writable ({exc.strerror or exc})",
            "run audits with --cache DIR naming a writable folder, or --no-cache",
        )
    state = "exists" if cache.is_dir() else "will be created"
    return Check(OK, "cache", f"{os.path.abspath(cache)} {state} and is writable")
