"""The lint worker: calls run in a child process that a hang or a crash cannot take the
server down with; an overrun stops it and the next call starts a fresh one."""

from __future__ import annotations

import logging
import os
import time

import pytest
from brandlint.lsp.worker import Failed, Overran, Worker


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
