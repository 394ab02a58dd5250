"""Reading LSP messages from a stream that may be broken or hostile.

pygls 2 reads stdio in `pygls.io_.run_async`: on a thread of the server's pool it calls the
input's `readline()` for each header line and `read(n)` for a body, and then `json.loads`
on the event loop. It trusts the stream: a `Content-Length` of 100 GB is allocated (the
MemoryError ends the server), a header line may be any length, and a length a few bytes
off loses the next message too. Its public extension point is the stream itself
(`start_io(stdin, stdout)`), so `FramedInput` stands in for stdin: it does the framing,
against limits, and hands pygls only well-framed JSON-RPC message objects, each as one
`Content-Length` line, a blank line and the body. No pygls internals are touched.

What it does with each kind of broken input, logging each (`brandlint.lsp.framing`, shown
to the client as window/logMessage once initialized, on stderr before):

- bytes that are not a header (garbage between messages, the rest of a body whose
  `Content-Length` was too short): skipped up to the next `Content-Length:`;
- a header block over `max_header` bytes (64 KiB): refused; its body is skipped as above;
- a `Content-Length` over `max_message` (16 MiB): refused without reading the body into
  memory; the body, if one comes, is skipped as above;
- a body that is not JSON (a `Content-Length` too short, bytes that are not UTF-8):
  answered with a ParseError (-32700, id null), as JSON-RPC asks;
- a `Content-Length` longer than the body: the JSON value ends before it; the message is
  handled, and what follows the value is read as the start of the next message;
- JSON that is not a JSON-RPC message object: answered with an InvalidRequest (-32600).

Skipping keeps at most `max_header` bytes and one read in memory, whatever comes. The
server raises `max_message` with its `maxDocumentSize` setting (to 8 times it, when that is
more than 16 MiB), so a document over that limit still arrives, to be told it is.
"""

from __future__ import annotations

import json
import logging
import os
import re
import select
import threading
from typing import Any, BinaryIO

log = logging.getLogger(__name__)

MAX_HEADER = 64 * 1024
MAX_MESSAGE = 16 * 1024 * 1024
PARSE_ERROR, INVALID_REQUEST = -32700, -32600

_TOKEN = re.compile(rb"content-length[ \t]*:", re.IGNORECASE)
_LENGTH = re.compile(rb"content-length[ \t]*:[ \t]*(\d+)[ \t]*(?:\r\n|$)", re.IGNORECASE)
_BLANK = b"\r\n\r\n"
_KEEP = 32  # bytes kept from skipped input: a `Content-Length:` may be cut in two there
_CHUNK = 64 * 1024
MAX_FIRST = 1024 * 1024  # bytes of a first message read ahead (`waiting_input`)
_DECODER = json.JSONDecoder()
_SPACE = " \t\r\n"  # JSON's whitespace


def frame(message: Any) -> bytes:
    body = json.dumps(message, separators=(",", ":")).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


