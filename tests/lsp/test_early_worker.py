"""A lint worker started before the server imports its engine (`Worker.early`): built by a
factory named as text, then handed the editor's settings with its first call."""

from __future__ import annotations

import multiprocessing
import os

import pytest
from brandlint.lsp.worker import Failed, Worker


class Target:
    """Stands in for the engine: remembers what it was built with and told since."""

    def __init__(self, name: str) -> None:
        self.built, self.name = name, name

    def configure(self, name: str) -> None:
        self.name = name

    def hello(self) -> tuple[str, str, int]:
        return self.built, self.name, os.getpid()


def test_an_early_worker_is_told_the_adopted_settings_at_its_first_call() -> None:
    worker = Worker.early(f"{__name__}:Target", "early")
    try:
        worker.adopt(Target, "editor")
        built, name, pid = worker.call(60, "hello")
        assert (built, name) == ("early", "editor")
        assert pid != os.getpid()
        assert worker.call(60, "hello") == ("early", "editor", pid)  # told once, kept
    finally:
        worker.stop()


def test_a_worker_started_after_the_early_one_is_built_with_the_adopted_settings() -> None:
    worker = Worker.early(f"{__name__}:Target", "early")
    try:
        worker.adopt(Target, "editor")
        _, _, first = worker.call(60, "hello")
        worker.stop()
        built, name, second = worker.call(60, "hello")
        assert (built, name) == ("editor", "editor")
        assert second != first
    finally:
        worker.stop()


def test_closing_an_early_worker_before_any_call_ends_its_process() -> None:
    def workers() -> list[str]:
        return [p.name for p in multiprocessing.active_children() if p.name == "brandlint-lint"]

    worker = Worker.early(f"{__name__}:Target", "early")
    assert workers() == ["brandlint-lint"]
    worker.close()
    assert workers() == []
    with pytest.raises(Failed, match="closed"):
        worker.call(60, "hello")


def test_an_early_worker_ends_when_the_server_is_gone() -> None:
    """A forked worker (as here, from a process with one thread) inherits the server's end
    of the pipe too; it closes it, or it would never see the server's end close, and
    outlive it."""
    worker = Worker.early(f"{__name__}:Target", "early")
    try:
        worker.call(60, "hello")
        process, connection = worker._process, worker._connection
        assert process is not None and connection is not None
        connection.close()  # what the server's death does to its end
        process.join(60)
        assert process.exitcode == 0
    finally:
        worker.stop()
