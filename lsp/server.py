"""The language server: `brandlint lsp` (stdio) or `brandlint lsp --tcp HOST:PORT`.

Diagnostics are pushed (`textDocument/publishDiagnostics`) unless the client declares pull
diagnostics, in which case it asks (`textDocument/diagnostic`, `workspace/diagnostic`).
Linting runs on one worker thread, never on the event loop; rapid changes are debounced and
a result for an older version of a document than the one open now is dropped.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path
from pygls.workspace import TextDocument

from brandlint import __version__
from brandlint.core.alerts import Alert, Level
from brandlint.core.errors import GuideError, Problem
from brandlint.document.reader import format_of
from brandlint.guide.loader import GUIDE_NAMES, load_guide
from brandlint.workspace import Workspace
from lsp.actions import FIX_ALL, disable_line, fix_all, hover_text, quick_fixes
from lsp.diagnostics import alert_diagnostic, problem_diagnostic
from lsp.positions import position_to_offset, span_to_range

LANGUAGE_FORMATS = {
    "markdown": "markdown",
    "html": "html",
    "plaintext": "text",
    "css": "css",
    "svg": "svg",
}


@dataclass
class Linted:
    """The last result for one open document."""

    version: int | None
    source: str
    format: str
    alerts: list[Alert]


@dataclass
class ServerState:
    workspace: Workspace = field(default_factory=Workspace)
    min_level: Level = Level.SUGGESTION
    debounce: float = 0.02
    pull: bool = False
    results: dict[str, Linted] = field(default_factory=dict)
    pending: dict[str, asyncio.Task[None]] = field(default_factory=dict)
    worker: ThreadPoolExecutor = field(
        default_factory=lambda: ThreadPoolExecutor(1, thread_name_prefix="brandlint-lint")
    )


class BrandlintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("brandlint", __version__)
        self.state = ServerState()

    # -- settings -----------------------------------------------------------------
    def configure(self, options: dict[str, Any] | None) -> None:
        options = options or {}
        settings = self.state.workspace.settings
        self.state.workspace = Workspace(
            replace(
                settings,
                guide=options.get("guide", settings.guide),
                lang=options.get("lang", settings.lang),
                channel=options.get("channel", settings.channel),
            ),
            self.state.workspace.pipelines,
        )
        if "minLevel" in options:
            self.state.min_level = Level.parse(str(options["minLevel"]))
        if "debounce" in options:
            self.state.debounce = float(options["debounce"])

    # -- linting ------------------------------------------------------------------
    def format_of(self, document: TextDocument) -> str | None:
        """The document's format, from its name, else the editor's language id; None for
        files that are not copy (a `config.yaml` is neither a guide nor a copy deck)."""
        path = document.path or ""
        return format_of(path) or LANGUAGE_FORMATS.get(document.language_id or "")

    def lint_now(self, uri: str, version: int | None, source: str, fmt: str) -> Linted:
        """Runs on the worker thread."""
        path = to_fs_path(uri) or str(Path.cwd() / "untitled.md")
        alerts = self.state.workspace.lint_text(source, path, fmt)
        alerts = [a for a in alerts if a.level >= self.state.min_level]
        return Linted(version, source, fmt, alerts)

    async def lint(self, uri: str) -> Linted | None:
        document = self.workspace.get_text_document(uri)
        if is_guide(document.path):
            self.publish_guide_problems(document)
            return None
        fmt = self.format_of(document)
        if fmt is None:
            return None
        version, source = document.version, document.source
        loop = asyncio.get_running_loop()
        try:
            result = await loop.run_in_executor(
                self.state.worker, self.lint_now, uri, version, source, fmt
            )
        except GuideError as exc:
            self.log(types.MessageType.Error, f"brandlint: the guide has errors: {exc}")
            return None
        current = self.workspace.text_documents.get(uri)
        if current is None or current.version != version:
            return None  # the document moved on while we linted: a newer run will report
        self.state.results[uri] = result
        return result

    def diagnostics(self, uri: str, result: Linted) -> list[types.Diagnostic]:
        document = self.workspace.get_text_document(uri)
        codec = self.workspace.position_codec
        return [alert_diagnostic(a, document.lines, codec) for a in result.alerts]

    async def lint_and_publish(self, uri: str, delay: float) -> None:
        if delay:
            await asyncio.sleep(delay)
        result = await self.lint(uri)
        if result is None or self.state.pull:
            return
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(
                uri=uri, version=result.version, diagnostics=self.diagnostics(uri, result)
            )
        )

    def schedule(self, uri: str, delay: float) -> None:
        previous = self.state.pending.pop(uri, None)
        if previous is not None:
            previous.cancel()
        self.state.pending[uri] = asyncio.get_running_loop().create_task(
            self.lint_and_publish(uri, delay)
        )

    def relint_all(self) -> None:
        for uri in list(self.workspace.text_documents):
            self.schedule(uri, 0)
        if self.state.pull:
            self.workspace_diagnostic_refresh(None)

    # -- the guide ------------------------------------------------------------------
    def publish_guide_problems(self, document: TextDocument) -> None:
        problems: list[Problem] = []
        try:
            guide = load_guide(document.path, text=document.source)
            problems = list(guide.warnings)
        except GuideError as exc:
            problems = exc.problems
        self.publish_problems(document.uri, document.path, problems)

    def publish_problems(self, uri: str, path: str | None, problems: list[Problem]) -> None:
        codec = self.workspace.position_codec
        by_file: dict[str, list[Problem]] = {}
        for problem in problems:
            by_file.setdefault(str(Path(problem.path).resolve()), []).append(problem)
        own = str(Path(path).resolve()) if path else ""
        by_file.setdefault(own, [])
        for file, found in by_file.items():
            target = uri if file == own else Path(file).as_uri()
            opened = self.workspace.text_documents.get(target)
            lines = opened.lines if opened else _lines(file)
            self.text_document_publish_diagnostics(
                types.PublishDiagnosticsParams(
                    uri=target, diagnostics=[problem_diagnostic(p, lines, codec) for p in found]
                )
            )

    def reload_guides(self) -> None:
        for failure in self.state.workspace.reload_guides():
            self.log(
                types.MessageType.Warning,
                "brandlint: a guide has errors; documents keep its last good version",
            )
            for problem in failure.problems:
                self.publish_problems(
                    Path(problem.path).resolve().as_uri(),
                    problem.path,
                    [p for p in failure.problems if p.path == problem.path],
                )
        self.relint_all()

    def log(self, kind: types.MessageType, message: str) -> None:
        self.window_log_message(types.LogMessageParams(type=kind, message=message))


def is_guide(path: str | None) -> bool:
    return bool(path) and Path(path).name in GUIDE_NAMES  # type: ignore[arg-type]


def _lines(path: str) -> list[str]:
    try:
        return Path(path).read_text(encoding="utf-8").splitlines(keepends=True)
    except OSError:
        return []


class _ToClient(logging.Handler):
    """brandlint's log records (a rule that failed, …) as window/logMessage."""

    def __init__(self, server: BrandlintServer, loop: asyncio.AbstractEventLoop) -> None:
        super().__init__(logging.WARNING)
        self.server, self.loop = server, loop

    def emit(self, record: logging.LogRecord) -> None:
        message = self.format(record)
        self.loop.call_soon_threadsafe(self.server.log, types.MessageType.Error, message)


