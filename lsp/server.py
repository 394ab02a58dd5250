"""The language server: `brandlint lsp` or `python -m brandlint.lsp` (stdio, or `--tcp HOST:PORT`).

Each LSP message has a small handler, registered on `server` below: it reads the message,
asks the engine through the `Session` (whose work runs on one lint thread, never on the
event loop) and turns what comes back into LSP types (`diagnostics`, `actions`,
`positions`). No linting happens here.

Diagnostics are pushed (`textDocument/publishDiagnostics`) unless the client declares pull
diagnostics, in which case it asks (`textDocument/diagnostic`, `workspace/diagnostic`).
Rapid changes are debounced, and a result for an older version of a document than the one
open now is dropped. Problems of the guides in force (a rule file's unsupported key, a
guide that does not load) are pushed as diagnostics on the guide and rule files.

Broken input is answered or logged, never fatal: the input is framed by `framing` (size
limits, garbage, wrong lengths, bodies that are not JSON), params that do not fit their
method are answered with InvalidParams by `protocol`, and a document that is too large,
whose lint overran its time limit or failed gets one diagnostic saying so (`session`).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import socket
import sys
from pathlib import Path
from typing import Any, BinaryIO, cast
from urllib.parse import unquote

from lsprotocol import types
from pygls.exceptions import FeatureRequestError
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path
from pygls.workspace import TextDocument

from brandlint import __version__

from .actions import FIX_ALL, code_actions, hover
from .diagnostics import alert_diagnostic, notice_diagnostic, problem_diagnostic
from .framing import MAX_MESSAGE, FramedInput, MessageOutput
from .guide_problems import GuideProblems, resolved
from .positions import source_lines
from .protocol import BrandlintProtocol
from .session import Linted, Session, changes_guides, document_format, is_guide


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
        self.guide_problems = GuideProblems()
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
        """The result for the document as it is now, linting again if it changed since."""
        result = self.results.get(uri)
        document = self.open_document(uri)
        if document is None:
            return None
        if result is not None and result.version == document.version:
            return result
        return await self.lint(uri)

    def diagnostics(self, result: Linted) -> list[types.Diagnostic]:
        lines = source_lines(result.source)
        codec = self.workspace.position_codec
        shown = [alert_diagnostic(a, lines, codec) for a in result.alerts]
        if result.notice is not None:
            shown.insert(0, notice_diagnostic(result.notice))
        return shown

    async def lint_and_publish(self, uri: str, delay: float) -> None:
        if delay:
            await asyncio.sleep(delay)
        result = await self.lint(uri)
        if result is None or self.pull:
            return
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(
                uri=uri, version=result.version, diagnostics=self.diagnostics(result)
            )
        )

    def schedule(self, uri: str, delay: float) -> None:
        """Lint a document after `delay`, instead of any run still waiting for it."""
        previous = self.pending.pop(uri, None)
        if previous is not None:
            previous.cancel()
        self.pending[uri] = asyncio.get_running_loop().create_task(
            self.lint_and_publish(uri, delay)
        )

    def relint_all(self) -> None:
        for uri in list(self.workspace.text_documents):
            self.schedule(uri, 0)
        if self.pull:
            self.workspace_diagnostic_refresh(None)

    def forget(self, uri: str) -> None:
        """A document was closed."""
        self.results.pop(uri, None)
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


@server.feature(types.INITIALIZED)
async def initialized(ls: BrandlintServer, params: types.InitializedParams) -> None:
    if not ls.logging_to_client:
        logging.getLogger("brandlint").addHandler(_ToClient(ls, asyncio.get_running_loop()))
        ls.logging_to_client = True
    workspace = ls.client_capabilities.workspace
    if workspace and workspace.configuration:
        answer = await ls.workspace_configuration_async(
            types.ConfigurationParams(items=[types.ConfigurationItem(section="brandlint")])
        )
        settings = answer[0] if isinstance(answer, list | tuple) and answer else None
        if isinstance(settings, dict) and settings:
            ls.configure(settings)
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
        await ls.reload_guides()
    else:
        ls.schedule(params.text_document.uri, 0)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: BrandlintServer, params: types.DidCloseTextDocumentParams) -> None:
    ls.forget(params.text_document.uri)
    ls.publish_guide_problems()


@server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
async def did_change_watched_files(
    ls: BrandlintServer, params: types.DidChangeWatchedFilesParams
) -> None:
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
    result = await ls.lint(uri)
    return types.RelatedFullDocumentDiagnosticReport(items=ls.diagnostics(result) if result else [])


@server.feature(types.WORKSPACE_DIAGNOSTIC)
async def workspace_diagnostic(
    ls: BrandlintServer, params: types.WorkspaceDiagnosticParams
) -> types.WorkspaceDiagnosticReport:
    reports: list[types.WorkspaceDocumentDiagnosticReport] = []
    for uri in list(ls.workspace.text_documents):
        result = await ls.lint(uri)
        if result is not None:
            reports.append(
                types.WorkspaceFullDocumentDiagnosticReport(
                    uri=uri, version=result.version, items=ls.diagnostics(result)
                )
            )
    return types.WorkspaceDiagnosticReport(items=reports)


# -- code actions and hovers -----------------------------------------------------------------
@server.feature(
    types.TEXT_DOCUMENT_CODE_ACTION,
    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL]),
)
async def code_action(
    ls: BrandlintServer, params: types.CodeActionParams
) -> list[types.CodeAction]:
    uri = params.text_document.uri
    result = await ls.current(uri)
    if result is None:
        return []
    lines = source_lines(result.source)
    return code_actions(
        uri, result, params.range, params.context.only, lines, ls.workspace.position_codec
    )


@server.feature(types.TEXT_DOCUMENT_HOVER)
async def text_document_hover(ls: BrandlintServer, params: types.HoverParams) -> types.Hover | None:
    result = await ls.current(params.text_document.uri)
    if result is None:
        return None
    lines = source_lines(result.source)
    return hover(result, params.position, lines, ls.workspace.position_codec)


def serve(reader: BinaryIO, writer: BinaryIO) -> None:
    """Serve one client over a pair of byte streams, until it exits or the input ends."""
    output = MessageOutput(writer)
    server.input = FramedInput(reader, output)
    server.configure(None)  # the input's limits from the settings
    # pygls reads its input with `readline` and `read` only, which FramedInput provides.
    try:
        server.start_io(cast(BinaryIO, server.input), cast(BinaryIO, output))
    finally:
        server.session.close()  # the input ended: no lint may hold up the exit


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="brandlint lsp")
    parser.add_argument("--tcp", metavar="HOST:PORT", help="listen on TCP instead of stdio")
    args = parser.parse_args(argv)
    if args.tcp:
        host, _, port = args.tcp.rpartition(":")
        with socket.create_server((host or "127.0.0.1", int(port))) as listener:
            connection, _ = listener.accept()  # one client, as an editor starts it
        with connection, connection.makefile("rb") as reader, connection.makefile("wb") as writer:
            serve(reader, writer)
    else:
        serve(sys.stdin.buffer, sys.stdout.buffer)
    return 0
