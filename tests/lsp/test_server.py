"""The language server end to end over stdio, driven by a real LSP client (pytest-lsp)."""

from __future__ import annotations

import asyncio
import contextlib
import sys
from pathlib import Path

import pytest
import pytest_lsp
from brandlint.lsp.diagnostics import Converted, alert_diagnostic
from brandlint.lsp.positions import source_lines
from lsprotocol import types
from pygls.protocol import default_converter
from pygls.workspace.position_codec import PositionCodec
from pytest_lsp import ClientServerConfig, LanguageClient

from brandlint.core.document import LineIndex
from brandlint.fixer import Edit, apply_edits
from brandlint.workspace import Settings, Workspace

GUIDE = """\
name: t
terms:
  - avoid: [leverage]
    suggest: use
    reason: Plain words, not jargon.
    link: https://brand.example/terms#leverage
  - avoid: [synergy]
    suggest: [teamwork]
  - use: Kestrel Cloud
    case: exact
    level: error
"""
SERVER = [sys.executable, "-m", "brandlint", "lsp"]


def capabilities(
    pull: bool = False, encodings: list[str] | None = None, configuration: bool = False
) -> types.ClientCapabilities:
    return types.ClientCapabilities(
        general=types.GeneralClientCapabilities(position_encodings=encodings or ["utf-16"]),
        text_document=types.TextDocumentClientCapabilities(
            diagnostic=types.DiagnosticClientCapabilities() if pull else None,
            code_action=types.CodeActionClientCapabilities(),
            hover=types.HoverClientCapabilities(),
        ),
        workspace=types.WorkspaceClientCapabilities(configuration=True) if configuration else None,
    )


async def start_session(
    client: LanguageClient,
    folder: Path,
    options: dict[str, object] | None = None,
    caps: types.ClientCapabilities | None = None,
) -> None:
    """`initialize` a server on `folder` with the editor's `options`, as an editor does."""
    await client.initialize_session(
        types.InitializeParams(
            capabilities=caps or capabilities(),
            root_uri=folder.as_uri(),
            initialization_options=options,
        )
    )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The test's own workspace, with the guide above."""
    (tmp_path / "brandlint.yaml").write_text(GUIDE, encoding="utf-8")
    return tmp_path


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER))
async def client(lsp_client: LanguageClient, folder: Path):
    await start_session(lsp_client, folder, {"debounce": 0})
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER))
async def pull_client(lsp_client: LanguageClient, folder: Path):
    await start_session(
        lsp_client, folder, caps=capabilities(pull=True, encodings=["utf-32", "utf-16"])
    )
    yield
    await lsp_client.shutdown_session()


async def open_and_wait(
    client: LanguageClient, path: Path, text: str, language: str = "markdown"
) -> tuple[str, list[types.Diagnostic]]:
    uri = path.as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri=uri, language_id=language, version=1, text=text
            )
        )
    )
    await asyncio.wait_for(
        client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), 30
    )
    return uri, client.diagnostics[uri]


def span(diagnostic: types.Diagnostic) -> tuple[int, int, int, int]:
    r = diagnostic.range
    return (r.start.line, r.start.character, r.end.line, r.end.character)


async def test_diagnostics_land_on_the_right_utf16_characters(client: LanguageClient, folder: Path):
    _, diagnostics = await open_and_wait(client, folder / "post.md", "🎉 We leverage synergy\n")
    assert [(d.code, span(d), d.severity, d.source) for d in diagnostics] == [
        ("t.terms.leverage", (0, 6, 0, 14), types.DiagnosticSeverity.Warning, "brandlint"),
        ("t.terms.synergy", (0, 15, 0, 22), types.DiagnosticSeverity.Warning, "brandlint"),
    ]
    first = diagnostics[0]
    assert first.message == "Avoid 'leverage'; use 'use'."
    assert first.code_description.href == "https://brand.example/terms#leverage"
    assert first.data["replacements"] == ["use"]


