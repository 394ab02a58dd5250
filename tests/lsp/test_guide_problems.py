"""Problems of the guide in force, shown where they are: rule-file warnings and guide errors
arrive as diagnostics on those files, and go away when a reload fixes them."""

from __future__ import annotations

import asyncio
import contextlib
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

SERVER = [sys.executable, "-m", "brandlint.lsp"]
GUIDE = "name: t\nextends: [styles]\n"
RULE = """\
extends: existence
message: "Avoid '%s'."
level: warning
tokens: [foo]
frobnicate: 3
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A guide that extends a folder of Vale-format rule files, one with a key that
    existence rules do not have."""
    (tmp_path / "brandlint.yaml").write_text(GUIDE, encoding="utf-8")
    (tmp_path / "styles" / "Acme").mkdir(parents=True)
    (tmp_path / "styles" / "Acme" / "Foo.yml").write_text(RULE, encoding="utf-8")
    return tmp_path


@pytest.fixture
def broken(folder: Path) -> Path:
    """The folder, its guide with a key guides do not have from before the server starts
    (the server loads the guide as it starts; a change after that comes with a save)."""
    (folder / "brandlint.yaml").write_text(GUIDE + "terms_typo: 1\n", encoding="utf-8")
    return folder


async def initialize(client: LanguageClient, folder: Path) -> None:
    await client.initialize_session(
        types.InitializeParams(
            capabilities=types.ClientCapabilities(),
            root_uri=folder.as_uri(),
            initialization_options={"debounce": 0},
        )
    )


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER))
async def client(lsp_client: LanguageClient, folder: Path):
    await initialize(lsp_client, folder)
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER))
async def broken_client(lsp_client: LanguageClient, broken: Path):
    await initialize(lsp_client, broken)
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


def save(client: LanguageClient, path: Path) -> None:
    client.text_document_did_save(
        types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(path.as_uri()))
    )


async def wait_for(
    client: LanguageClient,
    uri: str,
    predicate: Callable[[list[types.Diagnostic]], bool],
    timeout: float = 60,
) -> list[types.Diagnostic]:
    """Wait until `uri`'s diagnostics satisfy `predicate`. It looks again at least once a
    second: a notification that lands before the wait for it is set up is not missed."""
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        found = list(client.diagnostics.get(uri, []))
        if uri in client.diagnostics and predicate(found):
            return found
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"diagnostics of {uri}: {client.diagnostics.get(uri)}")
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(
                client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), 1
            )


async def test_a_rule_file_warning_shows_on_the_rule_file(client: LanguageClient, folder: Path):
    rule = folder / "styles" / "Acme" / "Foo.yml"
    document = open_document(client, folder / "post.md", "Some foo here.\n")
    (warning,) = await wait_for(client, rule.as_uri(), lambda found: len(found) == 1)
    assert warning.severity == types.DiagnosticSeverity.Warning
    assert warning.source == "brandlint"
    assert "frobnicate" in warning.message
    assert (warning.range.start.line, warning.range.start.character) == (4, 0)

    rule.write_text(RULE.replace("frobnicate: 3\n", ""), encoding="utf-8")
    save(client, rule)
    await wait_for(client, rule.as_uri(), lambda found: found == [])
    # the guide in force is the reloaded one: the rule reports in the open document
    await wait_for(client, document, lambda found: [d.code for d in found] == ["Acme.Foo"])


async def test_a_guide_that_does_not_load_shows_its_errors_and_says_so(
    broken_client: LanguageClient, broken: Path
):
    client, folder = broken_client, broken
    guide = folder / "brandlint.yaml"
    open_document(client, folder / "post.md", "Some foo here.\n")
    found = await wait_for(client, guide.as_uri(), lambda found: len(found) == 1)
    (error,) = found
    assert error.severity == types.DiagnosticSeverity.Error
    assert error.message.startswith("unknown key 'terms_typo' in the guide")
    assert error.range.start.line == 2
    assert any(
        m.type == types.MessageType.Error and "has errors" in m.message for m in client.messages
    )
    # the rule file's warning is still reported alongside (in its own notification)
    rule = folder / "styles" / "Acme" / "Foo.yml"
    found = await wait_for(client, rule.as_uri(), lambda found: len(found) == 1)
    assert "frobnicate" in found[0].message

    guide.write_text(GUIDE, encoding="utf-8")
    save(client, guide)
    await wait_for(client, guide.as_uri(), lambda found: found == [])
