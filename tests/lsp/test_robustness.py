"""The server survives what editors and guides throw at it."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pygls.exceptions import JsonRpcMethodNotFound
from pytest_lsp import ClientServerConfig, LanguageClient

SERVER = [sys.executable, str(Path(__file__).parent / "failing_rule_server.py")]
GUIDE = """\
name: t
terms:
  - avoid: [synergy]
rules:
  t.broken: {extends: exploding}
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
