"""The server lints with a `.vale.ini` as `brandlint check` does, and reloads it, its rule
files and its vocabularies when they change (end to end over stdio, with pytest-lsp)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient
from pytest_lsp.client import make_test_lsp_client

from tests.lsp.test_server import SERVER, capabilities, open_and_wait, span, wait_for

INI = """\
StylesPath = styles
MinAlertLevel = suggestion
Vocab = Brand

[*]
BasedOnStyles = Acme
Vale.Terms = YES
Vale.Avoid = YES
"""
WEASEL = """\
extends: existence
message: "Avoid '%s'."
level: warning
tokens:
  - very
"""
COPY = "Kestrel is very fast. We sync with kestrel daily.\n"


def write_project(root: Path, ini_name: str = ".vale.ini") -> Path:
    """A Vale project: one style (Acme.Weasel) and a vocabulary accepting 'Kestrel'."""
    (root / "styles" / "Acme").mkdir(parents=True)
    (root / "styles" / "Acme" / "Weasel.yml").write_text(WEASEL, encoding="utf-8")
    vocab = root / "styles" / "config" / "vocabularies" / "Brand"
    vocab.mkdir(parents=True)
    (vocab / "accept.txt").write_text("Kestrel\n", encoding="utf-8")
    ini = root / ini_name
    ini.write_text(INI, encoding="utf-8")
    return ini


def shown(diagnostics: list[types.Diagnostic]) -> list[tuple[object, ...]]:
    return [(d.code, span(d), d.severity, d.message) for d in diagnostics]


WEASEL_ALERT = ("Acme.Weasel", (0, 11, 0, 15), types.DiagnosticSeverity.Warning, "Avoid 'very'.")
TERMS_ALERT = (
    "Vale.Terms",
    (0, 35, 0, 42),
    types.DiagnosticSeverity.Error,
    "Use 'Kestrel' instead of 'kestrel'.",
)
AVOID_ALERT = ("Vale.Avoid", (0, 43, 0, 48), types.DiagnosticSeverity.Error, "Avoid using 'daily'.")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    write_project(tmp_path)
    return tmp_path


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER))
async def watching_client(lsp_client: LanguageClient, project: Path):
    """A client that watches files for the server, as VS Code does."""
    registrations: list[types.Registration] = []

    @lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params: types.RegistrationParams) -> None:
        registrations.extend(params.registrations)

    caps = capabilities()
    caps.workspace = types.WorkspaceClientCapabilities(
        did_change_watched_files=types.DidChangeWatchedFilesClientCapabilities(
            dynamic_registration=True
        )
    )
    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=caps, root_uri=project.as_uri(), initialization_options={"debounce": 0}
        )
    )
    lsp_client.registrations = registrations  # type: ignore[attr-defined]
    yield
    await lsp_client.shutdown_session()


async def test_a_document_under_a_vale_ini_gets_the_projects_alerts(
    watching_client: LanguageClient, project: Path
):
    _, diagnostics = await open_and_wait(watching_client, project / "docs.md", COPY)
    assert shown(diagnostics) == [WEASEL_ALERT, TERMS_ALERT]


async def test_the_server_asks_the_client_to_watch_vale_files(
    watching_client: LanguageClient, project: Path
):
    await open_and_wait(watching_client, project / "watch.md", COPY)
    (registration,) = watching_client.registrations  # type: ignore[attr-defined]
    assert registration.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES
    globs = [w["globPattern"] for w in registration.register_options["watchers"]]
    assert globs == [
        "**/{brandlint.yaml,.brandlint.yaml,brandlint.yml,.brandlint.yml,"
        ".vale,_vale,vale.ini,.vale.ini,_vale.ini}",
        "**/*.yml",
        "**/*.ini",
        "**/{accept.txt,reject.txt}",
    ]


async def test_saving_the_ini_and_a_changed_vocabulary_reload_the_project(
    watching_client: LanguageClient, project: Path
):
    uri, diagnostics = await open_and_wait(watching_client, project / "edit.md", COPY)
    assert shown(diagnostics) == [WEASEL_ALERT, TERMS_ALERT]

    ini = project / ".vale.ini"
    ini.write_text(INI + "Acme.Weasel = NO\n", encoding="utf-8")
    watching_client.text_document_did_save(
        types.DidSaveTextDocumentParams(
            text_document=types.TextDocumentIdentifier(uri=ini.as_uri())
        )
    )
    await wait_for(watching_client, uri, lambda found: shown(found) == [TERMS_ALERT])

    reject = project / "styles" / "config" / "vocabularies" / "Brand" / "reject.txt"
    reject.write_text("daily\n", encoding="utf-8")
    watching_client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            changes=[types.FileEvent(uri=reject.as_uri(), type=types.FileChangeType.Created)]
        )
    )
    await wait_for(watching_client, uri, lambda found: shown(found) == [TERMS_ALERT, AVOID_ALERT])


async def test_saving_a_style_rule_file_reloads_it(watching_client: LanguageClient, project: Path):
    uri, _ = await open_and_wait(watching_client, project / "rule.md", COPY)
    rule = project / "styles" / "Acme" / "Weasel.yml"
    rule.write_text(WEASEL.replace("level: warning", "level: error"), encoding="utf-8")
    watching_client.text_document_did_save(
        types.DidSaveTextDocumentParams(
            text_document=types.TextDocumentIdentifier(uri=rule.as_uri())
        )
    )
    error_weasel = (*WEASEL_ALERT[:2], types.DiagnosticSeverity.Error, WEASEL_ALERT[3])
    await wait_for(watching_client, uri, lambda found: shown(found) == [error_weasel, TERMS_ALERT])


async def test_an_open_ini_shows_its_problems_at_their_place(
    watching_client: LanguageClient, project: Path
):
    ini = project / ".vale.ini"
    watching_client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri=ini.as_uri(), language_id="ini", version=1, text=INI + "BasedOnStyles Acme\n"
            )
        )
    )
    await wait_for(watching_client, ini.as_uri(), lambda found: len(found) == 1)
    (problem,) = watching_client.diagnostics[ini.as_uri()]
    assert (span(problem), problem.severity, problem.message) == (
        (8, 0, 8, 18),
        types.DiagnosticSeverity.Error,
        "not a 'key = value' line, a [section] or a comment: BasedOnStyles Acme",
    )


# -- a configuration named by the editor or the environment ---------------------------------
@pytest.fixture
def elsewhere(tmp_path: Path) -> Path:
    """A Vale project whose ini is not above the documents: `ci/vale.ini`."""
    (tmp_path / "ci").mkdir()
    write_project(tmp_path / "ci", "vale.ini")
    (tmp_path / "docs").mkdir()
    return tmp_path


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER))
async def vale_config_client(lsp_client: LanguageClient, elsewhere: Path):
    options = {"debounce": 0, "valeConfig": str(elsewhere / "ci" / "vale.ini")}
    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=capabilities(),
            root_uri=elsewhere.as_uri(),
            initialization_options=options,
        )
    )
    yield
    await lsp_client.shutdown_session()


async def test_the_vale_config_setting_names_the_ini_for_every_document(
    vale_config_client: LanguageClient, elsewhere: Path
):
    _, diagnostics = await open_and_wait(vale_config_client, elsewhere / "docs" / "a.md", COPY)
    assert shown(diagnostics) == [WEASEL_ALERT, TERMS_ALERT]


async def test_vale_config_path_in_the_environment_names_the_ini(elsewhere: Path):
    """The server's own client, to start it with VALE_CONFIG_PATH pointing into the test's
    folder (pytest-lsp's fixtures fix the environment before the folder exists)."""
    client = make_test_lsp_client()
    ini = elsewhere / "ci" / "vale.ini"
    await client.start_io(*SERVER, env={**os.environ, "VALE_CONFIG_PATH": str(ini)})
    try:
        await client.initialize_session(
            types.InitializeParams(
                capabilities=capabilities(),
                root_uri=elsewhere.as_uri(),
                initialization_options={"debounce": 0},
            )
        )
        _, diagnostics = await open_and_wait(client, elsewhere / "docs" / "b.md", COPY)
        assert shown(diagnostics) == [WEASEL_ALERT, TERMS_ALERT]
        await client.shutdown_session()
    finally:
        await client.stop()


# -- Vale drop-in mode (the setting valeCompat, as `--vale-compat`) ---------------------------
HYPE = """\
extends: existence
message: "Drop '%s'."
level: warning
ignorecase: true
tokens:
  - very fast
"""
# 🎉 is two UTF-16 units: each column after it is one more than its code point's
LAUNCH = "# Launch notes\n\nOur café app 🎉 is *very* fast, and very fast again.\n"
# brandlint's own positions: the first match on the words themselves, across the emphasis
EXACT_HYPE = [
    ("Acme.Hype", (2, 20, 2, 30), types.DiagnosticSeverity.Warning, "Drop 'very fast'."),
    ("Acme.Hype", (2, 36, 2, 45), types.DiagnosticSeverity.Warning, "Drop 'very fast'."),
]
# Vale's: a match that is not in the source as written spans its whole line
VALE_HYPE = [
    ("Acme.Hype", (2, 0, 2, 52), types.DiagnosticSeverity.Warning, "Drop 'very fast'."),
    ("Acme.Hype", (2, 36, 2, 45), types.DiagnosticSeverity.Warning, "Drop 'very fast'."),
]


@pytest.fixture
def hype_project(tmp_path: Path) -> Path:
    """A Vale project with one style, Acme, whose one rule flags 'very fast'."""
    (tmp_path / "styles" / "Acme").mkdir(parents=True)
    (tmp_path / "styles" / "Acme" / "Hype.yml").write_text(HYPE, encoding="utf-8")
    ini = "StylesPath = styles\nMinAlertLevel = suggestion\n\n[*]\nBasedOnStyles = Acme\n"
    (tmp_path / ".vale.ini").write_text(ini, encoding="utf-8")
    return tmp_path


async def start(client: LanguageClient, root: Path, **options: object) -> None:
    await client.initialize_session(
        types.InitializeParams(
            capabilities=capabilities(),
            root_uri=root.as_uri(),
            initialization_options={"debounce": 0, **options},
        )
    )


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER))
async def plain_client(lsp_client: LanguageClient):
    yield
    await lsp_client.shutdown_session()