async def test_quick_fix_applied_gives_the_expected_text(client: LanguageClient, folder: Path):
    text = "# Hi\n\n🎉 We leverage Kestrel cloud.\n"
    uri, diagnostics = await open_and_wait(client, folder / "fix.md", text)
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=diagnostics[1].range,
            context=types.CodeActionContext(diagnostics=[diagnostics[1]]),
        )
    )
    titles = [a.title for a in actions]
    assert titles[:2] == [
        "Replace with 'Kestrel Cloud' (t.terms.kestrel-cloud)",
        "Disable t.terms.kestrel-cloud on this line",
    ]
    assert apply(text, actions[0].edit.changes[uri]) == "# Hi\n\n🎉 We leverage Kestrel Cloud.\n"
    assert apply(text, actions[1].edit.changes[uri]) == (
        "# Hi\n\n<!-- brandlint-disable-next-line t.terms.kestrel-cloud -->\n"
        "🎉 We leverage Kestrel cloud.\n"
    )
    (fix_all,) = [a for a in actions if a.kind == "source.fixAll.brandlint"]
    assert apply(text, fix_all.edit.changes[uri]) == "# Hi\n\n🎉 We use Kestrel Cloud.\n"


async def test_code_actions_come_in_the_kinds_asked_for(client: LanguageClient, folder: Path):
    text = "We leverage synergy.\n"
    uri, diagnostics = await open_and_wait(client, folder / "kinds.md", text)

    async def ask(*kinds: str) -> list[types.CodeAction]:
        return await client.text_document_code_action_async(
            types.CodeActionParams(
                text_document=types.TextDocumentIdentifier(uri=uri),
                range=diagnostics[0].range,
                context=types.CodeActionContext(diagnostics=diagnostics[:1], only=list(kinds)),
            )
        )

    (fix_all,) = await ask("source.fixAll")  # a kind asks for its refinements too
    assert fix_all.kind == "source.fixAll.brandlint"
    assert apply(text, fix_all.edit.changes[uri]) == "We use teamwork.\n"
    quick = await ask(types.CodeActionKind.QuickFix)
    assert [a.title for a in quick] == [
        "Replace with 'use' (t.terms.leverage)",
        "Disable t.terms.leverage on this line",
    ]


def apply(text: str, edits: list[types.TextEdit]) -> str:
    """Apply LSP text edits (UTF-16 positions) the way an editor does."""
    lines = LineIndex(text)

    def offset(position: types.Position) -> int:
        line = text[lines.starts[position.line] :]
        units = 0
        for index, char in enumerate(line):
            if units >= position.character:
                return lines.starts[position.line] + index
            units += len(char.encode("utf-16-le")) // 2
        return lines.starts[position.line] + len(line)

    return apply_edits(
        text, [Edit(offset(e.range.start), offset(e.range.end), e.new_text, "") for e in edits]
    )


async def test_hover_explains_the_rule(client: LanguageClient, folder: Path):
    uri, _ = await open_and_wait(client, folder / "hover.md", "🎉 We leverage it.\n")
    hover = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            position=types.Position(line=0, character=8),
        )
    )
    assert hover.contents.value == (
        "**t.terms.leverage** — Avoid 'leverage'; use 'use'.\n\nWhy: Plain words, not jargon."
        "\n\nReplace with `use`\n\n[More about this rule](https://brand.example/terms#leverage)"
    )
    assert (hover.range.start.character, hover.range.end.character) == (6, 14)
    nothing = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            position=types.Position(line=0, character=2),
        )
    )
    assert nothing is None


async def test_changes_are_linted_again(client: LanguageClient, folder: Path):
    uri, diagnostics = await open_and_wait(client, folder / "change.md", "We leverage it.\n")
    assert len(diagnostics) == 1
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text="All good.\n")],
        )
    )
    await asyncio.wait_for(
        client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), 30
    )
    assert list(client.diagnostics[uri]) == []


async def test_an_edit_above_moves_the_diagnostics_kept_to_their_new_lines(
    client: LanguageClient, folder: Path
):
    uri, _ = await open_and_wait(client, folder / "moved.md", "🎉 We leverage synergy\n")
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[
                types.TextDocumentContentChangeWholeDocument(
                    text="# Notes\n\n🎉 We leverage synergy\n"
                )
            ],
        )
    )
    await asyncio.wait_for(
        client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), 30
    )
    moved = client.diagnostics[uri]
    assert [(d.code, span(d), d.message) for d in moved] == [
        ("t.terms.leverage", (2, 6, 2, 14), "Avoid 'leverage'; use 'use'."),
        ("t.terms.synergy", (2, 15, 2, 22), "Avoid 'synergy'; use 'teamwork'."),
    ]
    assert moved[0].code_description.href == "https://brand.example/terms#leverage"
    assert moved[0].data == {"rule": "t.terms.leverage", "replacements": ["use"], "fixable": True}


