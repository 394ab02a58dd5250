"""The server survives what editors and guides throw at it."""

from __future__ import annotations

import asyncio
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pygls.exceptions import JsonRpcInvalidParams, JsonRpcMethodNotFound
from pytest_lsp import ClientServerConfig, LanguageClient

SERVER = [sys.executable, str(Path(__file__).parent / "failing_rule_server.py")]
GUIDE = """\
name: t
terms:
  - avoid: [synergy]
rules:
  t.broken: {extends: exploding}
  t.stall: {extends: stalling}
  t.crash: {extends: crashing}
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "brandlint.yaml").write_text(GUIDE, encoding="utf-8")
    return tmp_path


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER))
async def client(lsp_client: LanguageClient, folder: Path):
    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=types.ClientCapabilities(),
            root_uri=folder.as_uri(),
            initialization_options={"debounce": 0.3},
        )
    )
    yield
    await lsp_client.shutdown_session()


class Published:
    """Every publishDiagnostics the client gets from now on, in order: waiting on them
    misses none (a notification may land before a wait for it would be set up)."""

    def __init__(self, client: LanguageClient) -> None:
        self.queue: asyncio.Queue[types.PublishDiagnosticsParams] = asyncio.Queue()
        features = client.protocol.fm.features
        original = features[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS]

        def record(params: types.PublishDiagnosticsParams) -> None:
            original(params)
            self.queue.put_nowait(params)

        features[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = record

    async def next(self, uri: str) -> list[types.Diagnostic]:
        """The next diagnostics published for `uri`."""
        while True:
            params = await asyncio.wait_for(self.queue.get(), 60)
            if params.uri == uri:
                return list(params.diagnostics)


def codes(diagnostics: list[types.Diagnostic]) -> list[str]:
    """The codes of the diagnostics but the exploding rule's (on every document)."""
    return [str(d.code) for d in diagnostics if d.code != "brandlint.internal-error"]


def configure(client: LanguageClient, **settings: object) -> None:
    client.workspace_did_change_configuration(
        types.DidChangeConfigurationParams(settings={"brandlint": settings})
    )


@contextmanager
def untyped(client: LanguageClient) -> Iterator[None]:
    """While in it, the test client sends params as given (dicts of the wrong shape), not
    as the lsprotocol types it would check them against."""
    client.protocol.get_message_type = lambda method: None  # type: ignore[method-assign]
    try:
        yield
    finally:
        del client.protocol.get_message_type


def open_document(client: LanguageClient, path: Path, text: str) -> str:
    uri = path.as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri=uri, language_id="markdown", version=1, text=text
            )
        )
    )
    return uri


async def test_a_failing_rule_is_logged_and_the_others_still_report(
    client: LanguageClient, folder: Path
):
    uri = open_document(client, folder / "a.md", "Pure synergy.\n")
    await asyncio.wait_for(
        client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), 30
    )
    codes = sorted(str(d.code) for d in client.diagnostics[uri])
    assert codes == ["brandlint.internal-error", "t.terms.synergy"]
    for _ in range(5):  # the log message may have arrived before the diagnostics
        if any("rule t.broken failed" in m.message for m in client.log_messages):
            break
        await asyncio.wait_for(client.wait_for_notification(types.WINDOW_LOG_MESSAGE), 30)
    assert any("rule t.broken failed" in m.message for m in client.log_messages)


async def test_unknown_requests_get_an_error_and_the_server_lives_on(
    client: LanguageClient, folder: Path
):
    with pytest.raises(JsonRpcMethodNotFound):
        await client.protocol.send_request_async("brandlint/no-such-method", {})
    uri = open_document(client, folder / "b.md", "More synergy.\n")
    await asyncio.wait_for(
        client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), 30
    )
    assert "t.terms.synergy" in [d.code for d in client.diagnostics[uri]]


async def test_rapid_changes_publish_only_the_newest_version(client: LanguageClient, folder: Path):
    uri = open_document(client, folder / "c.md", "Start.\n")
    await asyncio.wait_for(
        client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), 30
    )
    published: list[int | None] = []
    original = client.protocol.fm.features[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS]

    def record(params: types.PublishDiagnosticsParams) -> None:
        if params.uri == uri:
            published.append(params.version)
        original(params)

    client.protocol.fm.features[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = record
    for version in range(2, 7):
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=[
                    types.TextDocumentContentChangeWholeDocument(
                        text=f"Version {version} with synergy.\n"
                    )
                ],
            )
        )
    await asyncio.wait_for(
        client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), 30
    )
    assert published == [6]
    (diagnostic,) = [d for d in client.diagnostics[uri] if d.code == "t.terms.synergy"]
    assert diagnostic.range.start.character == len("Version 6 with ")


