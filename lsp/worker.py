"""The lint worker: a child process that runs the engine, so that a call that hangs can be
stopped and the server never stops answering.

pygls reads its input on a thread of its own pool and answers on the event loop, so a lint
on another thread leaves it free, as long as that lint lets go of the GIL. A regular
expression that backtracks does not: it holds the GIL for its whole search and every
thread of its process stops with it. And a Python thread cannot be stopped. So the engine
lives in a child process, started with `spawn` (a fresh interpreter sharing no lock or
thread with the server), and is called through a pipe, one call at a time, each with a
time limit. A call that overruns ends the process (`Overran`); the next call starts a fresh
one. A process that dies, or a call that raises, gives `Failed` with the reason. Between calls,
an object with an `idle()` method is given the time: it is called while no call waits,
until it says it did nothing.

What the engine logs at WARNING or above during a call (a rule that failed) comes back with
the result and is logged again here, so the server shows it to the client.

A spawned child imports the parent's main script again, under another name (a `-m` module
named `__main__` is not), so a script that starts the server with extra rule kinds
registers them at its top level: see tests/lsp/failing_rule_server.py.

A fresh interpreter takes most of a second to import spaCy and load what the rules read,
and the server half as long to import pygls: `early` starts the worker before the server
imports anything heavy, with its factory named as text (imported in the child, not here),
so the two start side by side on two cores; the first call waits for it to be ready. That
first worker is forked where that is safe (Linux, before the process has a second thread:
nothing is shared yet), which saves the new interpreter's start; any later one is spawned.
"""

from __future__ import annotations

import importlib
import logging
import multiprocessing
import os
import signal
import sys
import threading
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import TYPE_CHECKING, Any

from brandlint.core.lifetime import lasting

if TYPE_CHECKING:  # Windows has no ForkContext
    from multiprocessing.context import ForkContext, SpawnContext

log = logging.getLogger(__name__)

STARTUP_LIMIT = 120.0  # seconds a new worker may take to import the engine


class Overran(Exception):
    """A call took longer than its limit; the worker was stopped."""


class Failed(Exception):
    """The call raised in the worker, or the worker died; the message says how."""


# a callable, or the "module:name" of one, imported in the worker only
Factory = Callable[..., Any] | str
# the server's engine, warmed before the server is ready (see `start_engine`)
PREPARED_ENGINE = "brandlint.lsp.engine:Engine.prepared"


class Worker:
    """Calls methods of an object built by `factory(*args)` in a child process. Not
    thread-safe: one thread makes the calls (`stop` may come from any)."""

    def __init__(self, factory: Factory, *args: Any) -> None:
        self._factory = factory
        self._args = args  # what a new worker is built with, and the current one has
        self._sent: tuple[Any, ...] | None = args
        self._process: BaseProcess | None = None
        self._connection: Connection | None = None
        # a worker started by `early`, not yet known to be ready
        self._starting: tuple[BaseProcess, Connection] | None = None
        self._lock = threading.Lock()
        self._closed = False

    @classmethod
    def early(cls, factory: Factory, *args: Any) -> Worker:
        """A worker whose process starts now, built by `factory(*args)`, and from then on
        by `adopt`'s arguments: it is sent them with the first call (`configure`)."""
        worker = cls(factory, *args)
        worker._starting = worker._spawn(factory, args, fork=_can_fork())
        worker._sent = None
        return worker

    def adopt(self, factory: Factory, *args: Any) -> None:
        """Build any later worker with `factory(*args)`; the one started early is
        `configure`d with `args` at the first call."""
        self._factory, self._args = factory, args

    def configure(self, *args: Any) -> None:
        """New arguments: the current worker gets them with the next call, as
        `configure(*args)`; a new one is built with them."""
        self._args = args

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.is_alive()

    def call(self, timeout: float | None, method: str, *args: Any) -> Any:
        """`method(*args)` in the worker, waiting at most `timeout` seconds."""
        connection = self._start()
        wanted = self._args
        # new settings go with the call, in one message: a worker that found no call
        # waiting after a `configure` of its own would start a step of its idle work (up to
        # a fifth of a second) before this one
        told = wanted if wanted != self._sent else None
        value = self._exchange(connection, timeout, method, args, told)
        self._sent = wanted
        return value

    def close(self) -> None:
        """End the worker for good: calls from now on fail."""
        self._closed = True
        self.stop()

    def stop(self) -> None:
        """End the worker (the next call starts another)."""
        with self._lock:
            connection, process = self._connection, self._process
            self._connection = self._process = None
            starting, self._starting = self._starting, None
        if starting is not None:
            process, connection = starting
        if connection is not None:
            connection.close()
        if process is not None:
            process.kill()
            process.join(5)

    def _exchange(
        self,
        connection: Connection,
        timeout: float | None,
        method: str,
        args: tuple[Any, ...],
        settings: tuple[Any, ...] | None,
    ) -> Any:
        try:
            connection.send((method, args, settings))
            if not connection.poll(timeout):
                self.stop()
                raise Overran(f"{method} took over {timeout:g} s; the worker was stopped")
            status, value, records = connection.recv()
        except (EOFError, OSError) as exc:
            self.stop()
            raise Failed(f"the lint worker ended during {method} ({exc!r})") from None
        for level, message in records:
            log.log(level, "%s", message)
        if status != "ok":
            raise Failed(value)
        return value

    def _start(self) -> Connection:
        if self.running and self._connection is not None:
            return self._connection
        starting, self._starting = self._starting, None
        if starting is None:
            self.stop()
        if self._closed:
            if starting is not None:
                starting[0].kill()
            raise Failed("the lint worker was closed: the server is stopping")
        sent = self._sent if starting is not None else self._args
        process, ours = starting or self._spawn(self._factory, self._args)
        try:
            ready = ours.poll(STARTUP_LIMIT)
            status, value, _ = ours.recv() if ready else ("error", "it did not start", [])
        except (EOFError, OSError) as exc:
            status, value = "error", f"it ended while starting ({exc!r})"
        if status != "ready":
            ours.close()
            process.kill()
            process.join(5)
            raise Failed(f"the lint worker could not start: {value}")
        with self._lock:
            self._process, self._connection, self._sent = process, ours, sent
        return ours

    @staticmethod
    def _spawn(
        factory: Factory, args: tuple[Any, ...], fork: bool = False
    ) -> tuple[BaseProcess, Connection]:
        context: SpawnContext | ForkContext = (
            multiprocessing.get_context("fork") if fork else multiprocessing.get_context("spawn")
        )
        ours, theirs = context.Pipe()
        # a forked child has both ends: it closes ours, so that it sees the server go
        target, target_args = (_serve_forked, (theirs, ours)) if fork else (_serve, (theirs,))
        process = context.Process(
            target=target, args=(*target_args, factory, args), name="brandlint-lint", daemon=True
        )
        process.start()
        theirs.close()
        return process, ours


