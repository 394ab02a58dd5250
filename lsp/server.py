"""The language server: `brandlint lsp` or `python -m brandlint.lsp` (stdio, or `--tcp HOST:PORT`),
started by `start`.

Each LSP message has a small handler, registered on `server` below: it reads the message,
asks the engine through the `Session` (whose work runs on one lint thread, never on the
event loop) and turns what comes back into LSP types (`diagnostics`, `actions`,
`positions`). No linting happens here.

Diagnostics are pushed (`textDocument/publishDiagnostics`) unless the client declares pull
diagnostics, in which case it asks (`textDocument/diagnostic`, `workspace/diagnostic`).
Each version of a document is linted once, whether pushed or pulled (a pull carries a
`resultId`, and gets an `unchanged` report when nothing changed since the client's);
changes are linted as they come (the engine re-lints only the blocks they touched, so no
debounce is needed; the `debounce` setting adds one), a version overtaken by a newer one
before its turn is skipped, and its result, were it to come late, dropped. The lint worker
starts before this module's imports (`start`), on the folder and settings of the
`initialize` waiting on stdin (it warms up between calls: a document waiting is linted
first), and `initialize` asks for a warm-up only of a folder it did not guess, so the first
diagnostics wait for spaCy once, not behind the server's start.
Diagnostics are kept converted between edits (`diagnostics.Converted`) and pushed as JSON.

Problems of the guides in force (a rule file's unsupported key, a guide that does not
load) are pushed as diagnostics on the guide and rule files.

Broken input is answered or logged, never fatal: the input is framed by `framing` (size
limits, garbage, wrong lengths, bodies that are not JSON), params that do not fit their
method are answered with InvalidParams by `protocol`, and a document that is too large,
whose lint overran its time limit or failed gets one diagnostic saying so (`session`).
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
import socket
import sys
from pathlib import Path
from typing import Any, BinaryIO, cast
from urllib.parse import unquote

from lsprotocol import types
from pygls.exceptions import FeatureRequestError, JsonRpcInvalidParams
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path
from pygls.workspace import TextDocument

from brandlint import __version__
from brandlint.core.errors import UsageError

from .actions import (
    EDIT_GUIDE,
    FIX_ALL,
    GUIDE_EDIT,
    GuideChange,
    GuideFile,
    code_actions,
    hover,
    whole_guide_edit,
)
from .diagnostics import Converted, Shown, notice_diagnostic, problem_diagnostic
from .framing import MAX_MESSAGE, FramedInput, MessageOutput
from .guide_problems import GuideProblems, resolved
from .positions import source_lines
from .protocol import BrandlintProtocol
from .session import WATCHED, Linted, Session, changes_guides, document_format, is_guide
from .worker import Worker


class BrandlintServer(LanguageServer):
    """A pygls server with the state the handlers share."""

    def __init__(self) -> None:
        super().__init__("brandlint", __version__, protocol_cls=BrandlintProtocol)
        self.session = Session()
        self.input: FramedInput | None = None  # set when serving: its limits follow settings
        self.logging_to_client = False
        self.pull = False  # the client asks for diagnostics instead of being sent them
        self.results: dict[str, Linted] = {}  # the newest result of each open document
        self.pending: dict[str, asyncio.Task[None]] = {}
        # the lint of each document's version under way: one lint per version
        self.linting: dict[str, tuple[int | None, asyncio.Task[Linted | None]]] = {}
        self.result_ids: dict[str, tuple[Linted, str]] = {}  # the last resultId given
        self._converted: dict[str, Converted] = {}  # each open document's diagnostics
        self._result_numbers = itertools.count(1)
        self.guide_problems = GuideProblems()
        self.warming: asyncio.Task[None] | None = None  # held so that it is not collected
        self._problems_shown: dict[str, list[types.Diagnostic]] = {}

    # -- linting ------------------------------------------------------------------
    def open_document(self, uri: str) -> TextDocument | None:
        """The document open in the editor at `uri` (pygls keys them unquoted)."""
        return self.workspace.text_documents.get(unquote(uri))

    def configure(self, options: Any) -> None:
        """Apply settings from the client; log those that are wrong."""
        for problem in self.session.configure(options if isinstance(options, dict) else None):
            self.log(types.MessageType.Warning, f"brandlint: {problem}")
        if self.input is not None:  # a document over the limit must still arrive, to say so
            self.input.max_message = max(MAX_MESSAGE, 8 * self.session.max_document_size)

    async def lint(self, uri: str) -> Linted | None:
        """Lint an open document as it is now (a guide file: check it instead)."""
        document = self.open_document(uri)
        if document is None:
            return None  # not open: nothing the editor shows
        path, version = document.path, document.version
        if path and is_guide(path):
            problems = await self.session.check_guide(path, document.source)
            if self.open_document(uri) is not None:
                self.guide_problems.edit(path, problems)
                self.publish_guide_problems()
            return None
        format = document_format(path, document.language_id)
        if format is None:
            return None
        result, guide = await self.session.lint(
            path or str(Path.cwd() / "untitled.md"), version, document.source, format
        )
        current = self.open_document(uri)
        if current is None:
            return None  # closed while we linted
        if guide is not None and self.guide_problems.use(uri, guide):
            self.tell(
                types.MessageType.Error,
                f"brandlint: the guide {guide.path} has errors; the documents that use it "
                "are not checked until they are fixed",
            )
        self.publish_guide_problems()
        if result is None or current.version != version:
            return None  # the document moved on while we linted: a newer run will report
        self.results[uri] = result
        return result

    async def current(self, uri: str) -> Linted | None:
        """The result for the document as it is now: kept, under way, or linted now. A lint
        of an older version under way is cancelled (if it has not started, it never runs)."""
        document = self.open_document(uri)
        if document is None:
            return None
        version = document.version
        result = self.results.get(uri)
        if result is not None and result.version == version:
            return result
        running = self.linting.get(uri)
        if running is None or running[0] != version or running[1].done():
            if running is not None:
                running[1].cancel()
            running = (version, asyncio.get_running_loop().create_task(self.lint(uri)))
            self.linting[uri] = running
        task = running[1]
        try:
            return await asyncio.shield(task)  # a cancelled push leaves it to a pull
        except asyncio.CancelledError:
            this = asyncio.current_task()
            if task.cancelled() and not (this and this.cancelling()):
                return await self.current(uri)  # a newer version overtook it: its result
            raise
        finally:
            if self.linting.get(uri) is running and task.done():
                del self.linting[uri]

    def result_id(self, uri: str, result: Linted) -> str:
        """The `resultId` of a pulled result: the same as last time while its diagnostics
        are the same, so the client is told `unchanged`."""
        given = self.result_ids.get(uri)
        if given is not None and _same_diagnostics(given[0], result):
            return given[1]
        number = f"{next(self._result_numbers)}"
        self.result_ids[uri] = (result, number)
        return number

    def diagnostics(self, uri: str, result: Linted) -> list[types.Diagnostic]:
        """The result's alerts as diagnostics (those that stand as they stood are kept
        from the last time: see `Converted`)."""
        shown = [s.diagnostic for s in self._shown(uri, result)]
        if result.notice is not None:
            shown.insert(0, notice_diagnostic(result.notice))
        return shown

    def _shown(self, uri: str, result: Linted) -> list[Shown]:
        converted = self._converted.get(uri)
        if converted is None or converted.codec is not self.workspace.position_codec:
            protocol = cast(BrandlintProtocol, self.protocol)
            converted = Converted(self.workspace.position_codec, protocol.to_json)
            self._converted[uri] = converted
        return converted.shown(result.alerts, source_lines(result.source))

    async def lint_and_publish(self, uri: str, delay: float) -> None:
        if delay:
            await asyncio.sleep(delay)
        result = await self.current(uri)
        if result is None or self.pull:
            return
        protocol = cast(BrandlintProtocol, self.protocol)
        shown = [s.json for s in self._shown(uri, result)]
        if result.notice is not None:
            shown.insert(0, protocol.to_json(notice_diagnostic(result.notice)))
        protocol.notify_json(
            types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS,
            {"uri": uri, "version": result.version, "diagnostics": shown},
        )

    def schedule(self, uri: str, delay: float) -> None:
        """Lint a document after `delay`, instead of any run still waiting for it."""
        previous = self.pending.pop(uri, None)
        if previous is not None:
            previous.cancel()
        self.pending[uri] = asyncio.get_running_loop().create_task(
            self.lint_and_publish(uri, delay)
        )

    def invalidate(self, uri: str) -> None:
        """The document's result no longer holds (its guide or the settings changed)."""
        self.results.pop(uri, None)
        running = self.linting.pop(uri, None)
        if running is not None:
            running[1].cancel()

    def relint_all(self) -> None:
        for uri in list(self.workspace.text_documents):
            self.invalidate(uri)
            self.schedule(uri, 0)
        workspace = self.client_capabilities.workspace
        refresh = workspace and workspace.diagnostics and workspace.diagnostics.refresh_support
        if self.pull and refresh:
            self.workspace_diagnostic_refresh(None)

    def forget(self, uri: str) -> None:
        """A document was closed."""
        self.invalidate(uri)
        self.result_ids.pop(uri, None)
        self._converted.pop(uri, None)
        task = self.pending.pop(uri, None)
        if task is not None:
            task.cancel()
        self.guide_problems.forget(uri, to_fs_path(uri))
        if not self.pull and uri not in self._problems_shown:
            self.text_document_publish_diagnostics(
                types.PublishDiagnosticsParams(uri=uri, diagnostics=[])
            )

    # -- guides -----------------------------------------------------------------------
    async def reload_guides(self) -> None:
        failures = await self.session.reload_guides()
        self.guide_problems.reload_errors = tuple(p for f in failures for p in f)
        if failures:
            self.tell(
                types.MessageType.Warning,
                "brandlint: a guide has errors; documents keep its last good version",
            )
        self.publish_guide_problems()
        self.relint_all()

    def guide_file(self, uri: str) -> GuideFile | None:
        """The brandlint guide (YAML, not a Vale configuration) a document is linted with,
        for the guide actions."""
        # the engine's module, at the first code action: imported at the start, it took
        # 60 ms of CPU that the lint worker's start needs on a two-core machine
        from brandlint.workspace import discover_config

        path = to_fs_path(uri)
        found = self.session.settings.guide or (path and discover_config(Path(path).parent))
        if not found or Path(found).suffix not in (".yaml", ".yml"):
            return None
        return self.guide_at(Path(found).resolve().as_uri())

    def guide_at(self, uri: str) -> GuideFile | None:
        """The guide at `uri` as the editor has it: its buffer when open, else the edit
        applied and not yet saved, else the file."""
        path = to_fs_path(uri)
        if not path:
            return None
        document = self.open_document(uri)
        text = document.source if document else self.session.edited_guide(resolved(path))
        if text is None:
            try:
                text = Path(path).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                return None
        return GuideFile(uri, text)

    async def grow_guide(self, uri: str, change: GuideChange) -> None:
        """Apply a guide action: the editor edits the guide, and once it says it did, the
        open documents are linted with the guide as edited, saved or not."""
        guide = self.guide_at(uri)
        try:
            if guide is None:
                raise UsageError(f"cannot read the guide {to_fs_path(uri)}")
            text = change.apply(guide.text)
        except UsageError as exc:
            self.tell(types.MessageType.Error, f"brandlint: {change.title}: {exc}")
            return
        if text == guide.text:
            return
        codec = self.workspace.position_codec
        answer = await self.workspace_apply_edit_async(
            types.ApplyWorkspaceEditParams(
                edit=whole_guide_edit(guide, text, codec), label=change.title
            )
        )
        if not answer.applied:
            reason = f": {answer.failure_reason}" if answer.failure_reason else ""
            self.tell(
                types.MessageType.Warning,
                f"brandlint: the editor did not apply '{change.title}'{reason}",
            )
            return
        # an open guide's buffer is the truth, once its change has come (it may follow the
        # answer); until then it reads as before the edit
        document = self.open_document(uri)
        if document is not None and document.source != guide.text:
            text = document.source
        if self.session.edit_guide(resolved(to_fs_path(uri) or ""), text):
            self.relint_all()

    def guide_saved(self, path: str) -> bool:
        """The file at `path` holds its guide again (saved, changed on disk, or closed with
        its edit thrown away): lint with the file. Whether an edit was in force."""
        return self.session.edit_guide(resolved(path), None)

    def publish_guide_problems(self) -> None:
        """Push the guide and rule-file problems that changed, and clear those gone."""
        codec = self.workspace.position_codec
        open_uris = {
            resolved(document.path): uri
            for uri, document in self.workspace.text_documents.items()
            if document.path
        }
        wanted: dict[str, list[types.Diagnostic]] = {}
        for file, problems in self.guide_problems.by_file().items():
            uri = open_uris.get(file) or Path(file).as_uri()
            document = self.workspace.text_documents.get(uri)
            lines = document.lines if document else _lines(file)
            wanted[uri] = [problem_diagnostic(p, lines, codec) for p in problems]
        for uri in self._problems_shown.keys() | wanted.keys():
            diagnostics = wanted.get(uri, [])
            if self._problems_shown.get(uri, []) != diagnostics:
                self.text_document_publish_diagnostics(
                    types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics)
                )
        self._problems_shown = wanted

    def tell(self, kind: types.MessageType, message: str) -> None:
        """Show a message to the user, and keep it in the log."""
        self.window_show_message(types.ShowMessageParams(type=kind, message=message))
        self.log(kind, message)

    def log(self, kind: types.MessageType, message: str) -> None:
        self.window_log_message(types.LogMessageParams(type=kind, message=message))

    def report_server_error(self, error: Exception, source: Any) -> None:
        """An error outside a request (a notification handler that failed): logged, not
        shown in a pop-up; a request's error is in its response already."""
        if source is not FeatureRequestError:
            self.log(types.MessageType.Error, f"brandlint: internal error: {error!r}")