async def test_requests_with_invalid_params_get_an_invalid_params_error(
    client: LanguageClient, folder: Path
):
    published = Published(client)
    with untyped(client):
        hover = client.protocol.send_request(
            types.TEXT_DOCUMENT_HOVER, {"textDocument": 5, "position": {"line": "x"}}
        )
        action = client.protocol.send_request(types.TEXT_DOCUMENT_CODE_ACTION, [1, 2])
        # a notification cannot be answered: it is logged, and the server goes on
        client.protocol.notify(types.TEXT_DOCUMENT_DID_OPEN, {"textDocument": {"uri": 7}})
    with pytest.raises(JsonRpcInvalidParams) as raised:
        await asyncio.wait_for(asyncio.wrap_future(hover), 30)
    assert str(raised.value) == (
        "Invalid params for textDocument/hover: invalid value for type, expected str @ "
        "$.params.text_document.uri; invalid value for type, expected int @ "
        "$.params.position.line; required field missing @ $.params.position.character"
    )
    with pytest.raises(JsonRpcInvalidParams):
        await asyncio.wait_for(asyncio.wrap_future(action), 30)
    uri = open_document(client, folder / "after.md", "Synergy again.\n")
    assert codes(await published.next(uri)) == ["t.terms.synergy"]
    assert any("invalid params in textDocument/didOpen" in m.message for m in client.log_messages)


async def test_a_document_over_the_size_limit_gets_one_diagnostic_saying_so(
    client: LanguageClient, folder: Path
):
    published = Published(client)
    configure(client, maxDocumentSize=1000)
    text = "Synergy. " * 200  # 1,800 bytes
    uri = open_document(client, folder / "big.md", text)
    (notice,) = await published.next(uri)
    assert notice.code == "brandlint.too-large"
    assert notice.message == (
        "brandlint does not check documents over 1,000 bytes "
        "(the setting maxDocumentSize is the limit)"
    )
    assert (notice.range.start, notice.range.end) == (types.Position(0, 0), types.Position(0, 0))
    assert notice.severity == types.DiagnosticSeverity.Warning
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text="Synergy.\n")],
        )
    )
    assert codes(await published.next(uri)) == ["t.terms.synergy"]


async def test_a_lint_that_hangs_holding_the_gil_leaves_the_server_answering(
    client: LanguageClient, folder: Path
):
    published = Published(client)
    calm = open_document(client, folder / "calm.md", "Synergy here.\n")
    assert codes(await published.next(calm)) == ["t.terms.synergy"]
    configure(client, lintTimeout=3)
    await published.next(calm)  # linted again under the new settings
    stuck = open_document(client, folder / "stuck.md", "Let us stall here.\n")
    await asyncio.sleep(0.5)  # its lint is running now, holding the worker's GIL
    started = time.monotonic()
    answer = await asyncio.wait_for(
        client.text_document_hover_async(
            types.HoverParams(
                text_document=types.TextDocumentIdentifier(uri=calm),
                position=types.Position(line=0, character=2),
            )
        ),
        10,
    )
    assert answer is not None and "t.terms.synergy" in answer.contents.value
    assert time.monotonic() - started < 2  # answered while the lint still runs
    (notice,) = await published.next(stuck)
    assert notice.code == "brandlint.lint-timeout"
    assert notice.message.startswith("brandlint stopped checking this document after 3 s")
    # the worker was stopped; the next lint starts a fresh one
    client.text_document_did_close(
        types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=stuck))
    )
    configure(client, lintTimeout=60)
    assert codes(await published.next(calm)) == ["t.terms.synergy"]


async def test_a_lint_that_kills_its_process_is_reported_and_the_next_one_runs(
    client: LanguageClient, folder: Path
):
    published = Published(client)
    uri = open_document(client, folder / "crash.md", "This will crash.\n")
    (notice,) = await published.next(uri)
    assert notice.code == "brandlint.lint-failed"
    assert notice.message == "brandlint could not check this document: it failed (see the log)"
    other = open_document(client, folder / "fine.md", "Fine synergy.\n")
    assert codes(await published.next(other)) == ["t.terms.synergy"]


async def test_lone_surrogates_are_linted_as_replacement_characters(
    client: LanguageClient, folder: Path
):
    published = Published(client)
    uri = open_document(client, folder / "broken.md", "\ud800 Pure \udfff synergy.\n")
    (diagnostic,) = [d for d in await published.next(uri) if d.code == "t.terms.synergy"]
    assert diagnostic.range.start == types.Position(line=0, character=9)


async def test_only_lf_crlf_and_cr_end_lines_as_in_lsp(client: LanguageClient, folder: Path):
    published = Published(client)
    text = "One\u2028two\x0cthree\x85four.\n🎉 synergy.\n"  # str.splitlines breaks at all
    uri = open_document(client, folder / "separators.md", text)
    (diagnostic,) = [d for d in await published.next(uri) if d.code == "t.terms.synergy"]
    assert diagnostic.range.start == types.Position(line=1, character=3)  # 🎉 is 2 units


async def test_settings_of_the_wrong_type_are_logged_and_ignored(
    client: LanguageClient, folder: Path
):
    published = Published(client)
    configure(
        client,
        minLevel="loud",
        debounce="soon",
        maxDocumentSize=-1,
        lintTimeout=True,
        valeCompat="yes",
    )
    uri = open_document(client, folder / "settings.md", "Synergy.\n")
    assert codes(await published.next(uri)) == ["t.terms.synergy"]
    logged = "\n".join(m.message for m in client.log_messages)
    for name in (
        "minLevel='loud'",
        "debounce='soon'",
        "maxDocumentSize=-1",
        "lintTimeout=True",
        "valeCompat='yes'",
    ):
        assert f"setting {name} ignored" in logged
