"""The voice alert in the editor, end to end over stdio (pytest-lsp): the diagnostic carries
the top reasons, the hover the full breakdown, one line per feature that costs points.

The profile is learned from tests/fixtures/voice/approved/ and the page is the hype page
tests/voice/ pins at 55."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

from brandlint.cli.main import main

FIXTURES = Path(__file__).parent.parent / "fixtures" / "voice"
SERVER = [sys.executable, "-m", "brandlint", "lsp"]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    assert main(["voice", "learn", str(FIXTURES / "approved"), "-o", str(tmp_path / "v.json")]) == 0
    (tmp_path / "brandlint.yaml").write_text(
        "name: acme\nlang: en\nvoice:\n  profile: v.json\n  min-score: 70\n", encoding="utf-8"
    )
    return tmp_path


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER))
async def client(lsp_client: LanguageClient, folder: Path):
    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=types.ClientCapabilities(
                text_document=types.TextDocumentClientCapabilities(
                    hover=types.HoverClientCapabilities()
                )
            ),
            root_uri=folder.as_uri(),
            initialization_options={"debounce": 0},
        )
    )
    yield
    await lsp_client.shutdown_session()


async def test_hover_on_a_voice_alert_shows_the_full_breakdown(
    client: LanguageClient, folder: Path
):
    uri = (folder / "launch.md").as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri=uri,
                language_id="markdown",
                version=1,
                text=(FIXTURES / "hype.md").read_text(encoding="utf-8"),
            )
        )
    )
    await asyncio.wait_for(
        client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), 60
    )
    (diagnostic,) = client.diagnostics[uri]
    assert (diagnostic.code, diagnostic.range.start.line, diagnostic.range.end.character) == (
        "acme.voice",
        2,
        71,
    )
    hover = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            position=types.Position(line=2, character=10),
        )
    )
    assert hover is not None
    assert hover.contents.value == (
        "**acme.voice** — Voice score of this document is 55 (at least 70): the brand's own "
        "words: 0 per 100 words; approved copy: 11–20 (such as reuses, cache, compiler, "
        "inputs); small-word mix differs from approved copy by 67%; approved copy: 39–42% "
        "(most: 'the' 0 per 100 words, approved 9.2); hedges (maybe, quite, really…): 17 per "
        "100 words; approved copy: 0–0.\n\n"
        "Voice score 55/100 over 17 features.\n"
        "- −18: the brand's own words: 0 per 100 words; approved copy: 11–20 "
        "(such as reuses, cache, compiler, inputs)\n"
        "- −7.7: small-word mix differs from approved copy by 67%; approved copy: 39–42% "
        "(most: 'the' 0 per 100 words, approved 9.2)\n"
        "- −4: hedges (maybe, quite, really…): 17 per 100 words; approved copy: 0–0\n"
        "- −4: hype words (amazing, world-class…): 17 per 100 words; approved copy: 0–0\n"
        "- −3.9: exclamations: 80% of sentences; approved copy: 0–8.3% of sentences\n"
        "- −3.8: sentences average 2.4 words; approved copy: 12–14\n"
        "- −2.1: paragraphs average 12 words; approved copy: 25–37\n"
        "- −1.1: 'you' words: 8.3 per 100 words; approved copy: 0.45–5.3"
    )
