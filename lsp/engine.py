"""The engine side of the server: the calls into brandlint's API under the user's settings.

An `Engine` lives in the lint worker's process (see `worker`), never in the server's: it is
built there and its methods are called by name through a pipe. What they take and return
crosses that boundary, so it is plain data (settings, alerts, problems): a `GuideError` is
turned into its problems here. Nothing here knows LSP.
"""

from __future__ import annotations

from dataclasses import dataclass

from brandlint.core.alerts import Alert
from brandlint.core.errors import GuideError, Problem
from brandlint.guide.loader import load_guide
from brandlint.workspace import Settings, Workspace


@dataclass(frozen=True)
class GuideState:
    """The guide a document is linted with and what is wrong with it: its warnings, or,
    when it could not be loaded at all (`failed`), its errors."""

    path: str
    problems: tuple[Problem, ...]
    failed: bool = False


class Engine:
    """One `Workspace` with the editor's settings."""

    def __init__(self, settings: Settings) -> None:
        self.workspace = Workspace(settings)

    def configure(self, settings: Settings) -> None:
        """New settings: guides load again under them; the language pipelines stay."""
        self.workspace = Workspace(settings, self.workspace.pipelines)

    def lint(
        self, path: str, source: str, format: str
    ) -> tuple[tuple[Alert, ...] | None, GuideState]:
        """Lint an editor buffer as the document at `path`; no alerts when its guide
        cannot be loaded."""
        workspace = self.workspace
        guide_path = str(workspace.guide_path_for(path).resolve())
        try:
            # the guide's `formats:` reads a file as its glob says, in the editor too
            alerts = workspace.lint_text(source, path, workspace.guide_format(path) or format)
        except GuideError as exc:
            return None, GuideState(guide_path, tuple(exc.problems), failed=True)
        warnings = workspace.linter_for(path).guide.warnings
        return tuple(alerts), GuideState(guide_path, tuple(warnings))

    def check_guide(self, path: str, source: str) -> tuple[Problem, ...]:
        """What is wrong with a guide as its editor buffer reads now."""
        try:
            return tuple(load_guide(path, text=source).warnings)
        except GuideError as exc:
            return tuple(exc.problems)

    def reload_guides(self) -> list[tuple[Problem, ...]]:
        """Load the guides in use again; a broken one keeps its last good version. The
        problems of each guide that broke."""
        return [tuple(failure.problems) for failure in self.workspace.reload_guides()]