async def test_the_vale_compat_setting_puts_alerts_where_vale_does(
    plain_client: LanguageClient, hype_project: Path
):
    await start(plain_client, hype_project, valeCompat=True)
    _, diagnostics = await open_and_wait(plain_client, hype_project / "launch.md", LAUNCH)
    assert shown(diagnostics) == VALE_HYPE


async def test_without_vale_compat_alerts_stay_on_their_words(
    plain_client: LanguageClient, hype_project: Path
):
    await start(plain_client, hype_project)
    _, diagnostics = await open_and_wait(plain_client, hype_project / "launch.md", LAUNCH)
    assert shown(diagnostics) == EXACT_HYPE


async def test_vale_compat_changed_after_the_first_diagnostics_relints_with_it(
    plain_client: LanguageClient, hype_project: Path
):
    await start(plain_client, hype_project)
    uri, diagnostics = await open_and_wait(plain_client, hype_project / "later.md", LAUNCH)
    assert shown(diagnostics) == EXACT_HYPE
    plain_client.workspace_did_change_configuration(
        types.DidChangeConfigurationParams(settings={"brandlint": {"valeCompat": True}})
    )
    await wait_for(plain_client, uri, lambda found: shown(found) == VALE_HYPE)
    plain_client.workspace_did_change_configuration(
        types.DidChangeConfigurationParams(settings={"brandlint": {"valeCompat": False}})
    )
    await wait_for(plain_client, uri, lambda found: shown(found) == EXACT_HYPE)


async def test_vale_compat_without_a_configuration_says_so_on_the_document(
    plain_client: LanguageClient, tmp_path: Path
):
    await start(plain_client, tmp_path, valeCompat=True)
    _, diagnostics = await open_and_wait(plain_client, tmp_path / "notes.md", LAUNCH)
    (notice,) = diagnostics
    assert (notice.code, span(notice), notice.severity, notice.message) == (
        "brandlint.no-configuration",
        (0, 0, 0, 0),
        types.DiagnosticSeverity.Warning,
        f"E100 [.vale.ini not found] {tmp_path.resolve()}: no .vale.ini, _vale.ini or "
        "vale.ini here or above; give --vale-config PATH, or drop --vale-compat to lint with "
        "the bundled guide (in the editor: the settings valeConfig and valeCompat)",
    )
