"""A raw stdio client for the server: write any bytes, read framed messages with a timeout.

pytest-lsp frames every message correctly; the framing tests need to send what a broken
or hostile client would, so they drive `python -m brandlint.lsp` through this instead.
"""

from __future__ import annotations

import json
import queue
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

COMMAND = [sys.executable, "-m", "brandlint.lsp"]


def frame(message: dict[str, Any] | bytes) -> bytes:
    body = message if isinstance(message, bytes) else json.dumps(message).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


class RawServer:
    def __init__(
        self, cwd: Path, command: list[str] | None = None, env: dict[str, str] | None = None
    ) -> None:
        self.process = subprocess.Popen(
            command or COMMAND,
            cwd=cwd,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        self.messages: queue.Queue[dict[str, Any] | None] = queue.Queue()
        self.seen: list[dict[str, Any]] = []
        self.stderr = b""
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._read_stderr, daemon=True).start()
        self._next_id = 0

    def _read(self) -> None:
        out = self.process.stdout
        assert out is not None
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    self.messages.put(None)
                    return
                if line == b"\r\n":
                    break
                name, _, value = line.decode("ascii").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            assert length is not None, "the server sent a header without Content-Length"
            self.messages.put(json.loads(out.read(length)))

    def _read_stderr(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.stderr += line

    def send(self, data: bytes) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(data)
        self.process.stdin.flush()

    def request(self, method: str, params: Any) -> int:
        self._next_id += 1
        message = {"jsonrpc": "2.0", "id": self._next_id, "method": method, "params": params}
        self.send(frame(message))
        return self._next_id

    def notify(self, method: str, params: Any) -> None:
        self.send(frame({"jsonrpc": "2.0", "method": method, "params": params}))

    def next(self, timeout: float = 30) -> dict[str, Any]:
        """The next message from the server."""
        message = self.messages.get(timeout=timeout)
        assert message is not None, f"the server exited:\n{self.stderr.decode()}"
        self.seen.append(message)
        return message

    def response(self, id: int | None, timeout: float = 30) -> dict[str, Any]:
        """The response to request `id` (None: a response with a null id), skipping
        notifications and other responses."""
        while True:
            message = self.next(timeout)
            if "method" not in message and message.get("id") == id:
                return message

    def initialize(self, root: Path, options: dict[str, Any] | None = None) -> None:
        id = self.request(
            "initialize",
            {
                "processId": None,
                "rootUri": root.as_uri(),
                "capabilities": {},
                "initializationOptions": options or {},
            },
        )
        assert "result" in self.response(id)
        self.notify("initialized", {})
        self.ping()  # the server is initialized: it logs to the client from here on

    def ping(self, timeout: float = 30) -> None:
        """A request the server answers at once (a hover outside any open document)."""
        position = {"line": 0, "character": 0}
        params = {"textDocument": {"uri": "file:///nowhere.md"}, "position": position}
        assert self.response(self.request("textDocument/hover", params), timeout) == {
            "jsonrpc": "2.0",
            "id": self._next_id,
            "result": None,
        }

    def logged(self, text: str) -> bool:
        """Whether a window/logMessage seen so far, or stderr, contains `text`."""
        return any(
            text in m["params"]["message"]
            for m in self.seen
            if m.get("method") == "window/logMessage"
        ) or text in self.stderr.decode(errors="replace")

    def close(self) -> int:
        """Shut down and exit cleanly; the exit code."""
        if self.process.poll() is None:
            try:
                self.response(self.request("shutdown", None), timeout=10)
                self.notify("exit", None)
                return self.process.wait(timeout=10)
            except Exception:
                self.process.kill()
                self.process.wait()
        return self.process.returncode