def test_kept_diagnostics_moved_read_as_diagnostics_made_afresh(folder: Path):
    codec = PositionCodec(types.PositionEncodingKind.Utf16)
    converter = default_converter()
    converted = Converted(codec, converter.unstructure)
    workspace = Workspace(Settings())
    path = str(folder / "post.md")
    before = "🎉 We leverage synergy.\n\nNo synergy here.\n"
    after = "# Notes\n\n🎉 We leverage synergy.\n\nNo synergy here, none.\n"
    first = converted.shown(workspace.lint_text(before, path), source_lines(before))
    # sent once: the moved ones below carry their JSON moved too
    assert [(s.json["code"], s.json["range"]["start"]) for s in first] == [
        ("t.terms.leverage", {"line": 0, "character": 6}),
        ("t.terms.synergy", {"line": 0, "character": 15}),
        ("t.terms.synergy", {"line": 2, "character": 3}),
    ]
    alerts = workspace.lint_text(after, path)
    lines = source_lines(after)
    shown = converted.shown(alerts, lines)
    fresh = [alert_diagnostic(a, lines, codec) for a in alerts]
    assert [span(d) for d in fresh] == [(2, 6, 2, 14), (2, 15, 2, 22), (4, 3, 4, 10)]
    assert [s.diagnostic for s in shown] == fresh
    assert [s.json for s in shown] == [converter.unstructure(d) for d in fresh]


async def test_guide_errors_show_in_the_guide_at_their_place(client: LanguageClient, folder: Path):
    uri = (folder / "brandlint.yaml").as_uri()
    broken = GUIDE.replace("    case: exact", "    caes: exact")
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri=uri, language_id="yaml", version=1, text=broken
            )
        )
    )
    await asyncio.wait_for(
        client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), 30
    )
    (diagnostic,) = client.diagnostics[uri]
    assert diagnostic.message == "unknown key 'caes' in terms[3]; did you mean 'case'?"
    assert (diagnostic.range.start.line, diagnostic.range.start.character) == (9, 4)
    assert diagnostic.severity == types.DiagnosticSeverity.Error


async def test_pull_diagnostics_and_utf32_when_the_client_prefers_it(
    pull_client: LanguageClient, folder: Path
):
    uri = (folder / "pull.md").as_uri()
    pull_client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri=uri, language_id="markdown", version=1, text="🎉 We leverage synergy\n"
            )
        )
    )
    report = await pull_client.text_document_diagnostic_async(
        types.DocumentDiagnosticParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )
    assert [(d.code, span(d)) for d in report.items] == [
        ("t.terms.leverage", (0, 5, 0, 13)),
        ("t.terms.synergy", (0, 14, 0, 21)),
    ]
    workspace = await pull_client.workspace_diagnostic_async(
        types.WorkspaceDiagnosticParams(previous_result_ids=[])
    )
    assert [(item.uri, len(item.items)) for item in workspace.items] == [(uri, 2)]


async def wait_for(client: LanguageClient, uri: str, predicate, timeout: float = 60) -> None:
    """Wait until `uri`'s diagnostics satisfy `predicate`. It looks again at least once a
    second: a notification that lands before the wait for it is set up is not missed."""
    deadline = asyncio.get_running_loop().time() + timeout
    while not (uri in client.diagnostics and predicate(list(client.diagnostics[uri]))):
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"diagnostics of {uri}: {client.diagnostics.get(uri)}")
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(
                client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), 1
            )


async def test_saving_the_guide_reloads_it_and_relints_open_documents(
    client: LanguageClient, folder: Path
):
    uri, diagnostics = await open_and_wait(client, folder / "reload.md", "We leverage synergy.\n")
    assert [d.code for d in diagnostics] == ["t.terms.leverage", "t.terms.synergy"]
    guide = folder / "brandlint.yaml"
    guide.write_text(GUIDE.replace("  - avoid: [synergy]\n    suggest: [teamwork]\n", ""))
    client.text_document_did_save(
        types.DidSaveTextDocumentParams(
            text_document=types.TextDocumentIdentifier(uri=guide.as_uri())
        )
    )
    await wait_for(client, uri, lambda found: [d.code for d in found] == ["t.terms.leverage"])