def create_server() -> BrandlintServer:
    server = BrandlintServer()

    @server.feature(types.INITIALIZE)
    def initialize(ls: BrandlintServer, params: types.InitializeParams) -> None:
        capabilities = params.capabilities
        ls.state.pull = bool(capabilities.text_document and capabilities.text_document.diagnostic)
        options = params.initialization_options
        ls.configure(options if isinstance(options, dict) else None)

    @server.feature(types.INITIALIZED)
    async def initialized(ls: BrandlintServer, params: types.InitializedParams) -> None:
        handler = _ToClient(ls, asyncio.get_running_loop())
        logging.getLogger("brandlint").addHandler(handler)
        workspace = ls.client_capabilities.workspace
        if workspace and workspace.configuration:
            (settings,) = await ls.workspace_configuration_async(
                types.ConfigurationParams(items=[types.ConfigurationItem(section="brandlint")])
            )
            if isinstance(settings, dict) and settings:
                ls.configure(settings)
                ls.relint_all()

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: BrandlintServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: BrandlintServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, ls.state.debounce)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: BrandlintServer, params: types.DidSaveTextDocumentParams) -> None:
        path = to_fs_path(params.text_document.uri) or ""
        if is_guide(path) or path.endswith(".yml"):
            ls.reload_guides()
        else:
            ls.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: BrandlintServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        ls.state.results.pop(uri, None)
        task = ls.state.pending.pop(uri, None)
        if task is not None:
            task.cancel()
        if not ls.state.pull:
            ls.text_document_publish_diagnostics(
                types.PublishDiagnosticsParams(uri=uri, diagnostics=[])
            )

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched(ls: BrandlintServer, params: types.DidChangeWatchedFilesParams) -> None:
        ls.reload_guides()

    @server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
    def configuration(ls: BrandlintServer, params: types.DidChangeConfigurationParams) -> None:
        settings = params.settings if isinstance(params.settings, dict) else {}
        ls.configure(settings.get("brandlint", settings))
        ls.relint_all()

    @server.feature(
        types.TEXT_DOCUMENT_DIAGNOSTIC,
        types.DiagnosticOptions(
            identifier="brandlint", inter_file_dependencies=False, workspace_diagnostics=True
        ),
    )
    async def pull(
        ls: BrandlintServer, params: types.DocumentDiagnosticParams
    ) -> types.DocumentDiagnosticReport:
        result = await ls.lint(params.text_document.uri)
        items = ls.diagnostics(params.text_document.uri, result) if result else []
        return types.RelatedFullDocumentDiagnosticReport(items=items)

    @server.feature(types.WORKSPACE_DIAGNOSTIC)
    async def pull_all(
        ls: BrandlintServer, params: types.WorkspaceDiagnosticParams
    ) -> types.WorkspaceDiagnosticReport:
        reports: list[types.WorkspaceDocumentDiagnosticReport] = []
        for uri, document in list(ls.workspace.text_documents.items()):
            result = await ls.lint(uri)
            if result is not None:
                reports.append(
                    types.WorkspaceFullDocumentDiagnosticReport(
                        uri=uri, version=document.version, items=ls.diagnostics(uri, result)
                    )
                )
        return types.WorkspaceDiagnosticReport(items=reports)

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL]),
    )
    async def code_action(
        ls: BrandlintServer, params: types.CodeActionParams
    ) -> list[types.CodeAction]:
        uri = params.text_document.uri
        result = await current(ls, uri)
        if result is None:
            return []
        document = ls.workspace.get_text_document(uri)
        codec, lines = ls.workspace.position_codec, document.lines
        wanted = params.context.only
        actions: list[types.CodeAction] = []
        if not wanted or any(str(k).startswith("quickfix") for k in wanted):
            start = position_to_offset(result.source, lines, codec, params.range.start)
            end = position_to_offset(result.source, lines, codec, params.range.end)
            for alert in result.alerts:
                if alert.span.offset <= end and start <= alert.span.end_offset:
                    diagnostic = alert_diagnostic(alert, lines, codec)
                    actions.extend(quick_fixes(uri, alert, diagnostic, lines, codec))
                    disable = disable_line(uri, alert, result.format, result.source, lines)
                    if disable is not None:
                        actions.append(disable)
        if not wanted or any(FIX_ALL.startswith(str(k)) for k in wanted):
            everything = fix_all(uri, result.alerts, result.source, lines, codec)
            if everything is not None:
                actions.append(everything)
        return actions

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    async def hover(ls: BrandlintServer, params: types.HoverParams) -> types.Hover | None:
        uri = params.text_document.uri
        result = await current(ls, uri)
        if result is None:
            return None
        document = ls.workspace.get_text_document(uri)
        codec, lines = ls.workspace.position_codec, document.lines
        offset = position_to_offset(result.source, lines, codec, params.position)
        for alert in result.alerts:
            if alert.span.offset <= offset < max(alert.span.end_offset, alert.span.offset + 1):
                return types.Hover(
                    contents=types.MarkupContent(
                        kind=types.MarkupKind.Markdown, value=hover_text(alert)
                    ),
                    range=span_to_range(alert.span, lines, codec),
                )
        return None

    return server


async def current(ls: BrandlintServer, uri: str) -> Linted | None:
    """The result for the document as it is now, linting again if it changed since."""
    document = ls.workspace.get_text_document(uri)
    result = ls.state.results.get(uri)
    if result is not None and result.version == document.version:
        return result
    return await ls.lint(uri)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="brandlint lsp")
    parser.add_argument("--tcp", metavar="HOST:PORT", help="listen on TCP instead of stdio")
    args = parser.parse_args(argv)
    server = create_server()
    if args.tcp:
        host, _, port = args.tcp.rpartition(":")
        server.start_tcp(host or "127.0.0.1", int(port))
    else:
        server.start_io()
    return 0