def _same_diagnostics(before: Linted, now: Linted) -> bool:
    """Whether two results show the same diagnostics (a pull's `unchanged`): the same
    alerts on lines that read the same (a client counts columns in its own units)."""
    return (before.alerts, before.notice) == (now.alerts, now.notice) and _alert_lines(
        before
    ) == _alert_lines(now)


def _alert_lines(result: Linted) -> list[str]:
    lines = source_lines(result.source)
    return ["".join(lines[a.span.line - 1 : a.span.end_line]) for a in result.alerts]


def _lines(path: str) -> list[str]:
    try:
        return Path(path).read_text(encoding="utf-8").splitlines(keepends=True)
    except (OSError, UnicodeDecodeError):
        return []


class _ToClient(logging.Handler):
    """brandlint's log records (a rule that failed, input refused, …) as window/logMessage.
    They may come from any thread (the input is read on one of pygls's)."""

    def __init__(self, server: BrandlintServer, loop: asyncio.AbstractEventLoop) -> None:
        super().__init__(logging.WARNING)
        self.server, self.loop = server, loop

    def emit(self, record: logging.LogRecord) -> None:
        error = record.levelno >= logging.ERROR
        kind = types.MessageType.Error if error else types.MessageType.Warning
        message = self.format(record)
        with contextlib.suppress(RuntimeError):  # the loop has closed: the server is stopping
            self.loop.call_soon_threadsafe(self.server.log, kind, message)


