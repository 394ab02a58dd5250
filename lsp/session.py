"""The server's side of the engine: the user's settings, the limits, and the lint thread.

Every engine call goes through one lint thread, one at a time, so a guide reload never
races a lint; the thread hands each call to the lint worker, a child process (`worker`),
and waits for it at most `lint_timeout` seconds, so the event loop and pygls's reader are
never held up by a rule. Nothing here knows LSP: the handlers in `server` turn what comes
back into diagnostics, actions and hovers.

A document that is not checked says why, in a `Notice` the server shows as one diagnostic
at its start: it is over `max_document_size`, its lint overran `lint_timeout`, the engine
failed on it, or, in Vale drop-in mode, no Vale configuration applies to it.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from brandlint.core.alerts import Alert, Level
from brandlint.core.errors import Problem
from brandlint.core.settings import Settings
from brandlint.document.code import CODE_FORMATS
from brandlint.document.formats import BINARY_FORMATS
from brandlint.document.reader import format_of
from brandlint.guide.names import GUIDE_NAMES
from brandlint.guide.vale_names import VALE_CONFIG_NAMES, is_vale_config

from .linting import GuideState, Linting
from .settings import Options, engine_settings, level, number, positive, size
from .worker import Failed, Overran, Worker

log = logging.getLogger(__name__)

LANGUAGE_FORMATS = {
    "markdown": "markdown",
    "html": "html",
    "plaintext": "text",
    "css": "css",
    "svg": "svg",
    # an untitled buffer of source code, reStructuredText or a PO file (editors' ids)
    **{language: language for language in CODE_FORMATS},
    "javascriptreact": "javascript",
    "typescriptreact": "tsx",
    "shellscript": "shell",
    "less": "scss",
    "proto3": "proto",
    "restructuredtext": "rst",
    "po": "po",
}
MAX_DOCUMENT_SIZE = 1024 * 1024  # bytes of UTF-8
LINT_TIMEOUT = 30.0  # seconds
TOO_LARGE, LINT_TIMED_OUT, LINT_FAILED, NOT_CONFIGURED = (
    "brandlint.too-large",
    "brandlint.lint-timeout",
    "brandlint.lint-failed",
    "brandlint.no-configuration",
)

__all__ = ["GuideState", "Linted", "Notice", "Session"]

# the worker's engine, named so that only the worker imports it (and the linter, the
# rules, spaCy with them)
ENGINE = "brandlint.lsp.engine:Engine"


def document_format(path: str | None, language_id: str | None) -> str | None:
    """The format of an open document, from its name, else the editor's language id; None
    for files that are not copy (a `config.yaml` is neither a guide nor a copy deck)."""
    found = format_of(path or "") or LANGUAGE_FORMATS.get(language_id or "")
    return None if found in BINARY_FORMATS else found  # a Word file is no editor buffer


# a Vale project's vocabulary lists (config/vocabularies/NAME/accept.txt, reject.txt)
VOCABULARY_FILES = ("accept.txt", "reject.txt")


# what the client is asked to watch: every file `changes_guides` names
WATCHED = (
    f"**/{{{','.join((*GUIDE_NAMES, *VALE_CONFIG_NAMES))}}}",
    "**/*.yml",
    "**/*.ini",
    f"**/{{{','.join(VOCABULARY_FILES)}}}",
)


def is_guide(path: str | None) -> bool:
    """A brandlint guide or a Vale configuration, by its name: checked, not linted."""
    return path is not None and Path(path).name in (*GUIDE_NAMES, *VALE_CONFIG_NAMES)


def changes_guides(path: str) -> bool:
    """Saving this file can change a guide in force: a guide, a rule file, a Vale
    configuration (any `.ini` may be one, named by `valeConfig`) or a vocabulary list."""
    return (
        is_guide(path)
        or path.endswith(".yml")
        or is_vale_config(path)
        or Path(path).name in VOCABULARY_FILES
    )


@dataclass(frozen=True)
class Notice:
    """Why a document was not checked: one diagnostic at its start."""

    code: str
    message: str


@dataclass(frozen=True)
class Linted:
    """The alerts of one version of a document, those at or above the minimum level."""

    version: int | None
    source: str
    format: str
    alerts: tuple[Alert, ...]
    notice: Notice | None = None


class Session:
    """The editor's settings, and the thread and worker the engine's work runs on."""

    def __init__(self) -> None:
        self.settings = Settings()
        self.min_level = Level.SUGGESTION
        self.debounce = 0.0  # an edit re-lints only its blocks: no need to wait
        self.max_document_size = MAX_DOCUMENT_SIZE
        self.lint_timeout = LINT_TIMEOUT
        self._thread = ThreadPoolExecutor(1, thread_name_prefix="brandlint-lint")
        self._worker = Worker(ENGINE, self.settings)
        self._warming: str | None = None  # the folder the worker warms up on already
        self.closed = False

    def configure(self, options: Mapping[str, Any] | None) -> list[str]:
        """Settings from `initializationOptions` or the `brandlint` configuration section;
        guides load again under them. A setting of the wrong type or out of range is
        ignored (the others apply): what was wrong with each comes back, to be logged."""
        read = Options(options)
        self.settings = engine_settings(read, self.settings)
        self.min_level = read.value(
            "minLevel", level, self.min_level, "suggestion, warning or error"
        )
        self.debounce = read.value("debounce", number, self.debounce, "seconds")
        self.max_document_size = read.value(
            "maxDocumentSize", size, self.max_document_size, "a number of bytes"
        )
        self.lint_timeout = read.value("lintTimeout", positive, self.lint_timeout, "seconds")
        self._worker.configure(self.settings)
        return read.wrong

    def linted_under(self) -> tuple[object, ...]:
        """The settings a document's result depends on: when they are the same, a result
        still stands."""
        return (self.settings, self.min_level, self.max_document_size)

    def edit_guide(self, path: str, text: str | None) -> bool:
        """Lint with the guide at `path` (resolved) as `text`: an edit the editor applied
        and has not saved; None when the file holds it again (saved, or the edit thrown
        away). Whether that changed anything."""
        texts = dict(self.settings.guide_texts)
        if texts.get(path) == text:
            return False
        if text is None:
            del texts[path]
        else:
            texts[path] = text
        self.settings = replace(self.settings, guide_texts=tuple(sorted(texts.items())))
        self._worker.configure(self.settings)
        return True

    def edited_guide(self, path: str) -> str | None:
        """The text of the guide at `path` as edited and not yet saved, if it is."""
        return dict(self.settings.guide_texts).get(path)

    def adopt(self, worker: Worker, warming: str | None = None) -> None:
        """Run the engine in `worker`, started before the server (`start_engine`) and
        warming up on the folder `warming`, instead of one started at the first call."""
        worker.adopt(ENGINE, self.settings)
        self._worker = worker
        self._warming = warming

    def close(self) -> None:
        """End the worker for good (the server is stopping): from now on nothing is
        linted, and nothing is said about it."""
        self.closed = True
        self._worker.close()

    async def lint(
        self, path: str, version: int | None, source: str, format: str
    ) -> tuple[Linted | None, GuideState | None]:
        """Lint an editor buffer as the document at `path`: no result when its guide
        cannot be loaded, and a notice instead of alerts when it could not be checked."""
        if self.closed:
            return None, None
        if _too_large(source, self.max_document_size):
            return self._notice(version, source, format, TOO_LARGE, _too_large_message(self))
        timeout = self.lint_timeout
        try:
            linting: Linting = await self._run("lint", path, source, format)
        except Overran:
            log.warning("brandlint stopped checking %s after %g s", path, timeout)
            message = (
                f"brandlint stopped checking this document after {timeout:g} s "
                "(a rule took too long on it; the setting lintTimeout is the limit)"
            )
            return self._notice(version, source, format, LINT_TIMED_OUT, message)
        except Failed as exc:
            if self.closed:
                return None, None
            log.error("brandlint could not check %s: %s", path, exc)
            message = "brandlint could not check this document: it failed (see the log)"
            return self._notice(version, source, format, LINT_FAILED, message)
        if linting.refused:
            return self._notice(version, source, format, NOT_CONFIGURED, linting.refused)
        if linting.alerts is None:
            return None, linting.guide
        shown = tuple(a for a in linting.alerts if a.level >= self.min_level)
        return Linted(version, source, format, shown), linting.guide

    async def warm(self, folder: str) -> None:
        """Start the worker and have it load the guide of `folder` with its pipeline and
        the rules' data while the editor is still opening (and no call waits), so that the
        first diagnostics come about as fast as later ones. Nothing to ask when the worker
        warms up on `folder` already: a call now would only come between it and the first
        document's lint."""
        if self.closed or folder == self._warming:
            return
        try:
            await self._run("warm", folder)
        except (Overran, Failed) as exc:
            log.warning("brandlint could not prepare the guide of %s: %s", folder, exc)

    async def check_guide(self, path: str, source: str) -> tuple[Problem, ...]:
        """What is wrong with a guide as its editor buffer reads now."""
        if self.closed:
            return ()
        try:
            problems: tuple[Problem, ...] = await self._run("check_guide", path, source)
        except (Overran, Failed) as exc:
            log.error("brandlint could not check the guide %s: %s", path, exc)
            return ()
        return problems

    async def reload_guides(self) -> list[tuple[Problem, ...]]:
        """Load the guides in use again; a broken one keeps its last good version. The
        problems of each guide that broke."""
        if self.closed:
            return []
        try:
            failures: list[tuple[Problem, ...]] = await self._run("reload_guides")
        except (Overran, Failed) as exc:
            log.error("brandlint could not reload the guides: %s", exc)
            return []
        return failures

    async def _run(self, method: str, *args: Any) -> Any:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(
            self._thread, self._worker.call, self.lint_timeout, method, *args
        )

    @staticmethod
    def _notice(
        version: int | None, source: str, format: str, code: str, message: str
    ) -> tuple[Linted, None]:
        return Linted(version, source, format, (), Notice(code, message)), None


def _too_large(source: str, limit: int) -> bool:
    # A character is at least one byte: only a text that might fit is encoded to measure.
    return len(source) > limit or len(source.encode("utf-8", "surrogatepass")) > limit


def _too_large_message(session: Session) -> str:
    return (
        f"brandlint does not check documents over {session.max_document_size:,} bytes "
        "(the setting maxDocumentSize is the limit)"
    )
