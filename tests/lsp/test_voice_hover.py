"""The voice alert in the editor, end to end over stdio (pytest-lsp): the diagnostic carries
the top reasons, the hover the full breakdown, one line per feature that costs points.

The profile is learned from tests/fixtures/voice/approved/; the pages are the hype page
tests/voice/ pins at 48 and the long web page whose fifth paragraph it pins at 48."""

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
        "**acme.voice** — Voice score of this document is 48 (at least 70): the brand's own "
        "words: 0 per 100 words; approved copy: 11–19 (such as fernway, booking, lyon, "
        "conductor); exclamations: 80% of sentences; approved copy: none; hedges (maybe, "
        "quite, really…): 17 per 100 words; approved copy: none.\n\n"
        "Voice score 48/100 over 18 features.\n"
        "- −23: the brand's own words: 0 per 100 words; approved copy: 11–19 (such as "
        "fernway, booking, lyon, conductor)\n"
        "- −4: exclamations: 80% of sentences; approved copy: none\n"
        "- −4: hedges (maybe, quite, really…): 17 per 100 words; approved copy: none\n"
        "- −4: hype words (amazing, world-class…): 17 per 100 words; approved copy: none\n"
        "- −3.9: headings: 8.3 per 100 words; approved copy: 0–1.3\n"
        "- −3.3: sentences average 2.4 words; approved copy: 9.8–13\n"
        "- −2.9: contractions: 0 per 100 words; approved copy: 3.2–5.2\n"
        "- −2.1: content words: 50% of words; approved copy: 41–45% of words\n"
        "- −1.7: paragraphs average 12 words; approved copy: 21–30\n"
        "- −1.6: words average 4.3 letters; approved copy: 3.6–4\n"
        "- −1.2: small-word mix differs from approved copy by 70%; approved copy: 37–58% "
        "(most: 'will' 8.3 per 100 words, approved 0.31)\n"
        "- −0.2: 'we' words: 0 per 100 words; approved copy: 0.68–4.1"
    )


async def test_a_long_page_gets_a_diagnostic_on_its_off_voice_paragraph(
    client: LanguageClient, folder: Path
):
    uri = (folder / "children.md").as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri=uri,
                language_id="markdown",
                version=1,
                text=(FIXTURES / "drafts" / "web-children.md").read_text(encoding="utf-8"),
            )
        )
    )
    await asyncio.wait_for(
        client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), 60
    )
    # the page scores 84 as a whole; its shouted sales pitch (line 15) scores 48
    (diagnostic,) = client.diagnostics[uri]
    assert (diagnostic.code, diagnostic.range.start.line, diagnostic.range.end.line) == (
        "acme.voice",
        14,
        14,
    )
    hover = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            position=types.Position(line=14, character=5),
        )
    )
    assert hover is not None
    assert hover.contents.value.split("\n\n", 1)[1].splitlines()[:4] == [
        "Voice score 48/100 over 16 features.",
        "- −22: the brand's own words: 4.3 per 100 words; approved copy: 13–19 (such as "
        "fernway, booking, lyon, conductor)",
        "- −4.3: exclamations: 50% of sentences; approved copy: none",
        "- −4.3: hype words (amazing, world-class…): 13 per 100 words; approved copy: none",
    ]
