"""Starting the server: the `initialize` already waiting on stdin is read without waiting,
handed to the lint worker started first, and read again by the server, whole; the server
process never loads spaCy and the worker nothing of pygls."""

from __future__ import annotations

import asyncio
import contextlib
import io
import json
import os
import pickle
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import pytest_lsp
from brandlint.lsp.framing import (
    FramedInput,
    MessageOutput,
    frame,
    initialize_params,
    waiting_input,
)
from brandlint.lsp.start import _folder
from hypothesis import given
from hypothesis import strategies as st
from pytest_lsp import ClientServerConfig, LanguageClient

from tests.lsp.test_server import (
    SERVER,
    capabilities,
    open_and_wait,
    span,
    start_session,
    wait_for,
)

INITIALIZE = {
    "jsonrpc": "2.0",
    "id": 1,
    "method": "initialize",
    "params": {
        "capabilities": {},
        "rootUri": "file:///home/ana/Kestrel%20site",
        "initializationOptions": {"guide": "brand/brandlint.yaml", "valeCompat": True},
    },
}
OPENED = {
    "jsonrpc": "2.0",
    "method": "textDocument/didOpen",
    "params": {"textDocument": {"uri": "file:///home/ana/a.md", "text": "Café 🎉\n"}},
}


@pytest.fixture
def pipe() -> Iterator[tuple[int, int]]:
    read, write = os.pipe()
    yield read, write
    for fd in (read, write):
        with contextlib.suppress(OSError):  # closed by the test
            os.close(fd)


def test_the_waiting_initialize_is_read_and_the_rest_stays_in_the_pipe(
    pipe: tuple[int, int],
) -> None:
    read, write = pipe
    sent = frame(INITIALIZE) + frame(OPENED)
    os.write(write, sent)
    os.close(write)
    got = waiting_input(read)
    assert initialize_params(got) == INITIALIZE["params"]
    assert got + os.read(read, len(sent)) == sent


def test_nothing_waiting_reads_nothing(pipe: tuple[int, int]) -> None:
    assert waiting_input(pipe[0]) == b""


def test_half_a_message_is_read_as_far_as_it_came(pipe: tuple[int, int]) -> None:
    read, write = pipe
    half = frame(INITIALIZE)[:40]
    os.write(write, half)
    got = waiting_input(read)
    assert (got, initialize_params(got)) == (half, None)


def test_a_first_message_that_is_not_initialize_gives_no_params() -> None:
    assert initialize_params(frame(OPENED)) is None
    assert initialize_params(b"Content-Length: 5\r\n\r\n{oops") is None


def test_the_worker_warms_the_first_workspace_folder_decoded() -> None:
    folders = [{"uri": "file:///srv/caf%C3%A9%20docs", "name": "docs"}]
    assert _folder({"workspaceFolders": folders, "rootUri": "file:///elsewhere"}) == (
        "/srv/café docs"
    )
    assert _folder(INITIALIZE["params"]) == "/home/ana/Kestrel site"
    assert _folder({"rootUri": "untitled:Untitled-1"}) is None
    assert _folder({}) is None


messages = st.lists(
    st.dictionaries(st.text(min_size=1, max_size=5), st.text(max_size=20), max_size=3).map(
        lambda params: {"jsonrpc": "2.0", "method": "x/y", "params": params}
    ),
    min_size=1,
    max_size=4,
)


@given(messages, st.data())
def test_input_read_ahead_then_from_the_stream_gives_the_same_messages(
    sent: list[dict[str, object]], data: st.DataObject
) -> None:
    stream = b"".join(frame(message) for message in sent)
    cut = data.draw(st.integers(0, len(stream)))
    framed = FramedInput(io.BytesIO(stream[cut:]), MessageOutput(io.BytesIO()), read=stream[:cut])
    got = []
    while header := framed.readline():
        framed.readline()  # the blank line
        got.append(json.loads(framed.read(int(header.split(b":")[1]))))
    assert got == sent


# -- end to end --------------------------------------------------------------------------------
GUIDE = "name: t\nterms:\n  - avoid: [synergy]\n    suggest: [teamwork]\n"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "brand").mkdir()
    (tmp_path / "brand" / "guide.yaml").write_text(GUIDE, encoding="utf-8")
    return tmp_path


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER))
async def client(lsp_client: LanguageClient, folder: Path):
    await start_session(
        lsp_client, folder, {"debounce": 0, "guide": str(folder / "brand" / "guide.yaml")}
    )
    yield
    await lsp_client.shutdown_session()


def mapped(pid: int) -> str:
    return Path(f"/proc/{pid}/maps").read_text()


