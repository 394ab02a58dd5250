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

from brandlint.core.lifetime import lasting

from .framing import initialize_params, waiting_input
from .worker import start_engine


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="brandlint lsp")
    parser.add_argument("--tcp", metavar="HOST:PORT", help="listen on TCP instead of stdio")
    return parser


def run(argv: Sequence[str] | None = None) -> int:
    """Serve one client, over stdio or, with `--tcp HOST:PORT`, one TCP connection.

    One OpenBLAS thread, as `brandlint` runs (`brandlint.cli.main.run`), also when started
    as `python -m brandlint.lsp`: numpy, which the worker's spaCy imports, otherwise starts
    one per core, for nothing (0.11 s of CPU during spaCy's import, on the core the
    server needs for its own start)."""
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    args = parser().parse_args(argv)
    waiting = b"" if args.tcp else waiting_input(sys.stdin.fileno())
    params = initialize_params(waiting) or {}
    folder = _folder(params) or os.getcwd()
    worker = start_engine(folder, params.get("initializationOptions"))
    with lasting():  # pygls, lsprotocol and the handlers: 47,000 objects, for good
        from .server import main

    return main(args.tcp, worker, waiting, folder)


def _folder(params: dict[str, object]) -> str | None:
    """The local folder of the first workspace folder, as the `initialize` handler takes it:
    where the worker warms up (a guess: once the server has read the message, it asks for
    a warm-up of the folder it names only when that is another)."""
    folders = params.get("workspaceFolders")
    first = folders[0] if isinstance(folders, list) and folders else None
    uri = first.get("uri") if isinstance(first, dict) else params.get("rootUri")
    if not isinstance(uri, str):
        return None
    parts = urlsplit(uri)
    if parts.scheme != "file" or parts.netloc or os.name != "posix":
        return None
    return unquote(parts.path) or None