def _can_fork() -> bool:
    """Whether this process may fork its worker: on Linux, while it has one thread, native
    ones included (a lock held by another thread would stay held in the child for ever).
    Elsewhere fork is missing (Windows) or unsafe once system frameworks are loaded (macOS)."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:  # no /proc: no way to know
        return False


def start_engine(folder: str | None = None, options: object = None) -> Worker:
    """The server's lint worker, started before the server imports pygls (`start` calls
    this first): it imports spaCy and warms up on `folder` (else the working folder) under
    the editor's settings `options`, when `initialize` was already waiting, while the server
    starts; it is handed the session's settings with its first call."""
    return Worker.early(PREPARED_ENGINE, folder or os.getcwd(), options)


class Records(logging.Handler):
    """What the engine logs during one call, to send back with its result."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[tuple[int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.levelno, self.format(record)))

    def take(self) -> list[tuple[int, str]]:
        taken, self.records = self.records, []
        return taken


def _built(factory: Factory, args: tuple[Any, ...]) -> Any:
    if not isinstance(factory, str):
        return factory(*args)
    module, _, name = factory.partition(":")
    found: Any = importlib.import_module(module)
    for part in name.split("."):
        found = getattr(found, part)
    return found(*args)


def _serve_forked(
    connection: Connection, servers_end: Connection, factory: Factory, args: tuple[Any, ...]
) -> None:
    servers_end.close()
    _serve(connection, factory, args)


def _serve(connection: Connection, factory: Factory, args: tuple[Any, ...]) -> None:
    """The worker's main loop: build the engine, then answer calls until the pipe closes."""
    # Anything the engine prints goes to stderr: the server's stdout carries the protocol.
    sys.stdout.flush()
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    sys.stdout = sys.stderr
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the server's to handle
    records = Records()
    logging.getLogger("brandlint").addHandler(records)
    try:
        with lasting():
            target = _built(factory, args)
    except Exception:
        connection.send(("error", traceback.format_exc(), records.take()))
        return
    connection.send(("ready", None, records.take()))
    answer_calls(connection, target, records)


def answer_calls(connection: Connection, target: Any, records: Records) -> None:
    """Call the methods of `target` that come through `connection` (each message: a method,
    its arguments, and new settings for `target.configure` first, or None) and send back
    what they return, until the pipe closes; in between, while no call waits, the target's
    `idle()`
    work, a step at a time, until it says it did nothing (it is asked again after the next
    call)."""
    idle = getattr(target, "idle", None)
    while True:
        while idle is not None and not connection.poll(0) and idle():
            pass
        try:
            method, call_args, settings = connection.recv()
        except (EOFError, OSError):
            return  # the server is gone
        try:
            if settings is not None:
                target.configure(*settings)
            reply = ("ok", getattr(target, method)(*call_args), records.take())
        except Exception:
            reply = ("error", traceback.format_exc(), records.take())
        try:
            connection.send(reply)
        except (EOFError, OSError):
            return
        except Exception:  # a result that does not pickle
            connection.send(("error", traceback.format_exc(), []))
