"""`brandlint lsp --keep-warm`: the first session is served as always and leaves a warm
server behind; later sessions are handed to it, with the same diagnostics, their own
environment, and their exit code and signals passed through the process the editor
started. A folder others may enter is never used; deleting the socket stops the keeper."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import struct
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from brandlint.lsp import warm

from tests.lsp.raw import RawServer
from tests.lsp.test_server import GUIDE

COMMAND = [sys.executable, "-m", "brandlint.lsp", "--keep-warm", "2"]
COPY = "We leverage synergy at kestrel cloud.\n"
HANDED_OVER = "served by the warm server, process "
# the diagnostics of COPY under the test guide: (rule, line, character)
EXPECTED = [
    ("t.terms.kestrel-cloud", 0, 23),
    ("t.terms.leverage", 0, 3),
    ("t.terms.synergy", 0, 12),
]


@pytest.fixture
def runtime() -> Iterator[Path]:
    """A short runtime folder (a socket's path has 107 bytes); the keeper it gets is
    stopped after the test."""
    folder = Path(tempfile.mkdtemp(prefix="bl-", dir="/tmp"))
    folder.chmod(0o700)
    yield folder
    for lock in (folder / "brandlint").glob("*.lock"):
        pid = warm.running_keeper(lock.with_suffix(".sock"))
        if pid is not None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    (tmp_path / "brandlint.yaml").write_text(GUIDE, encoding="utf-8")
    (tmp_path / "page.md").write_text(COPY, encoding="utf-8")
    return tmp_path


def socket_folder(runtime: Path, mode: int) -> Path:
    """The folder of the keeper's socket, made before the server makes it, with `mode`."""
    folder = runtime / "brandlint"
    folder.mkdir()
    folder.chmod(mode)
    return folder


def environment(runtime: Path, cache: Path) -> dict[str, str]:
    return {**os.environ, "XDG_RUNTIME_DIR": str(runtime), "XDG_CACHE_HOME": str(cache)}


def session(
    folder: Path, env: dict[str, str], command: list[str] = COMMAND
) -> tuple[list[tuple[Any, ...]], str, int]:
    """One editor session: the diagnostics of page.md, the server's stderr, its exit code."""
    server = RawServer(folder, command, env)
    try:
        server.initialize(folder)
        uri = (folder / "page.md").as_uri()
        document = {"uri": uri, "languageId": "markdown", "version": 1, "text": COPY}
        server.notify("textDocument/didOpen", {"textDocument": document})
        while True:
            message = server.next(60)
            published = message.get("method") == "textDocument/publishDiagnostics"
            if published and message["params"]["uri"] == uri:
                break
        found = [
            (d["code"], d["range"]["start"]["line"], d["range"]["start"]["character"])
            for d in message["params"]["diagnostics"]
        ]
    finally:
        code = server.close()
    time.sleep(0.2)  # the stderr reader's last line
    return sorted(found), server.stderr.decode(errors="replace"), code


def wait_until(condition, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def warm_socket(runtime: Path) -> Path:
    """The keeper's socket, once it is warm and listening (it binds after its warm-up)."""
    folder = runtime / "brandlint"
    wait_until(lambda: any(warm.listening(p) for p in folder.glob("*.sock")), 90)
    (path,) = folder.glob("*.sock")
    return path


def keeper_pid(runtime: Path) -> int:
    (lock,) = (runtime / "brandlint").glob("*.lock")
    path = lock.with_suffix(".sock")
    wait_until(lambda: warm.running_keeper(path) is not None)
    pid = warm.running_keeper(path)
    assert pid is not None
    return pid


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


LINUX = pytest.mark.skipif(not warm.supported(), reason="--keep-warm is Linux only")


@LINUX
def test_a_later_session_is_served_warm_with_the_same_diagnostics(
    runtime: Path, workspace: Path, tmp_path: Path
) -> None:
    # a socket left by a keeper that died: connecting is refused, and a new keeper takes it
    folder = socket_folder(runtime, 0o700)
    stale = socket.socket(socket.AF_UNIX)
    stale.bind(str(warm.address(folder)))
    stale.close()

    first, first_err, first_code = session(workspace, environment(runtime, tmp_path / "c1"))
    assert HANDED_OVER not in first_err
    pid = keeper_pid(runtime)
    assert warm_socket(runtime) == warm.address(folder)
    assert alive(pid)

    second, second_err, second_code = session(workspace, environment(runtime, tmp_path / "c2"))
    assert HANDED_OVER in second_err
    assert second == first == EXPECTED
    assert (first_code, second_code) == (0, 0)
    # the session took its own environment: its guide was cached under its own cache folder
    assert list((tmp_path / "c2" / "brandlint" / "guides").glob("*.pickle"))
    assert alive(pid)  # the keeper stays for the next session


@LINUX
def test_signals_reach_the_warm_session_and_its_end_ends_the_stand_in(
    runtime: Path, workspace: Path, tmp_path: Path
) -> None:
    env = environment(runtime, tmp_path / "cache")
    session(workspace, env)  # cold: starts the keeper
    warm_socket(runtime)
    umask = os.umask(0o027)  # the stand-in's, which the session takes with its folder
    try:
        server = RawServer(workspace, COMMAND, env)
    finally:
        os.umask(umask)
    server.initialize(workspace)
    wait_until(lambda: HANDED_OVER in server.stderr.decode())
    child = int(server.stderr.decode().split(HANDED_OVER)[1].split()[0])
    assert alive(child) and child != server.process.pid
    assert "Umask:\t0027" in Path(f"/proc/{child}/status").read_text()
    assert Path(f"/proc/{child}/cwd").resolve() == workspace.resolve()
    server.process.send_signal(signal.SIGTERM)
    assert server.process.wait(timeout=20) == 1  # the session ended without `exit`
    wait_until(lambda: not alive(child), 20)


@LINUX
def test_a_new_keeper_starts_while_a_session_of_the_old_one_lives_on(
    runtime: Path, workspace: Path, tmp_path: Path
) -> None:
    env = environment(runtime, tmp_path / "cache")
    session(workspace, env)
    path = warm_socket(runtime)
    old = keeper_pid(runtime)
    lasting = RawServer(workspace, COMMAND, env)  # handed to the keeper, left open
    try:
        lasting.initialize(workspace)
        wait_until(lambda: HANDED_OVER in lasting.stderr.decode())
        os.kill(old, signal.SIGTERM)
        wait_until(lambda: not alive(old))
        found, err, _ = session(workspace, env)  # cold: starts a keeper again
        assert HANDED_OVER not in err and found == EXPECTED
        assert warm_socket(runtime) == path
        assert keeper_pid(runtime) != old
    finally:
        lasting.close()


@LINUX
def test_a_folder_others_may_enter_is_not_used(
    runtime: Path, workspace: Path, tmp_path: Path
) -> None:
    shared = socket_folder(runtime, 0o777)
    command = [sys.executable, "-m", "brandlint", "lsp", "--keep-warm"]  # as editors start it
    found, err, code = session(workspace, environment(runtime, tmp_path / "cache"), command)
    assert f"{shared}: not used for the warm server's socket, as others may enter it" in err
    assert found == EXPECTED
    assert code == 0
    assert list(shared.iterdir()) == []


@LINUX
@pytest.mark.parametrize("stop", ["delete its socket", "SIGTERM", "SIGTERM while warming"])
def test_the_keeper_leaves_when_its_socket_is_deleted_or_on_sigterm(
    runtime: Path, workspace: Path, tmp_path: Path, stop: str
) -> None:
    session(workspace, environment(runtime, tmp_path / "cache"))
    pid = keeper_pid(runtime)
    if stop == "SIGTERM while warming":  # bound at once, listening only once warm
        path = warm.address(runtime / "brandlint")
        wait_until(path.exists)
        assert not warm.listening(path)
    else:
        path = warm_socket(runtime)
    if stop.startswith("SIGTERM"):
        os.kill(pid, signal.SIGTERM)
    else:
        path.unlink()
    wait_until(lambda: not alive(pid), warm.WAKE + 30)
    assert not path.exists()  # a keeper stopped with SIGTERM takes its socket along
    assert warm.running_keeper(path) is None


def request(connection: socket.socket, body: bytes, fds: list[int]) -> None:
    socket.send_fds(connection, [struct.pack("!I", len(body)) + body], fds)


def test_a_request_is_taken_only_whole() -> None:
    """The keeper forks a session only for a request with its three descriptors, a folder
    and an environment."""
    whole = {"cwd": "/", "env": {"A": "1"}, "umask": 0o22}
    good = json.dumps(whole).encode()
    cases = [
        (good, 3, whole),
        (json.dumps({**whole, "umask": "022"}).encode(), 3, None),
        (good, 2, None),
        (b'{"cwd": "/"}', 3, None),
        (b"not json", 3, None),
    ]
    huge = struct.pack("!I", warm.MAX_REQUEST + 1) + good
    ours, theirs = socket.socketpair(socket.AF_UNIX)
    with ours, theirs, open(os.devnull) as null:
        socket.send_fds(ours, [huge], [null.fileno()] * 3)
        got, fds = warm._request(theirs)
        assert got is None and len(fds) == 3  # handed back, for the keeper to close
        for fd in fds:
            os.close(fd)
    for body, count, expected in cases:
        ours, theirs = socket.socketpair(socket.AF_UNIX)
        with ours, theirs, open(os.devnull) as null:
            request(ours, body, [null.fileno()] * count)
            got, fds = warm._request(theirs)
            for fd in fds:
                os.close(fd)
        assert got == expected


def test_where_it_cannot_keep_warm_it_says_so(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(warm, "supported", lambda: False)
    assert warm.hand_over(30) is None
    assert capsys.readouterr().err == (
        "brandlint lsp: --keep-warm needs Linux; this session starts cold\n"
    )


def test_over_tcp_it_says_the_session_starts_cold(capsys: pytest.CaptureFixture[str]) -> None:
    from brandlint.lsp.start import _kept_warm

    assert _kept_warm(30, "127.0.0.1:2087") is None
    assert capsys.readouterr().err == (
        "brandlint lsp: --keep-warm serves stdio only; this session starts cold\n"
    )
    assert _kept_warm(None, None) is None  # no --keep-warm: nothing to say
    assert capsys.readouterr().err == ""


def test_a_package_installed_beside_it_names_another_keeper(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    packages = tmp_path / "lib" / "site-packages"
    packages.mkdir(parents=True)
    monkeypatch.setattr(sys, "path", [*sys.path, str(packages)])
    os.utime(packages, ns=(1_000_000_000, 1_000_000_000))
    before = warm.address(tmp_path)
    assert warm.address(tmp_path) == before
    (packages / "spacy-9.9.dist-info").mkdir()  # what `pip install` does to the folder
    os.utime(packages, ns=(2_000_000_000, 2_000_000_000))
    assert warm.address(tmp_path) != before


@pytest.mark.parametrize("minutes", ["0", "-5", "soon", "inf", "nan"])
def test_minutes_that_are_no_time_are_a_usage_error(minutes: str) -> None:
    import subprocess

    done = subprocess.run(
        [sys.executable, "-m", "brandlint", "lsp", "--keep-warm", minutes],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 2
    assert done.stderr.splitlines()[-1] == (
        f"brandlint lsp: error: argument --keep-warm: {minutes!r} is not a number of minutes over 0"
    )