server = BrandlintServer()


# -- lifecycle and settings ---------------------------------------------------------------
@server.feature(types.INITIALIZE)
def initialize(ls: BrandlintServer, params: types.InitializeParams) -> None:
    text_document = params.capabilities.text_document
    ls.pull = bool(text_document and text_document.diagnostic)
    ls.configure(params.initialization_options)
    folders = [f.uri for f in params.workspace_folders or ()] or [params.root_uri or ""]
    folder = to_fs_path(folders[0]) if folders[0] else None
    # the guide, its pipeline and the worker get ready while the editor opens its files
    # (the worker started on that folder already, unless `start` could not read it)
    warm = ls.session.warm(folder or str(Path.cwd()))
    ls.warming = asyncio.get_running_loop().create_task(warm)


@server.feature(types.INITIALIZED)
async def initialized(ls: BrandlintServer, params: types.InitializedParams) -> None:
    if not ls.logging_to_client:
        logging.getLogger("brandlint").addHandler(_ToClient(ls, asyncio.get_running_loop()))
        ls.logging_to_client = True
    workspace = ls.client_capabilities.workspace
    watching = workspace and workspace.did_change_watched_files
    if watching and watching.dynamic_registration:
        # guides, rule files, .vale.ini and vocabularies change outside the editor too
        # (a `git pull`, a script): the client says so and the guides load again
        await ls.client_register_capability_async(
            types.RegistrationParams(
                registrations=[
                    types.Registration(
                        id="brandlint-guides",
                        method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                        register_options=types.DidChangeWatchedFilesRegistrationOptions(
                            watchers=[types.FileSystemWatcher(glob_pattern=g) for g in WATCHED]
                        ),
                    )
                ]
            )
        )
    if workspace and workspace.configuration:
        answer = await ls.workspace_configuration_async(
            types.ConfigurationParams(items=[types.ConfigurationItem(section="brandlint")])
        )
        settings = answer[0] if isinstance(answer, list | tuple) and answer else None
        if isinstance(settings, dict) and settings:
            linted_under = ls.session.linted_under()
            ls.configure(settings)
            # VS Code answers with the settings `initializationOptions` gave: then the
            # documents linted meanwhile stand as they are
            if ls.session.linted_under() != linted_under:
                ls.relint_all()