@pytest.mark.skipif(not Path("/proc/self/maps").exists(), reason="reads /proc (Linux)")
async def test_the_server_process_never_loads_spacy_its_worker_does(
    client: LanguageClient, folder: Path
):
    _, diagnostics = await open_and_wait(client, folder / "post.md", "🎉 Pure synergy.\n")
    assert [(d.code, span(d)) for d in diagnostics] == [("t.terms.synergy", (0, 8, 0, 15))]
    server = client._server  # pytest-lsp's handle on the process it started
    assert server is not None
    children = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
    (worker,) = (int(pid) for pid in children)
    assert "/spacy/" not in mapped(server.pid)
    assert "/spacy/" in mapped(worker)  # so the check above can fail


def test_the_worker_imports_nothing_of_pygls(folder: Path) -> None:
    """What the worker has: what the server imported before it forked (`start`), and the
    engine warmed up."""
    script = (
        "import sys\n"
        "import brandlint.lsp.start\n"
        "from brandlint.lsp.engine import Engine\n"
        f"engine = Engine.prepared({str(folder)!r}, {{'guide': 'brand/guide.yaml'}})\n"
        "while engine.idle():\n"
        "    pass\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pygls', 'lsprotocol')))\n"
        "print('spacy' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=folder, capture_output=True, text=True, check=True
    )
    assert done.stdout == "[]\nTrue\n"


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER))
async def reconfigured_client(lsp_client: LanguageClient, folder: Path):
    """`initialize` names one guide (the worker warms up with it); the `brandlint` section
    the client gives when asked names another."""
    other = folder / "brand" / "other.yaml"
    other.write_text("name: o\nterms:\n  - avoid: [leverage]\n", encoding="utf-8")
    lsp_client.set_configuration({"guide": str(other)}, section="brandlint")
    options = {"debounce": 0, "guide": str(folder / "brand" / "guide.yaml")}
    await start_session(lsp_client, folder, options, capabilities(configuration=True))
    yield
    await lsp_client.shutdown_session()


async def test_a_guide_named_after_the_warm_up_is_the_one_linted_with(
    reconfigured_client: LanguageClient, folder: Path
):
    uri, _ = await open_and_wait(reconfigured_client, folder / "post.md", "We leverage synergy.\n")
    # the first result may predate the configuration reply; the settled one is the other's
    await wait_for(
        reconfigured_client,
        uri,
        lambda found: [(d.code, span(d)) for d in found] == [("o.terms.leverage", (0, 3, 0, 11))],
    )


class Calls:
    """Stands in for the lint worker: notes the calls made to it."""

    def __init__(self) -> None:
        self.made: list[tuple[str, tuple[object, ...]]] = []

    def adopt(self, factory: object, *args: object) -> None:
        pass

    def configure(self, *args: object) -> None:
        pass

    def call(self, timeout: float, method: str, *args: object) -> None:
        self.made.append((method, args))


def test_initialize_asks_for_no_warm_up_of_the_folder_the_worker_warms_already() -> None:
    from brandlint.lsp.session import Session

    session, calls = Session(), Calls()
    session.adopt(calls, "/home/ana/site")  # type: ignore[arg-type]
    asyncio.run(session.warm("/home/ana/site"))
    assert calls.made == []
    asyncio.run(session.warm("/home/ana/other"))  # a folder `start` did not guess
    assert calls.made == [("warm", ("/home/ana/other",))]


def test_the_server_process_imports_no_engine_even_to_read_its_answers(tmp_path: Path) -> None:
    """The server unpickles what the worker's engine answers (alerts, the guide's state):
    that takes the server's modules only, not the linter's, the workspace's or spaCy."""
    from brandlint.lsp.engine import Engine

    from brandlint.workspace import Settings

    (tmp_path / "brandlint.yaml").write_text("name: t\nterms:\n  - avoid: [synergy]\n")
    answer = Engine(Settings()).lint(str(tmp_path / "post.md"), "Pure synergy.\n", "markdown")
    script = (
        "import pickle, sys\n"
        "import brandlint.lsp.server\n"
        "answer = pickle.loads(sys.stdin.buffer.read())\n"
        "print([(a.rule, a.span.column) for a in answer.alerts])\n"
        "engine = ('brandlint.lsp.engine', 'brandlint.workspace', 'brandlint.linter',\n"
        "          'brandlint.guide.loader', 'spacy')\n"
        "print([m for m in engine if m in sys.modules])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], input=pickle.dumps(answer), capture_output=True, check=True
    )
    assert done.stdout.decode() == "[('t.terms.synergy', 6)]\n[]\n"


def test_the_configuration_initialize_gave_already_leaves_results_standing() -> None:
    """VS Code answers `workspace/configuration` with its `initializationOptions`: the
    documents linted meanwhile are not linted again (`initialized`); other settings are."""
    from brandlint.lsp.session import Session

    session = Session()
    options = {"guide": "brand/guide.yaml", "minLevel": "warning", "debounce": 0}
    session.configure(options)
    linted_under = session.linted_under()
    session.configure(dict(options))
    assert session.linted_under() == linted_under
    session.configure({**options, "minLevel": "error"})
    assert session.linted_under() != linted_under
