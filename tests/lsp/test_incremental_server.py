"""Pull diagnostics carry a `resultId`: a client that asks again with it is told
`unchanged` while the diagnostics are the same, end to end over stdio (pytest-lsp)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

GUIDE = """\
name: t
terms:
  - avoid: [leverage]
    suggest: use
  - avoid: [synergy]
    suggest: [teamwork]
"""
SERVER = [sys.executable, "-m", "brandlint", "lsp"]
COPY = "# Spring notes\n\nWe leverage synergy in store.\n\nCard payments take one tap.\n"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "brandlint.yaml").write_text(GUIDE, encoding="utf-8")
    return tmp_path


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER))
async def client(lsp_client: LanguageClient, folder: Path):
    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=types.ClientCapabilities(
                text_document=types.TextDocumentClientCapabilities(
                    diagnostic=types.DiagnosticClientCapabilities()
                )
            ),
            root_uri=folder.as_uri(),
        )
    )
    yield
    await lsp_client.shutdown_session()


def opened(client: LanguageClient, folder: Path) -> str:
    uri = (folder / "notes.md").as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri=uri, language_id="markdown", version=1, text=COPY
            )
        )
    )
    return uri


def changed(client: LanguageClient, uri: str, version: int, text: str) -> None:
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )


async def pull(client: LanguageClient, uri: str, previous: str | None = None):
    return await client.text_document_diagnostic_async(
        types.DocumentDiagnosticParams(
            text_document=types.TextDocumentIdentifier(uri=uri), previous_result_id=previous
        )
    )


def shown(report) -> list[tuple[str, int, int, int]]:
    return [
        (d.code, d.range.start.line, d.range.start.character, d.range.end.character)
        for d in report.items
    ]


async def test_a_pull_with_the_last_result_id_is_told_unchanged(
    client: LanguageClient, folder: Path
):
    uri = opened(client, folder)
    first = await pull(client, uri)
    assert first.kind == "full"
    assert shown(first) == [("t.terms.leverage", 2, 3, 11), ("t.terms.synergy", 2, 12, 19)]
    again = await pull(client, uri, first.result_id)
    assert (again.kind, again.result_id) == ("unchanged", first.result_id)


async def test_an_edit_that_leaves_the_diagnostics_as_they_were_is_unchanged(
    client: LanguageClient, folder: Path
):
    uri = opened(client, folder)
    first = await pull(client, uri)
    changed(client, uri, 2, COPY.replace("one tap", "two taps"))
    after = await pull(client, uri, first.result_id)
    assert (after.kind, after.result_id) == ("unchanged", first.result_id)


async def test_an_edit_that_moves_a_diagnostic_gets_a_new_result(
    client: LanguageClient, folder: Path
):
    uri = opened(client, folder)
    first = await pull(client, uri)
    changed(client, uri, 2, COPY.replace("We leverage", "Today we leverage"))
    after = await pull(client, uri, first.result_id)
    assert after.kind == "full"
    assert after.result_id != first.result_id
    assert shown(after) == [("t.terms.leverage", 2, 9, 17), ("t.terms.synergy", 2, 18, 25)]


async def test_workspace_pull_reports_unchanged_documents_by_result_id(
    client: LanguageClient, folder: Path
):
    uri = opened(client, folder)
    first = await pull(client, uri)
    report = await client.workspace_diagnostic_async(
        types.WorkspaceDiagnosticParams(
            previous_result_ids=[types.PreviousResultId(uri=uri, value=first.result_id)]
        )
    )
    assert [(item.uri, item.kind, item.version, item.result_id) for item in report.items] == [
        (uri, "unchanged", 1, first.result_id)
    ]
