"""Broken and hostile input on the server's stdin, byte for byte: each kind is answered or
logged, and the server answers the next valid request, without a traceback."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from .raw import RawServer, frame

PARSE_ERROR, INVALID_REQUEST = -32700, -32600
GUIDE = "name: t\nterms:\n  - avoid: [synergy]\n"


@pytest.fixture
def server(tmp_path: Path) -> Iterator[RawServer]:
    (tmp_path / "brandlint.yaml").write_text(GUIDE, encoding="utf-8")
    raw = RawServer(tmp_path)
    raw.initialize(tmp_path)
    yield raw
    assert raw.close() == 0
    assert b"Traceback" not in raw.stderr, raw.stderr.decode()


def still_serving(server: RawServer) -> None:
    server.ping()
    assert server.process.poll() is None


def error(server: RawServer, id: int | str | None) -> dict:
    response = server.response(id)
    assert "result" not in response
    return response["error"]


def hover(id: int) -> dict:
    position = {"line": 0, "character": 0}
    params = {"textDocument": {"uri": "file:///elsewhere.md"}, "position": position}
    return {"jsonrpc": "2.0", "id": id, "method": "textDocument/hover", "params": params}


@pytest.mark.parametrize(
    "garbage",
    [
        b"\x00\xff\xfe garbage \x1b[31m\r\n",
        b"not a header\r\n\r\n\r\n{}\r\n\r\n",
        b"Content-Len",  # a header cut short, then the next message
        b"Content-Type: application/vscode-jsonrpc\r\n\r\n{}",  # no Content-Length
        "caf\u00e9 \U0001f389 \u202e".encode() * 10_000,
    ],
)
def test_bytes_between_messages_are_skipped(server: RawServer, garbage: bytes):
    server.send(garbage)
    still_serving(server)
    assert server.logged("bytes that were not a message")


def test_a_header_with_a_length_that_is_not_a_number_is_skipped(server: RawServer):
    server.send(b"Content-Length: twelve\r\n\r\n{}")
    still_serving(server)
    assert server.logged("a header with no valid Content-Length was skipped")


@pytest.mark.parametrize(
    "header",
    [
        b"Content-Length: 2\r\nX-Padding: " + b"a" * 70_000 + b"\r\n\r\n{}",
        b"Content-Length: 2" + b" " * 70_000 + b"\r\n\r\n{}",
        b"Content-Length: " + b"9" * 70_000 + b"\r\n\r\n{}",
    ],
)
def test_a_header_block_over_64_kib_is_refused(server: RawServer, header: bytes):
    server.send(header)
    still_serving(server)
    assert server.logged("a header block over the limit of 65536 bytes was refused")


def test_a_content_length_over_the_limit_is_refused_and_not_read(server: RawServer):
    server.send(b"Content-Length: 99999999999999\r\n\r\n")
    still_serving(server)
    assert server.logged("a message of 99999999999999 bytes is over the limit of 16777216")


def test_a_body_over_the_limit_is_skipped_without_being_kept(server: RawServer):
    text = "synergy " * (17 * 1024 * 1024 // 8)
    body = json.dumps(
        {
            "jsonrpc": "2.0",
            "method": "textDocument/didOpen",
            "params": {
                "textDocument": {
                    "uri": "file:///huge.md",
                    "languageId": "markdown",
                    "version": 1,
                    "text": text,
                }
            },
        }
    ).encode()
    server.send(frame(body))
    still_serving(server)
    assert server.logged(f"a message of {len(body)} bytes is over the limit")


def test_a_content_length_shorter_than_the_body_is_a_parse_error(server: RawServer):
    body = json.dumps(hover(7)).encode()
    server.send(b"Content-Length: %d\r\n\r\n" % (len(body) - 10) + body)
    assert error(server, None)["code"] == PARSE_ERROR  # its id cannot be known
    still_serving(server)
    assert server.logged("a message body that is not JSON was refused")
    assert server.logged("skipped 10 bytes that were not a message")


def test_a_content_length_longer_than_the_body_still_gives_both_messages(server: RawServer):
    first, second = json.dumps(hover(7)).encode(), json.dumps(hover(8)).encode()
    server.send(b"Content-Length: %d\r\n\r\n" % (len(first) + 20) + first + frame(second))
    assert server.response(7)["result"] is None
    assert server.response(8)["result"] is None
    still_serving(server)
    assert server.logged("is longer than the message it frames")


@pytest.mark.parametrize(
    "body",
    [
        b"hello",
        b"",
        b'{"jsonrpc": "2.0", "id": 1, "method": "shutdown"',
        b'{"jsonrpc": "2.0", "method": "x", "params": "\xff\xfe"}',  # not UTF-8
        b"[" * 100_000 + b"]" * 100_000,  # deeper than Python's recursion limit
        b'{"jsonrpc": "2.0", "id": 1, "method": "x", "params": ' + b"9" * 5000 + b"}",
    ],
)
def test_a_body_that_is_not_json_is_answered_with_a_parse_error(server: RawServer, body: bytes):
    server.send(frame(body))
    assert error(server, None)["code"] == PARSE_ERROR
    still_serving(server)
    assert server.logged("a message body that is not JSON was refused")


@pytest.mark.parametrize(
    ("message", "id"),
    [
        ([1, 2, 3], None),
        ("text", None),
        ({"id": 5, "method": "textDocument/hover"}, 5),  # no "jsonrpc"
        ({"jsonrpc": "1.0", "id": "six", "method": "x"}, "six"),
        ({"jsonrpc": "2.0", "id": 7, "method": 12}, 7),
        ({"jsonrpc": "2.0", "id": [8]}, None),
    ],
)
def test_json_that_is_not_a_json_rpc_message_is_an_invalid_request(
    server: RawServer, message: object, id: int | str | None
):
    server.send(frame(json.dumps(message).encode()))
    assert error(server, id)["code"] == INVALID_REQUEST
    still_serving(server)
    assert server.logged("a body that is not a JSON-RPC message was refused")


def test_after_all_of_it_together_documents_are_still_linted(server: RawServer, tmp_path: Path):
    uri = (tmp_path / "post.md").as_uri()
    document = {"uri": uri, "languageId": "markdown", "version": 1, "text": "Pure synergy.\n"}
    did_open = {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {}}
    did_open["params"] = {"textDocument": document}
    first = json.dumps(hover(7)).encode()
    server.send(
        b"\x00garbage\r\n\r\n"
        + b"Content-Length: 2\r\nX-Padding: "
        + b"a" * 70_000
        + b"\r\n\r\n{}"
        + b"Content-Length: 99999999999\r\n\r\n"
        + frame(b"not json")
        + b"Content-Length: %d\r\n\r\n" % (len(first) + 5)
        + first
        + frame(json.dumps(did_open).encode())
    )
    assert server.response(7)["result"] is None
    while True:
        message = server.next(60)
        if message.get("method") == "textDocument/publishDiagnostics":
            break
    assert message["params"]["uri"] == uri
    assert [d["code"] for d in message["params"]["diagnostics"]] == ["t.terms.synergy"]
    still_serving(server)
