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

With `--keep-warm`, a server kept warm from an earlier session serves this one instead,
when there is one (`warm`): this process then only stands in for it.
"""

from __future__ import annotations

import argparse
import math
import os
import sys
from collections.abc import Sequence
from urllib.parse import unquote, urlsplit

from brandlint.core.lifetime import lasting

from .framing import initialize_params, waiting_input

KEEP_WARM_MINUTES = 30.0  # `--keep-warm`: how long a warm server waits for the next session


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="brandlint lsp")
    parser.add_argument("--tcp", metavar="HOST:PORT", help="listen on TCP instead of stdio")
    parser.add_argument(
        "--keep-warm",
        nargs="?",
        type=_minutes,
        const=KEEP_WARM_MINUTES,
        metavar="MINUTES",
        help="keep a warm server for the next sessions, for MINUTES after the last one "
        f"(default {KEEP_WARM_MINUTES:g}); Linux, stdio only (see docs/editors.md)",
    )
    return parser


def _minutes(text: str) -> float:
    try:
        minutes = float(text)
    except ValueError:
        minutes = math.nan
    if not 0 < minutes < math.inf:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of minutes over 0")
    return minutes


def run(argv: Sequence[str] | None = None) -> int:
    """Serve one client, over stdio or, with `--tcp HOST:PORT`, one TCP connection; with
    `--keep-warm`, from a warm server when one is running (`warm`).

    One OpenBLAS thread, as `brandlint` runs (`brandlint.cli.main.run`), also when started
    as `python -m brandlint.lsp`: numpy, which the worker's spaCy imports, otherwise starts
    one per core, for nothing (0.11 s of CPU during spaCy's import, on the core the
    server needs for its own start)."""
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    args = parser().parse_args(argv)
    code = _kept_warm(args.keep_warm, args.tcp)
    return code if code is not None else serve(args.tcp)


def _kept_warm(minutes: float | None, tcp: str | None) -> int | None:
    """The exit code of the session a warm server served (`--keep-warm` MINUTES); None
    when this process is to serve it."""
    if minutes is None:
        return None
    if tcp:
        print(
            "brandlint lsp: --keep-warm serves stdio only; this session starts cold",
            file=sys.stderr,
        )
        return None
    from .warm import hand_over

    return hand_over(minutes)


def serve(tcp: str | None) -> int:
    """Start the lint worker on the folder and settings of the `initialize` already waiting
    on stdin (without waiting for it), then import the server and serve the session."""
    from .worker import start_engine  # multiprocessing: not for the stand-in of `--keep-warm`

    waiting = b"" if tcp else waiting_input(sys.stdin.fileno())
    params = initialize_params(waiting) or {}
    folder = _folder(params) or os.getcwd()
    worker = start_engine(folder, params.get("initializationOptions"))
    with lasting():  # pygls, lsprotocol and the handlers: 47,000 objects, for good
        from .server import main

    return main(tcp, worker, waiting, folder)


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
