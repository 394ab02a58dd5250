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
"""

from __future__ import annotations

import argparse
import asyncio
import logging
from pathlib import Path

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from brandlint import __version__

from .actions import FIX_ALL, code_actions, hover
from .diagnostics import alert_diagnostic, problem_diagnostic
from .guide_problems import GuideProblems, resolved
from .session import Linted, Session, changes_guides, document_format, is_guide


class BrandlintServer(LanguageServer):
    """A pygls server with the state the handlers share."""

    def __init__(self) -> None:
        super().__init__("brandlint", __version__)
        self.session = Session()
        self.pull = False  # the client asks for diagnostics instead of being sent them
        self.results: dict[str, Linted] = {}  # the newest result of each open document
        self.pending: dict[str, asyncio.Task[None]] = {}
        self.guide_problems = GuideProblems()
        self._problems_shown: dict[str, list[types.Diagnostic]] = {}

    # -- linting ------------------------------------------------------------------
    async def lint(self, uri: str) -> Linted | None:
        """Lint an open document as it is now (a guide file: check it instead)."""
        document = self.workspace.get_text_document(uri)
        path, version = document.path, document.version
        if path and is_guide(path):
            problems = await self.session.check_guide(path, document.source)
            if uri in self.workspace.text_documents:
                self.guide_problems.edit(path, problems)
                self.publish_guide_problems()
            return None
        format = document_format(path, document.language_id)
        if format is None:
            return None
        result, guide = await self.session.lint(
            path or str(Path.cwd() / "untitled.md"), version, document.source, format
        )
        current = self.workspace.text_documents.get(uri)
        if current is None:
            return None  # closed while we linted
        if self.guide_problems.use(uri, guide):
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
        if result is not None and result.version == self.workspace.get_text_document(uri).version:
            return result
        return await self.lint(uri)

    def diagnostics(self, uri: str, result: Linted) -> list[types.Diagnostic]:
        lines = self.workspace.get_text_document(uri).lines
        return [alert_diagnostic(a, lines, self.workspace.position_codec) for a in result.alerts]

    async def lint_and_publish(self, uri: str, delay: float) -> None:
        if delay:
            await asyncio.sleep(delay)
        result = await self.lint(uri)
        if result is None or self.pull:
            return
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(
                uri=uri, version=result.version, diagnostics=self.diagnostics(uri, result)
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
        self.guide_problems.reload_errors = tuple(p for f in failures for p in f.problems)
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


def _lines(path: str) -> list[str]:
    try:
        return Path(path).read_text(encoding="utf-8").splitlines(keepends=True)
    except (OSError, UnicodeDecodeError):
        return []


class _ToClient(logging.Handler):
    """brandlint's log records (a rule that failed, …) as window/logMessage."""

    def __init__(self, server: BrandlintServer, loop: asyncio.AbstractEventLoop) -> None:
        super().__init__(logging.WARNING)
        self.server, self.loop = server, loop

    def emit(self, record: logging.LogRecord) -> None:
        message = self.format(record)
        self.loop.call_soon_threadsafe(self.server.log, types.MessageType.Error, message)


server = BrandlintServer()


# -- lifecycle and settings ---------------------------------------------------------------
@server.feature(types.INITIALIZE)
def initialize(ls: BrandlintServer, params: types.InitializeParams) -> None:
    text_document = params.capabilities.text_document
    ls.pull = bool(text_document and text_document.diagnostic)
    options = params.initialization_options
    ls.session.configure(options if isinstance(options, dict) else None)


@server.feature(types.INITIALIZED)
async def initialized(ls: BrandlintServer, params: types.InitializedParams) -> None:
    logging.getLogger("brandlint").addHandler(_ToClient(ls, asyncio.get_running_loop()))
    workspace = ls.client_capabilities.workspace
    if workspace and workspace.configuration:
        (settings,) = await ls.workspace_configuration_async(
            types.ConfigurationParams(items=[types.ConfigurationItem(section="brandlint")])
        )
        if isinstance(settings, dict) and settings:
            ls.session.configure(settings)
            ls.relint_all()


@server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
def did_change_configuration(
    ls: BrandlintServer, params: types.DidChangeConfigurationParams
) -> None:
    settings = params.settings if isinstance(params.settings, dict) else {}
    ls.session.configure(settings.get("brandlint", settings))
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
    return types.RelatedFullDocumentDiagnosticReport(
        items=ls.diagnostics(uri, result) if result else []
    )


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
                    uri=uri, version=result.version, items=ls.diagnostics(uri, result)
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
    lines = ls.workspace.get_text_document(uri).lines
    return code_actions(
        uri, result, params.range, params.context.only, lines, ls.workspace.position_codec
    )


@server.feature(types.TEXT_DOCUMENT_HOVER)
async def text_document_hover(ls: BrandlintServer, params: types.HoverParams) -> types.Hover | None:
    result = await ls.current(params.text_document.uri)
    if result is None:
        return None
    lines = ls.workspace.get_text_document(params.text_document.uri).lines
    return hover(result, params.position, lines, ls.workspace.position_codec)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="brandlint lsp")
    parser.add_argument("--tcp", metavar="HOST:PORT", help="listen on TCP instead of stdio")
    args = parser.parse_args(argv)
    if args.tcp:
        host, _, port = args.tcp.rpartition(":")
        server.start_tcp(host or "127.0.0.1", int(port))
    else:
        server.start_io()
    return 0
