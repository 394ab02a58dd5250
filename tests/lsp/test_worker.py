"""The lint worker: calls run in a child process that a hang or a crash cannot take the
server down with; an overrun stops it and the next call starts a fresh one."""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import threading
import time
from collections.abc import Iterator
from multiprocessing.connection import Connection

import pytest
from brandlint.lsp.worker import Failed, Overran, Records, Worker, answer_calls


class Target:
    """Stands in for the engine, in the worker."""

    def __init__(self, name: str) -> None:
        self.name = name

    def configure(self, name: str) -> None:
        self.name = name

    def hello(self) -> tuple[str, int]:
        return f"hello {self.name}", os.getpid()

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)

    def fail(self) -> None:
        raise ValueError("no good")

    def die(self) -> None:
        os._exit(3)

    def warn(self) -> str:
        logging.getLogger("brandlint.checks").warning("careful: %s", self.name)
        return "warned"


@pytest.fixture
def worker():
    started = Worker(Target, "first")
    yield started
    started.stop()


def test_calls_run_in_a_child_process_and_get_new_settings(worker: Worker):
    greeting, pid = worker.call(60, "hello")
    assert greeting == "hello first"
    assert pid != os.getpid()
    worker.configure("second")
    assert worker.call(60, "hello") == ("hello second", pid)  # the same process, told


def test_a_call_that_overruns_stops_the_worker_and_the_next_starts_afresh(worker: Worker):
    _, pid = worker.call(60, "hello")
    worker.configure("later")
    started = time.monotonic()
    with pytest.raises(Overran, match=r"sleep took over 0\.5 s"):
        worker.call(0.5, "sleep", 30)
    assert time.monotonic() - started < 10
    assert not worker.running
    greeting, new_pid = worker.call(60, "hello")
    assert (greeting, new_pid != pid) == ("hello later", True)


def test_an_exception_or_a_death_in_the_worker_is_a_failure(worker: Worker):
    with pytest.raises(Failed, match="ValueError: no good"):
        worker.call(60, "fail")
    assert worker.call(60, "hello")[0] == "hello first"  # the worker lives on
    with pytest.raises(Failed, match="the lint worker ended during die"):
        worker.call(60, "die")
    assert worker.call(60, "hello")[0] == "hello first"


def test_what_the_engine_logs_is_logged_again_in_the_server(
    worker: Worker, caplog: pytest.LogCaptureFixture
):
    with caplog.at_level(logging.WARNING, logger="brandlint.lsp.worker"):
        assert worker.call(60, "warn") == "warned"
    assert [r.getMessage() for r in caplog.records] == ["careful: first"]


class Idler:
    """An engine with work for the time between calls: `steps` steps, or no end of it; it
    says when it has done them (with no end, a thousand)."""

    def __init__(self, steps: int | None) -> None:
        self.steps, self.done = steps, 0
        self.finished = threading.Event()

    def idle(self) -> bool:
        if self.done == (self.steps or 1000):
            self.finished.set()  # done, or, with no end, well under way
        if self.steps is not None and self.done == self.steps:
            return False
        self.done += 1
        return True

    def count(self) -> int:
        return self.done


@contextlib.contextmanager
def answering(target: Idler) -> Iterator[Connection]:
    """The worker's loop answering calls to `target` on a thread, and our end of its pipe."""
    ours, theirs = multiprocessing.Pipe()
    thread = threading.Thread(target=answer_calls, args=(theirs, target, Records()))
    thread.start()
    try:
        yield ours
    finally:
        ours.close()  # the loop ends when the server is gone
        thread.join(60)
        theirs.close()


def call(connection: Connection, method: str) -> object:
    connection.send((method, (), None))
    status, value, _ = connection.recv()
    assert status == "ok", value
    return value


def test_the_time_between_calls_goes_to_the_targets_idle_work_until_it_is_done():
    idler = Idler(3)
    with answering(idler) as connection:
        assert idler.finished.wait(60)
        assert call(connection, "count") == 3


def test_idle_work_with_no_end_never_holds_up_a_call():
    idler = Idler(None)
    with answering(idler) as connection:
        assert idler.finished.wait(60)
        assert call(connection, "count") >= 1000  # answered in the middle of it


class Recorder:
    """An engine with idle work that never ends, noting what it was asked, in order (a run
    of idle steps as one entry)."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    def configure(self, name: str) -> None:
        self.asked.append(f"configure {name}")

    def idle(self) -> bool:
        if self.asked[-1:] != ["idle"]:
            self.asked.append("idle")
        return True

    def log(self) -> list[str]:
        return self.asked


def test_new_settings_come_with_the_next_call_and_no_idle_work_between():
    worker = Worker(Recorder)
    try:
        worker.call(60, "log")  # started: idle work under way from now on
        worker.configure("editor")
        assert worker.call(60, "log")[-1] == "configure editor"  # and then at once the call
    finally:
        worker.stop()
