"""Growing the guide from the editor: accept, prefer and ban actions edit the guide (its
comments and layout kept), and the server lints again with the edited guide: at once for an
editor that applies the server's edits (the action runs a command, the server sends the
edit), once the guide is saved for one that does not (the action is the edit)."""

from __future__ import annotations

import asyncio
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import pytest_lsp
from lsprotocol import types
from pygls.exceptions import JsonRpcInvalidParams
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


# -- an editor that applies the server's edits: the guide changes at once, unsaved --------

ACCEPTED = GUIDE.replace("    level: error\n", "    level: error\n    exceptions: [Acme cloud]\n")


@dataclass
class Editor:
    """What an editor does with the server's `workspace/applyEdit`: applies it to the
    guide's buffer, which it leaves unsaved (and tells the server of, when the guide is
    open), or refuses it."""

    client: LanguageClient
    guide: Path
    edits: list[str] = field(default_factory=list)
    buffer: tuple[int, str] | None = None  # the open guide's version and text
    refusal: str | None = None

    def apply(self, params: types.ApplyWorkspaceEditParams) -> types.ApplyWorkspaceEditResult:
        if self.refusal is not None:
            return types.ApplyWorkspaceEditResult(applied=False, failure_reason=self.refusal)
        assert params.edit.changes is not None
        [(uri, [edit])] = params.edit.changes.items()
        assert uri == self.guide.as_uri()
        self.edits.append(edit.new_text)
        if self.buffer is not None:
            version = self.buffer[0] + 1
            self.buffer = (version, edit.new_text)
            self.client.text_document_did_change(
                types.DidChangeTextDocumentParams(
                    text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                    content_changes=[types.TextDocumentContentChangeWholeDocument(edit.new_text)],
                )
            )
        return types.ApplyWorkspaceEditResult(applied=True)

    def open_guide(self) -> None:
        self.buffer = (1, self.guide.read_text(encoding="utf-8"))
        self.client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                text_document=types.TextDocumentItem(
                    uri=self.guide.as_uri(), language_id="yaml", version=1, text=self.buffer[1]
                )
            )
        )


def _code_action_or_command(converter: Any) -> Any:
    """lsprotocol reads any code action with a `command` as a bare Command (its edit, kind
    and diagnostics lost, the command garbled): a Command's `command` is a string, a code
    action's a Command."""

    def structure(value: Any, _: object) -> types.Command | types.CodeAction:
        kind = types.Command if isinstance(value.get("command"), str) else types.CodeAction
        return converter.structure(value, kind)

    return structure


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER), params=["push"])
async def applying(lsp_client: LanguageClient, tmp_path: Path, request: pytest.FixtureRequest):
    """A client that applies the server's edits (and pulls diagnostics, when asked with
    `indirect`)."""
    (tmp_path / "brandlint.yaml").write_text(GUIDE, encoding="utf-8")
    converter = lsp_client.protocol._converter
    converter.register_structure_hook(
        types.Command | types.CodeAction, _code_action_or_command(converter)
    )
    pull = request.param == "pull"  # the client asks for diagnostics, told when to ask again
    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=types.ClientCapabilities(
                workspace=types.WorkspaceClientCapabilities(
                    apply_edit=True,
                    diagnostics=types.DiagnosticWorkspaceClientCapabilities(refresh_support=pull),
                ),
                text_document=types.TextDocumentClientCapabilities(
                    code_action=types.CodeActionClientCapabilities(),
                    diagnostic=types.DiagnosticClientCapabilities() if pull else None,
                ),
            ),
            root_uri=tmp_path.as_uri(),
            initialization_options={"debounce": 0},
        )
    )
    yield
    await lsp_client.shutdown_session()


@pytest.fixture
def editor(applying: LanguageClient, tmp_path: Path) -> Editor:
    shown = Editor(applying, tmp_path / "brandlint.yaml")

    @applying.feature(types.WORKSPACE_APPLY_EDIT)
    def apply_edit(params: types.ApplyWorkspaceEditParams) -> types.ApplyWorkspaceEditResult:
        return shown.apply(params)

    return shown


async def run(client: LanguageClient, action: types.CodeAction) -> None:
    """What the editor does when the user picks the action: run its command."""
    assert action.edit is None and action.command is not None
    await client.workspace_execute_command_async(
        types.ExecuteCommandParams(
            command=action.command.command, arguments=list(action.command.arguments or ())
        )
    )