class MessageOutput:
    """The server's output: pygls and the framing layer both write whole messages to it,
    one `write` each, under one lock, so their messages never interleave."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self._lock = threading.Lock()

    def write(self, data: bytes) -> None:
        with self._lock:
            self._stream.write(data)
            self._stream.flush()

    def flush(self) -> None:
        pass  # each write is flushed

    def close(self) -> None:
        self._stream.close()


class FramedInput:
    """The server's input as pygls reads it (`readline`, `read`): only sound messages."""

    def __init__(
        self,
        stream: BinaryIO,
        output: MessageOutput,
        max_header: int = MAX_HEADER,
        max_message: int = MAX_MESSAGE,
        read: bytes = b"",
    ) -> None:
        """`read`: what was read from `stream` before (`waiting_input`), read first."""
        self._stream = stream
        self._output = output
        self.max_header = max_header
        self.max_message = max_message
        self._buffer = bytearray(read)
        self._skipped = 0  # bytes dropped since the last message, logged with the next
        self._ready: list[bytes] = []  # the next message for pygls: header, blank, body

    # -- what pygls calls -------------------------------------------------------------
    def readline(self, size: int = -1) -> bytes:
        if not self._ready:
            body = self._next_message()
            if body is None:
                return b""  # the end of the input: pygls stops the server
            self._ready = [b"Content-Length: %d\r\n" % len(body), b"\r\n", body]
        return self._ready.pop(0)

    def read(self, size: int = -1) -> bytes:
        return self._ready.pop(0) if self._ready else b""

    # -- framing ------------------------------------------------------------------------
    def _next_message(self) -> bytes | None:
        while True:
            header = self._header()
            if header is None:
                self._report_skipped()
                return None
            found = _LENGTH.match(header)
            if found is None:
                self._report_skipped()
                log.warning("LSP input: a header with no valid Content-Length was skipped")
                continue
            digits = found.group(1).decode()
            if len(digits) > 20 or int(digits) > self.max_message:
                self._report_skipped()
                log.warning(
                    "LSP input: a message of %s bytes is over the limit of %d bytes; "
                    "it was refused and its body is skipped",
                    digits if len(digits) <= 20 else digits[:20] + "…",
                    self.max_message,
                )
                continue
            length = int(digits)
            body = self._read(length)
            if body is None:
                self._report_skipped()
                return None
            self._report_skipped()
            message = self._check(body, length)
            if message is not None:
                return message

    def _header(self) -> bytes | None:
        """The next header block: from the last `Content-Length:` before a blank line to
        that line. What comes before it is skipped. None at the end of the input."""
        while True:
            end = self._buffer.find(_BLANK)
            if end >= 0:
                start = _last_token(self._buffer, end)
                if start < 0:
                    self._skip(end + len(_BLANK))
                    continue
                self._skip(start)
                end -= start
                header = bytes(self._buffer[:end])
                del self._buffer[: end + len(_BLANK)]
                if len(header) > self.max_header:
                    self._refuse_header()
                    continue
                return header
            start = _last_token(self._buffer, len(self._buffer))
            if start >= 0:
                self._skip(start)
                if len(self._buffer) > self.max_header:  # a header block that never ends
                    self._refuse_header()
                    self._skip(1)
            elif len(self._buffer) > _KEEP:
                self._skip(len(self._buffer) - _KEEP)
            chunk = self._stream.read1(_CHUNK)  # type: ignore[attr-defined]
            if not chunk:
                self._skip(len(self._buffer))
                return None
            self._buffer += chunk

    def _read(self, length: int) -> bytes | None:
        """The next `length` bytes; None when the input ends first."""
        body = bytes(self._buffer[:length])
        del self._buffer[:length]
        if len(body) < length:
            body += self._stream.read(length - len(body))
        if len(body) < length:
            self._skipped += len(body)
            log.warning("LSP input ended inside a message body")
            return None
        return body

    def _check(self, body: bytes, length: int) -> bytes | None:
        """The message in `body` if it is one, answering it with an error if it is not."""
        try:
            text, utf8 = body.decode("utf-8"), True
        except UnicodeDecodeError:  # not UTF-8, or the next message cut in two: see below
            text, utf8 = body.decode("utf-8", "surrogateescape"), False
        try:
            value, end = _DECODER.raw_decode(text, len(text) - len(text.lstrip(_SPACE)))
            if end < len(text) or not utf8:
                body = text[:end].encode("utf-8", "surrogateescape")
                body.decode("utf-8")  # the message itself must be UTF-8
        except (ValueError, RecursionError) as exc:  # UnicodeDecodeError is a ValueError
            log.warning("LSP input: a message body that is not JSON was refused (%s)", exc)
            self._answer(PARSE_ERROR, None, f"Parse error: the body is not JSON ({exc})")
            return None
        rest = text[end:].lstrip(_SPACE)
        if rest:
            # The Content-Length was longer than the message: what follows the JSON value
            # is the start of the next message.
            log.warning(
                "LSP input: Content-Length %d is longer than the message it frames; "
                "reading on from where the message ends",
                length,
            )
            self._buffer[:0] = rest.encode("utf-8", "surrogateescape")
        if not _is_message(value):
            log.warning("LSP input: a body that is not a JSON-RPC message was refused")
            id = value.get("id") if isinstance(value, dict) else None
            if isinstance(id, bool) or not isinstance(id, int | str):
                id = None
            self._answer(INVALID_REQUEST, id, "Invalid Request: not a JSON-RPC 2.0 message")
            return None
        return body

    def _answer(self, code: int, id: int | str | None, message: str) -> None:
        error = {"code": code, "message": message}
        try:
            self._output.write(frame({"jsonrpc": "2.0", "id": id, "error": error}))
        except OSError:  # the client is gone; the input ends next
            log.warning("LSP output closed; the error was not sent")

    def _skip(self, count: int) -> None:
        self._skipped += count
        del self._buffer[:count]

    def _report_skipped(self) -> None:
        if self._skipped:
            log.warning("LSP input: skipped %d bytes that were not a message", self._skipped)
            self._skipped = 0

    def _refuse_header(self) -> None:
        self._report_skipped()
        log.warning(
            "LSP input: a header block over the limit of %d bytes was refused and skipped",
            self.max_header,
        )


def waiting_input(fd: int) -> bytes:
    """What a client has already written to the input `fd`, without waiting for more: up to
    the end of its first message. An editor sends `initialize` as soon as it has started
    the server, so it is there by the time the server is, and the lint worker can warm up
    under its settings. Nothing on systems whose `select` does not take pipes (Windows)."""
    if os.name != "posix":
        return b""
    read = bytearray()
    while len(read) < MAX_HEADER + MAX_FIRST and initialize_params(bytes(read)) is None:
        try:
            ready, _, _ = select.select([fd], [], [], 0)
            chunk = os.read(fd, _CHUNK) if ready else b""
        except (OSError, ValueError):  # not a readable descriptor: no peeking
            break
        if not chunk:
            break
        read += chunk
    return bytes(read)


def initialize_params(data: bytes) -> dict[str, Any] | None:
    """The params of the `initialize` request at the start of `data`, if it is whole there."""
    end = data.find(_BLANK)
    found = _LENGTH.search(data, 0, end) if end >= 0 else None
    if found is None:
        return None
    body = data[end + len(_BLANK) : end + len(_BLANK) + int(found.group(1))]
    try:
        message = json.loads(body)
    except ValueError:  # not whole yet, or broken: FramedInput says so when it reads it
        return None
    if not isinstance(message, dict) or message.get("method") != "initialize":
        return None
    params = message.get("params")
    return params if isinstance(params, dict) else None


def _last_token(buffer: bytearray, end: int) -> int:
    """Where the last `Content-Length:` before `end` starts, or -1."""
    start = -1
    for found in _TOKEN.finditer(buffer, 0, end):
        start = found.start()
    return start


def _is_message(value: Any) -> bool:
    """A JSON-RPC 2.0 request, notification or response."""
    if not isinstance(value, dict) or value.get("jsonrpc") != "2.0":
        return False
    if "method" in value:
        return isinstance(value["method"], str)
    return "id" in value and ("result" in value or "error" in value)
