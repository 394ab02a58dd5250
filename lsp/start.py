"""Starting the language server (`brandlint lsp`, `python -m brandlint.lsp`): the lint
worker first, then the server.

An editor starts the server and sends `initialize` at once, then waits for diagnostics. The
lint worker needs most of a second of CPU to import spaCy, build the language pipeline and
load the guide; the server about half a second to import pygls and lsprotocol. So this
module imports neither: it reads the `initialize` already waiting on stdin (without waiting
for it), starts the worker on the workspace folder and settings it names, and only then
imports the server, which reads that same message first. The worker warms up under the
settings the session is about to give it (`settings`), so nothing is loaded twice; whatever
the editor says later (`workspace/configuration`, a changed setting) is still sent to it.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from urllib.parse import unquote, urlsplit

from .framing import initialize_params, waiting_input
from .worker import start_engine


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="brandlint lsp")
    parser.add_argument("--tcp", metavar="HOST:PORT", help="listen on TCP instead of stdio")
    return parser


def run(argv: Sequence[str] | None = None) -> int:
    """Serve one client, over stdio or, with `--tcp HOST:PORT`, one TCP connection."""
    args = parser().parse_args(argv)
    waiting = b"" if args.tcp else waiting_input(sys.stdin.fileno())
    params = initialize_params(waiting) or {}
    worker = start_engine(_folder(params), params.get("initializationOptions"))
    from .server import main

    return main(args.tcp, worker, waiting)


def _folder(params: dict[str, object]) -> str | None:
    """The local folder of the first workspace folder, as the `initialize` handler takes it:
    where the worker warms up (a guess: the server warms that folder again once it has read
    the message)."""
    folders = params.get("workspaceFolders")
    first = folders[0] if isinstance(folders, list) and folders else None
    uri = first.get("uri") if isinstance(first, dict) else params.get("rootUri")
    if not isinstance(uri, str):
        return None
    parts = urlsplit(uri)
    if parts.scheme != "file" or parts.netloc or os.name != "posix":
        return None
    return unquote(parts.path) or None
