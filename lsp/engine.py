"""The engine side of the server: the calls into brandlint's API under the user's settings.

An `Engine` lives in the lint worker's process (see `worker`), never in the server's: it is
built there and its methods are called by name through a pipe. What they take and return
crosses that boundary, so it is plain data (settings, alerts, problems): a `GuideError` is
turned into its problems here. Nothing here knows LSP.

Each open document keeps a `BlockCache` between its versions, so an edit re-lints the
blocks it changed (`brandlint.incremental`); `warm` builds the guide, the language pipeline
and the phrase index before the first document arrives.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

from brandlint.core.alerts import Alert
from brandlint.core.errors import GuideError, Problem
from brandlint.guide.loader import GUIDE_NAMES, load_guide
from brandlint.guide.vale_ini import ValeProject, is_vale_config
from brandlint.incremental import BlockCache
from brandlint.workspace import Settings, Workspace


@dataclass(frozen=True)
class GuideState:
    """The guide a document is linted with and what is wrong with it: its warnings, or,
    when it could not be loaded at all (`failed`), its errors."""

    path: str
    problems: tuple[Problem, ...]
    failed: bool = False


# documents whose blocks are kept between edits: those the user switches between
OPEN_DOCUMENTS = 16
# copy long enough for every rule to load what it loads on first use (readability scores
# sections of 40 words and more, and loads its syllable data for the first)
WARM_UP = """\
# Getting started

Welcome to your new store. Add your products, set your prices and choose how customers
pay. Orders from your web shop, your pop-up shop and your app arrive in one list, so your
team always knows what to pack next. When you are ready, invite your staff, connect your
card reader and take your first payment. It takes about ten minutes! 🎉

- Questions? Our support team answers every message within one working day.
"""


class Engine:
    """One `Workspace` with the editor's settings, and what is kept of each document."""

    def __init__(self, settings: Settings) -> None:
        self.workspace = Workspace(settings)
        self._caches: OrderedDict[str, BlockCache] = OrderedDict()

    @classmethod
    def prepared(cls, folder: str) -> Engine:
        """An engine under the default settings, warmed on `folder`: what the server starts
        before the editor has said anything (`worker.start_engine`). spaCy, the language
        pipelines and the rules' data stay loaded when the editor's settings come."""
        engine = cls(Settings())
        engine.warm(folder)
        return engine

    def configure(self, settings: Settings) -> None:
        """New settings: guides load again under them; the language pipelines stay."""
        self.workspace = Workspace(settings, self.workspace.pipelines)
        self._caches.clear()

    def warm(self, folder: str) -> None:
        """Load the guide of `folder` and lint a line with it, so that the first document
        opened there is linted as fast as any later edit. A guide that does not load says
        so when a document is linted with it."""
        path = str(Path(folder) / "untitled.md")
        try:
            self.workspace.lint_text(WARM_UP, path, "markdown")
        except GuideError:
            return

    def lint(
        self, path: str, source: str, format: str
    ) -> tuple[tuple[Alert, ...] | None, GuideState]:
        """Lint an editor buffer as the document at `path`; no alerts when its guide
        cannot be loaded."""
        workspace = self.workspace
        guide_path = str(workspace.guide_path_for(path).resolve())
        try:
            # the guide's `formats:` reads a file as its glob says, in the editor too
            format = workspace.guide_format(path) or format
            alerts = self._cache(path).lint_text(workspace, source, path, format)
        except GuideError as exc:
            return None, GuideState(guide_path, tuple(exc.problems), failed=True)
        warnings = workspace.linter_for(path).guide.warnings
        return tuple(alerts), GuideState(guide_path, tuple(warnings))

    def check_guide(self, path: str, source: str) -> tuple[Problem, ...]:
        """What is wrong with a guide, or a Vale configuration, as its editor buffer reads
        now."""
        if Path(path).name not in GUIDE_NAMES and is_vale_config(path):
            project = ValeProject(Path(path), source)
            return (*project.errors(), *project.warnings)
        try:
            return tuple(load_guide(path, text=source).warnings)
        except GuideError as exc:
            return tuple(exc.problems)

    def reload_guides(self) -> list[tuple[Problem, ...]]:
        """Load the guides in use again; a broken one keeps its last good version. The
        problems of each guide that broke."""
        self._caches.clear()
        return [tuple(failure.problems) for failure in self.workspace.reload_guides()]

    def _cache(self, path: str) -> BlockCache:
        """The blocks kept of the document at `path`; the least recently linted document
        is forgotten beyond `OPEN_DOCUMENTS`."""
        cache = self._caches.pop(path, None) or BlockCache()
        self._caches[path] = cache
        while len(self._caches) > OPEN_DOCUMENTS:
            self._caches.popitem(last=False)
        return cache