@server.feature(types.SHUTDOWN)
def shutdown(ls: BrandlintServer, params: None) -> None:
    ls.session.close()


@server.feature(types.EXIT)
def on_exit(ls: BrandlintServer, params: None) -> None:
    ls.session.close()  # also when the client exits without asking for a shutdown


@server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
def did_change_configuration(
    ls: BrandlintServer, params: types.DidChangeConfigurationParams
) -> None:
    settings = params.settings if isinstance(params.settings, dict) else {}
    ls.configure(settings.get("brandlint", settings))
    ls.guide_problems.reload_errors = ()  # the guides load afresh under the new settings
    ls.relint_all()


# -- documents ------------------------------------------------------------------------------
@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: BrandlintServer, params: types.DidOpenTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri, 0)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: BrandlintServer, params: types.DidChangeTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri, ls.session.debounce)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
async def did_save(ls: BrandlintServer, params: types.DidSaveTextDocumentParams) -> None:
    path = to_fs_path(params.text_document.uri)
    if path and changes_guides(path):
        ls.guide_saved(path)
        await ls.reload_guides()
    else:  # the guide may have changed on disk unseen: the saved text is linted afresh
        ls.invalidate(params.text_document.uri)
        ls.schedule(params.text_document.uri, 0)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: BrandlintServer, params: types.DidCloseTextDocumentParams) -> None:
    ls.forget(params.text_document.uri)
    ls.publish_guide_problems()
    path = to_fs_path(params.text_document.uri)
    if path and is_guide(path) and ls.guide_saved(path):
        ls.relint_all()  # closed unsaved: the guide action's edit is gone with its buffer