async def test_a_broken_guide_keeps_the_last_good_one_and_shows_its_errors(
    client: LanguageClient, folder: Path
):
    uri, _ = await open_and_wait(client, folder / "broken.md", "We leverage synergy.\n")
    guide = folder / "brandlint.yaml"
    guide.write_text(GUIDE + "terms_typo: 1\n")
    client.text_document_did_save(
        types.DidSaveTextDocumentParams(
            text_document=types.TextDocumentIdentifier(uri=guide.as_uri())
        )
    )
    await wait_for(client, guide.as_uri(), lambda found: len(found) == 1)
    (problem,) = client.diagnostics[guide.as_uri()]
    assert problem.message.startswith("unknown key 'terms_typo' in the guide")
    await wait_for(
        client,
        uri,
        lambda found: [d.code for d in found] == ["t.terms.leverage", "t.terms.synergy"],
    )


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER))
async def configured_client(lsp_client: LanguageClient, folder: Path):
    lsp_client.set_configuration({"minLevel": "error"}, section="brandlint")
    await start_session(lsp_client, folder, {"debounce": 0}, capabilities(configuration=True))
    yield
    await lsp_client.shutdown_session()


async def test_settings_from_workspace_configuration(
    configured_client: LanguageClient, folder: Path
):
    uri, _ = await open_and_wait(
        configured_client, folder / "levels.md", "We leverage Kestrel cloud.\n"
    )
    # the first result may predate the configuration reply; the settled one hides warnings
    await wait_for(
        configured_client, uri, lambda found: [d.code for d in found] == ["t.terms.kestrel-cloud"]
    )


async def test_css_and_html_show_palette_alerts_with_snap_quick_fixes(
    client: LanguageClient, folder: Path
):
    brand = folder / "brand"  # its own guide, nearest to the files below
    brand.mkdir()
    guide = GUIDE + 'assets:\n  palette: {Kestrel Blue: "#0B5FFF", Ink: "#101820"}\n'
    (brand / "brandlint.yaml").write_text(guide, encoding="utf-8")
    sheet = "/* 🎨 brand */ a { color: rgb(10, 94, 255); background: tomato }\n"
    uri, diagnostics = await open_and_wait(client, folder / "brand/site.css", sheet, "css")
    assert [(d.code, span(d), d.severity) for d in diagnostics] == [
        ("t.palette", (0, 26, 0, 42), types.DiagnosticSeverity.Warning),  # 🎨 is 2 units
        ("t.palette", (0, 56, 0, 62), types.DiagnosticSeverity.Error),
    ]
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=diagnostics[0].range,
            context=types.CodeActionContext(diagnostics=[diagnostics[0]]),
        )
    )
    assert [a.title for a in actions][:2] == [
        "Replace with 'rgb(11, 95, 255)' (t.palette)",
        "Disable t.palette on this line",
    ]
    assert apply(sheet, actions[0].edit.changes[uri]) == (
        "/* 🎨 brand */ a { color: rgb(11, 95, 255); background: tomato }\n"
    )
    assert apply(sheet, actions[1].edit.changes[uri]) == (
        "/* brandlint-disable-next-line t.palette */\n" + sheet
    )
    page = '<p style="color: #0B5FFE">🎉 We leverage it.</p>\n'
    uri, diagnostics = await open_and_wait(client, folder / "brand/mail.html", page, "html")
    assert [(d.code, span(d), d.data["replacements"]) for d in diagnostics] == [
        ("t.palette", (0, 17, 0, 24), ["#0B5FFF"]),
        ("t.terms.leverage", (0, 32, 0, 40), ["use"]),
    ]


async def test_files_that_are_not_copy_are_left_alone(client: LanguageClient, folder: Path):
    config = (folder / "config.yaml").as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri=config, language_id="yaml", version=1, text="note: We leverage synergy\n"
            )
        )
    )
    _, diagnostics = await open_and_wait(client, folder / "after.md", "We leverage it.\n")
    assert [d.code for d in diagnostics] == ["t.terms.leverage"]
    assert config not in client.diagnostics  # linted first, had it been linted at all
