"""Growing the guide from the editor: accept, prefer and ban actions edit the guide (its
comments and layout kept), and the server lints again with the edited guide."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

GUIDE = """\
# Acme's brand guide, section 1: names
name: acme  # the prefix of every rule id

terms:
  # 1.1 the product, always spelled this way
  - use: Acme Cloud
    case: exact
    level: error

consistency:
  - [omnichannel, omni-channel]  # 1.2 either, never both in one piece
"""
POST = "Acme cloud is omnichannel, and omni-channel too.\n"
INCONSISTENT = (
    "acme.consistency.omnichannel",
    31,
    43,
    "Inconsistent spelling: 'omni-channel' here, but 'omnichannel' earlier in this document.",
)
SERVER = [sys.executable, "-m", "brandlint", "lsp"]


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER))
async def client(lsp_client: LanguageClient, tmp_path: Path):
    (tmp_path / "brandlint.yaml").write_text(GUIDE, encoding="utf-8")
    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=types.ClientCapabilities(
                text_document=types.TextDocumentClientCapabilities(
                    code_action=types.CodeActionClientCapabilities()
                )
            ),
            root_uri=tmp_path.as_uri(),
            initialization_options={"debounce": 0},
        )
    )
    yield
    await lsp_client.shutdown_session()


async def diagnostics_after(client: LanguageClient, uri: str, before: object = None) -> list[tuple]:
    """The next diagnostics published for `uri` (other files' may come first: the guide's
    own problems). Checked and awaited with no await between, so none is missed."""
    while client.diagnostics.get(uri) is before:
        await asyncio.wait_for(
            client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), 30
        )
    return [
        (d.code, d.range.start.character, d.range.end.character, d.message)
        for d in client.diagnostics[uri]
    ]


async def open_post(client: LanguageClient, folder: Path) -> tuple[str, list[types.Diagnostic]]:
    uri = (folder / "post.md").as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri=uri, language_id="markdown", version=1, text=POST
            )
        )
    )
    shown = await diagnostics_after(client, uri)
    assert shown == [
        ("acme.terms.acme-cloud", 0, 10, "Write 'Acme Cloud', not 'Acme cloud'."),
        INCONSISTENT,
    ]
    return uri, client.diagnostics[uri]


async def guide_action(
    client: LanguageClient, uri: str, diagnostic: types.Diagnostic, title: str
) -> types.CodeAction:
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=diagnostic.range,
            context=types.CodeActionContext(diagnostics=[diagnostic]),
        )
    )
    return next(a for a in actions if a.title == title)


def apply_and_save(action: types.CodeAction, guide: Path) -> str:
    """What an editor does with the action's edit (one edit of the whole guide), then
    saves the guide."""
    [(uri, [edit])] = action.edit.changes.items()
    assert uri == guide.as_uri()
    lines = guide.read_text(encoding="utf-8").count("\n")
    assert (edit.range.start, edit.range.end) == (
        types.Position(line=0, character=0),
        types.Position(line=lines, character=0),
    )
    guide.write_text(edit.new_text, encoding="utf-8")
    return edit.new_text


def saved(client: LanguageClient, guide: Path) -> None:
    """What the editor's file watcher tells the server once the guide is saved."""
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            changes=[types.FileEvent(uri=guide.as_uri(), type=types.FileChangeType.Changed)]
        )
    )


async def test_make_this_the_preferred_variant_turns_the_group_into_a_term(
    client: LanguageClient, tmp_path: Path
):
    uri, diagnostics = await open_post(client, tmp_path)
    action = await guide_action(
        client, uri, diagnostics[1], "Make 'omni-channel' the preferred variant"
    )
    assert apply_and_save(action, tmp_path / "brandlint.yaml") == (
        "# Acme's brand guide, section 1: names\n"
        "name: acme  # the prefix of every rule id\n"
        "\n"
        "terms:\n"
        "  # 1.1 the product, always spelled this way\n"
        "  - use: Acme Cloud\n"
        "    case: exact\n"
        "    level: error\n"
        "  - use: omni-channel\n"
        "    instead_of: [omnichannel]\n"
    )
    saved(client, tmp_path / "brandlint.yaml")
    assert await diagnostics_after(client, uri, diagnostics) == [
        ("acme.terms.acme-cloud", 0, 10, "Write 'Acme Cloud', not 'Acme cloud'."),
        ("acme.terms.omni-channel", 14, 25, "Use 'omni-channel' instead of 'omnichannel'."),
    ]


async def test_accept_this_spelling_adds_an_exception_to_the_term(
    client: LanguageClient, tmp_path: Path
):
    uri, diagnostics = await open_post(client, tmp_path)
    action = await guide_action(client, uri, diagnostics[0], "Accept 'Acme cloud' in the guide")
    assert apply_and_save(action, tmp_path / "brandlint.yaml") == GUIDE.replace(
        "    level: error\n", "    level: error\n    exceptions: [Acme cloud]\n"
    )
    saved(client, tmp_path / "brandlint.yaml")
    assert await diagnostics_after(client, uri, diagnostics) == [INCONSISTENT]


async def test_ban_this_term_adds_a_term_to_avoid(client: LanguageClient, tmp_path: Path):
    uri, diagnostics = await open_post(client, tmp_path)
    action = await guide_action(client, uri, diagnostics[1], "Ban 'omni-channel' in the guide")
    assert apply_and_save(action, tmp_path / "brandlint.yaml") == GUIDE.replace(
        "    level: error\n", "    level: error\n  - avoid: omni-channel\n"
    )
    saved(client, tmp_path / "brandlint.yaml")
    # the group no longer holds a piece to 'omni-channel' (the guide warns of it): the ban
    # is the one alert on it
    assert await diagnostics_after(client, uri, diagnostics) == [
        ("acme.terms.acme-cloud", 0, 10, "Write 'Acme Cloud', not 'Acme cloud'."),
        ("acme.terms.omni-channel", 31, 43, "Avoid 'omni-channel'."),
    ]