@server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
async def did_change_watched_files(
    ls: BrandlintServer, params: types.DidChangeWatchedFilesParams
) -> None:
    for change in params.changes:
        path = to_fs_path(change.uri)
        if path:
            ls.guide_saved(path)  # the file on disk is the guide again
    await ls.reload_guides()


# -- pull diagnostics ---------------------------------------------------------------------
@server.feature(
    types.TEXT_DOCUMENT_DIAGNOSTIC,
    types.DiagnosticOptions(
        identifier="brandlint", inter_file_dependencies=False, workspace_diagnostics=True
    ),
)
async def document_diagnostic(
    ls: BrandlintServer, params: types.DocumentDiagnosticParams
) -> types.DocumentDiagnosticReport:
    uri = params.text_document.uri
    result = await ls.current(uri)
    if result is None:
        return types.RelatedFullDocumentDiagnosticReport(items=[])
    result_id = ls.result_id(uri, result)
    if params.previous_result_id == result_id:
        return types.RelatedUnchangedDocumentDiagnosticReport(result_id=result_id)
    return types.RelatedFullDocumentDiagnosticReport(
        items=ls.diagnostics(uri, result), result_id=result_id
    )


@server.feature(types.WORKSPACE_DIAGNOSTIC)
async def workspace_diagnostic(
    ls: BrandlintServer, params: types.WorkspaceDiagnosticParams
) -> types.WorkspaceDiagnosticReport:
    previous = {p.uri: p.value for p in params.previous_result_ids}
    reports: list[types.WorkspaceDocumentDiagnosticReport] = []
    for uri in list(ls.workspace.text_documents):
        result = await ls.current(uri)
        if result is None:
            continue
        result_id = ls.result_id(uri, result)
        if previous.get(uri) == result_id:
            reports.append(
                types.WorkspaceUnchangedDocumentDiagnosticReport(
                    uri=uri, version=result.version, result_id=result_id
                )
            )
        else:
            reports.append(
                types.WorkspaceFullDocumentDiagnosticReport(
                    uri=uri,
                    version=result.version,
                    items=ls.diagnostics(uri, result),
                    result_id=result_id,
                )
            )
    return types.WorkspaceDiagnosticReport(items=reports)