async def test_an_accepted_spelling_stops_being_flagged_before_the_guide_is_saved(
    editor: Editor, tmp_path: Path
):
    client = editor.client
    uri, diagnostics = await open_post(client, tmp_path)
    action = await guide_action(client, uri, diagnostics[0], "Accept 'Acme cloud' in the guide")
    assert action.command.command == "brandlint.editGuide"
    await run(client, action)
    assert editor.edits == [ACCEPTED]
    assert await diagnostics_after(client, uri, diagnostics) == [INCONSISTENT]
    assert editor.guide.read_text(encoding="utf-8") == GUIDE  # nothing saved


async def test_a_second_action_edits_the_guide_as_the_first_left_it(editor: Editor, tmp_path: Path):
    client = editor.client
    uri, diagnostics = await open_post(client, tmp_path)
    await run(
        client,
        await guide_action(client, uri, diagnostics[0], "Accept 'Acme cloud' in the guide"),
    )
    assert await diagnostics_after(client, uri, diagnostics) == [INCONSISTENT]
    [inconsistent] = shown = client.diagnostics[uri]
    await run(
        client, await guide_action(client, uri, inconsistent, "Ban 'omni-channel' in the guide")
    )
    assert editor.edits[1] == ACCEPTED.replace(
        "    exceptions: [Acme cloud]\n",
        "    exceptions: [Acme cloud]\n  - avoid: omni-channel\n",
    )
    assert await diagnostics_after(client, uri, shown) == [
        ("acme.terms.omni-channel", 31, 43, "Avoid 'omni-channel'."),
    ]


async def test_an_open_guide_is_edited_in_its_buffer_and_closing_it_unsaved_undoes_it(
    editor: Editor, tmp_path: Path
):
    client = editor.client
    editor.open_guide()
    uri, diagnostics = await open_post(client, tmp_path)
    await run(
        client,
        await guide_action(client, uri, diagnostics[0], "Accept 'Acme cloud' in the guide"),
    )
    assert editor.buffer == (2, ACCEPTED)
    assert await diagnostics_after(client, uri, diagnostics) == [INCONSISTENT]
    shown = client.diagnostics[uri]
    client.text_document_did_close(
        types.DidCloseTextDocumentParams(
            text_document=types.TextDocumentIdentifier(uri=editor.guide.as_uri())
        )
    )
    assert await diagnostics_after(client, uri, shown) == [
        ("acme.terms.acme-cloud", 0, 10, "Write 'Acme Cloud', not 'Acme cloud'."),
        INCONSISTENT,
    ]


async def test_an_edit_the_editor_refuses_is_said_and_changes_nothing(
    editor: Editor, tmp_path: Path
):
    client = editor.client
    uri, diagnostics = await open_post(client, tmp_path)
    editor.refusal = "the guide is read-only"
    title = "Accept 'Acme cloud' in the guide"
    await run(client, await guide_action(client, uri, diagnostics[0], title))
    assert [m.message for m in client.messages] == [
        f"brandlint: the editor did not apply '{title}': the guide is read-only"
    ]
    # still offered: the server lints with the guide as it was
    assert (await guide_action(client, uri, diagnostics[0], title)).command is not None
    assert client.diagnostics[uri] is diagnostics


async def test_a_command_without_a_change_is_invalid_params(editor: Editor):
    with pytest.raises(JsonRpcInvalidParams):
        await editor.client.workspace_execute_command_async(
            types.ExecuteCommandParams(command="brandlint.editGuide", arguments=["file:///x"])
        )


@pytest.mark.parametrize("applying", ["pull"], indirect=True)
async def test_a_client_that_pulls_is_told_to_pull_again_after_the_edit(
    editor: Editor, tmp_path: Path
):
    client = editor.client
    post = tmp_path / "post.md"
    post.write_text(POST, encoding="utf-8")
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri=post.as_uri(), language_id="markdown", version=1, text=POST
            )
        )
    )
    report = await pull(client, post.as_uri())
    action = await guide_action(
        client, post.as_uri(), report.items[0], "Accept 'Acme cloud' in the guide"
    )
    await run(client, action)
    assert client.diagnostic_refresh_count == 1
    report = await pull(client, post.as_uri(), report.result_id)
    assert [(d.code, d.message) for d in report.items] == [(INCONSISTENT[0], INCONSISTENT[3])]


async def pull(
    client: LanguageClient, uri: str, previous: str | None = None
) -> types.RelatedFullDocumentDiagnosticReport:
    report = await client.text_document_diagnostic_async(
        types.DocumentDiagnosticParams(
            text_document=types.TextDocumentIdentifier(uri=uri), previous_result_id=previous
        )
    )
    assert isinstance(report, types.RelatedFullDocumentDiagnosticReport)
    return report
