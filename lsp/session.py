"""The engine side of the server: the user's settings and the calls into the engine.

Every engine call runs on one lint thread, never on the event loop, and one at a time, so a
guide reload never races a lint. Nothing here knows LSP: the handlers in `server` turn what
comes back into diagnostics, actions and hovers.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TypeVar

from brandlint.core.alerts import Alert, Level
from brandlint.core.errors import GuideError, Problem
from brandlint.document.reader import format_of
from brandlint.guide.loader import GUIDE_NAMES, load_guide
from brandlint.workspace import Workspace

T = TypeVar("T")

LANGUAGE_FORMATS = {
    "markdown": "markdown",
    "html": "html",
    "plaintext": "text",
    "css": "css",
    "svg": "svg",
}


def document_format(path: str | None, language_id: str | None) -> str | None:
    """The format of an open document, from its name, else the editor's language id; None
    for files that are not copy (a `config.yaml` is neither a guide nor a copy deck)."""
    return format_of(path or "") or LANGUAGE_FORMATS.get(language_id or "")


def is_guide(path: str | None) -> bool:
    return path is not None and Path(path).name in GUIDE_NAMES


def changes_guides(path: str) -> bool:
    """Saving this file can change a guide in force: a guide, or a rule file."""
    return is_guide(path) or path.endswith(".yml")


@dataclass(frozen=True)
class GuideState:
    """The guide a document is linted with and what is wrong with it: its warnings, or,
    when it could not be loaded at all (`failed`), its errors."""

    path: str
    problems: tuple[Problem, ...]
    failed: bool = False


@dataclass(frozen=True)
class Linted:
    """The alerts of one version of a document, those at or above the minimum level."""

    version: int | None
    source: str
    format: str
    alerts: tuple[Alert, ...]


class Session:
    """One `Workspace` with the editor's settings, and the thread its work runs on."""

    def __init__(self) -> None:
        self.workspace = Workspace()
        self.min_level = Level.SUGGESTION
        self.debounce = 0.02
        self._worker = ThreadPoolExecutor(1, thread_name_prefix="brandlint-lint")

    def configure(self, options: Mapping[str, Any] | None) -> None:
        """Settings from `initializationOptions` or the `brandlint` configuration section.
        Guides load again under the new settings."""
        options = options or {}
        settings = self.workspace.settings
        self.workspace = Workspace(
            replace(
                settings,
                guide=options.get("guide", settings.guide),
                lang=options.get("lang", settings.lang),
                channel=options.get("channel", settings.channel),
            ),
            self.workspace.pipelines,
        )
        if "minLevel" in options:
            self.min_level = Level.parse(str(options["minLevel"]))
        if "debounce" in options:
            self.debounce = float(options["debounce"])

    async def _run(self, work: Callable[..., T], *args: Any) -> T:
        return await asyncio.get_running_loop().run_in_executor(self._worker, work, *args)

    async def lint(
        self, path: str, version: int | None, source: str, format: str
    ) -> tuple[Linted | None, GuideState]:
        """Lint an editor buffer as the document at `path`; no result when its guide
        cannot be loaded."""
        return await self._run(_lint, self.workspace, self.min_level, path, version, source, format)

    async def check_guide(self, path: str, source: str) -> tuple[Problem, ...]:
        """What is wrong with a guide as its editor buffer reads now."""
        return await self._run(_guide_problems, path, source)

    async def reload_guides(self) -> list[GuideError]:
        """Load the guides in use again; a broken one keeps its last good version."""
        return await self._run(self.workspace.reload_guides)


def _lint(
    workspace: Workspace,
    min_level: Level,
    path: str,
    version: int | None,
    source: str,
    format: str,
) -> tuple[Linted | None, GuideState]:
    guide_path = str(workspace.guide_path_for(path).resolve())
    try:
        alerts = workspace.lint_text(source, path, format)
    except GuideError as exc:
        return None, GuideState(guide_path, tuple(exc.problems), failed=True)
    shown = tuple(a for a in alerts if a.level >= min_level)
    warnings = workspace.linter_for(path).guide.warnings
    return Linted(version, source, format, shown), GuideState(guide_path, warnings)


def _guide_problems(path: str, source: str) -> tuple[Problem, ...]:
    try:
        return load_guide(path, text=source).warnings
    except GuideError as exc:
        return tuple(exc.problems)
