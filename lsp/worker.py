"""The lint worker: a child process that runs the engine, so that a call that hangs can be
stopped and the server never stops answering.

pygls reads its input on a thread of its own pool and answers on the event loop, so a lint
on another thread leaves it free, as long as that lint lets go of the GIL. A regular
expression that backtracks does not: it holds the GIL for its whole search and every
thread of its process stops with it. And a Python thread cannot be stopped. So the engine
lives in a child process, started with `spawn` (a fresh interpreter sharing no lock or
thread with the server), and is called through a pipe, one call at a time, each with a
time limit. A call that overruns ends the process (`Overran`); the next call starts a fresh
one. A process that dies, or a call that raises, gives `Failed` with the reason.

What the engine logs at WARNING or above during a call (a rule that failed) comes back with
the result and is logged again here, so the server shows it to the client.

A spawned child imports the parent's main script again, under another name (a `-m` module
named `__main__` is not), so a script that starts the server with extra rule kinds
registers them at its top level: see tests/lsp/failing_rule_server.py.
"""

from __future__ import annotations

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
from typing import Any

log = logging.getLogger(__name__)

STARTUP_LIMIT = 120.0  # seconds a new worker may take to import the engine


class Overran(Exception):
    """A call took longer than its limit; the worker was stopped."""


class Failed(Exception):
    """The call raised in the worker, or the worker died; the message says how."""


class Worker:
    """Calls methods of an object built by `factory(*args)` in a child process. Not
    thread-safe: one thread makes the calls (`stop` may come from any)."""

    def __init__(self, factory: Callable[..., Any], *args: Any) -> None:
        self._factory = factory
        self._args = args  # what a new worker is built with, and the current one has
        self._sent = args
        self._process: BaseProcess | None = None
        self._connection: Connection | None = None
        self._lock = threading.Lock()
        self._closed = False

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
        if wanted != self._sent:
            self._exchange(connection, timeout, "configure", wanted)
            self._sent = wanted
        return self._exchange(connection, timeout, method, args)

    def close(self) -> None:
        """End the worker for good: calls from now on fail."""
        self._closed = True
        self.stop()

    def stop(self) -> None:
        """End the worker (the next call starts another)."""
        with self._lock:
            connection, process = self._connection, self._process
            self._connection = self._process = None
        if connection is not None:
            connection.close()
        if process is not None:
            process.kill()
            process.join(5)

    def _exchange(
        self, connection: Connection, timeout: float | None, method: str, args: tuple[Any, ...]
    ) -> Any:
        try:
            connection.send((method, args))
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
        self.stop()
        if self._closed:
            raise Failed("the lint worker was closed: the server is stopping")
        context = multiprocessing.get_context("spawn")
        ours, theirs = context.Pipe()
        process = context.Process(
            target=_serve,
            args=(theirs, self._factory, self._args),
            name="brandlint-lint",
            daemon=True,
        )
        process.start()
        theirs.close()
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
            self._process, self._connection, self._sent = process, ours, self._args
        return ours


class _Records(logging.Handler):
    """What the engine logs during one call, to send back with its result."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[tuple[int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.levelno, self.format(record)))

    def take(self) -> list[tuple[int, str]]:
        taken, self.records = self.records, []
        return taken


def _serve(connection: Connection, factory: Callable[..., Any], args: tuple[Any, ...]) -> None:
    """The worker's main loop: build the engine, then answer calls until the pipe closes."""
    # Anything the engine prints goes to stderr: the server's stdout carries the protocol.
    sys.stdout.flush()
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    sys.stdout = sys.stderr
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the server's to handle
    records = _Records()
    logging.getLogger("brandlint").addHandler(records)
    try:
        target = factory(*args)
    except Exception:
        connection.send(("error", traceback.format_exc(), records.take()))
        return
    connection.send(("ready", None, records.take()))
    while True:
        try:
            method, call_args = connection.recv()
        except (EOFError, OSError):
            return  # the server is gone
        try:
            reply = ("ok", getattr(target, method)(*call_args), records.take())
        except Exception:
            reply = ("error", traceback.format_exc(), records.take())
        try:
            connection.send(reply)
        except (EOFError, OSError):
            return
        except Exception:  # a result that does not pickle
            connection.send(("error", traceback.format_exc(), []))