# -- code actions and hovers -----------------------------------------------------------------
@server.feature(
    types.TEXT_DOCUMENT_CODE_ACTION,
    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL, GUIDE_EDIT]),
)
async def code_action(
    ls: BrandlintServer, params: types.CodeActionParams
) -> list[types.CodeAction]:
    uri = params.text_document.uri
    result = await ls.current(uri)
    if result is None:
        return []
    lines = source_lines(result.source)
    guide = ls.guide_file(uri)
    workspace = ls.client_capabilities.workspace
    return code_actions(
        uri,
        result,
        params.range,
        params.context.only,
        lines,
        ls.workspace.position_codec,
        guide,
        # a client that applies the server's edits gets guide actions that act at once
        command=bool(workspace and workspace.apply_edit),
    )


@server.command(EDIT_GUIDE)
async def edit_guide(ls: BrandlintServer, *arguments: Any) -> None:
    try:
        uri, change = GuideChange.from_arguments(arguments)
    except ValueError as exc:
        raise JsonRpcInvalidParams(str(exc)) from None
    await ls.grow_guide(uri, change)


@server.feature(types.TEXT_DOCUMENT_HOVER)
async def text_document_hover(ls: BrandlintServer, params: types.HoverParams) -> types.Hover | None:
    result = await ls.current(params.text_document.uri)
    if result is None:
        return None
    lines = source_lines(result.source)
    return hover(result, params.position, lines, ls.workspace.position_codec)


def serve(reader: BinaryIO, writer: BinaryIO, read: bytes = b"") -> None:
    """Serve one client over a pair of byte streams, until it exits or the input ends;
    `read`: what was already read from `reader` (`start`)."""
    output = MessageOutput(writer)
    server.input = FramedInput(reader, output, read=read)
    server.configure(None)  # the input's limits from the settings
    # pygls reads its input with `readline` and `read` only, which FramedInput provides.
    try:
        server.start_io(cast(BinaryIO, server.input), cast(BinaryIO, output))
    finally:
        server.session.close()  # the input ended: no lint may hold up the exit


def main(tcp: str | None, worker: Worker, read: bytes = b"", warming: str | None = None) -> int:
    """Serve one client on stdio, or on the TCP address `tcp` (HOST:PORT), with `worker`,
    the lint worker started before this module was imported (`start`) and warming up on
    the folder `warming`; `read`: what was already read from stdin."""
    server.session.adopt(worker, warming)
    if tcp:
        host, _, port = tcp.rpartition(":")
        with socket.create_server((host or "127.0.0.1", int(port))) as listener:
            connection, _ = listener.accept()  # one client, as an editor starts it
        with connection, connection.makefile("rb") as reader, connection.makefile("wb") as writer:
            serve(reader, writer)
    else:
        serve(sys.stdin.buffer, sys.stdout.buffer, read)
    return 0
