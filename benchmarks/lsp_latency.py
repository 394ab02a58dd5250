"""Language server latency: time to first diagnostics, and from `didChange` to diagnostics.

usage: python benchmarks/lsp_latency.py [--words 2000] [--rounds 40] [--debounce 0]
           [--edit heading|middle|typing] [--starts 5] [--keep-warm]

Starts `brandlint lsp` over stdio with the Kestrel example guide, as an editor does: spawns
it, sends `initialize` at once, then `initialized`, and opens a Markdown document of about N
words of generated copy as soon as `initialize` is answered. The server starts in this
folder, not the workspace's, as some editors start it. Over `--starts` fresh servers it
prints the time from sending `initialize` to the first diagnostics of that document
(target 0.4 s) and from spawning the process, with the CPU seconds the server and its lint
worker had spent by then; beside them, the floors, each a fresh process: an interpreter
importing spaCy as brandlint does; `brandlint check` of a one-line file with the default
guide (the start-up benchmark's figure); `brandlint check` of the same document with the
same guide (what the worker must do at least: import, load the guide, build the pipeline,
load what the guide's rules read on first use, lint); and the server's engine warmed on the
guide (`Engine.prepared`, then its warm-ups). With `--keep-warm`, the same again with
`brandlint lsp --keep-warm` (in a runtime folder of its own): the first session, cold, which
leaves a warm server behind, then `--starts` sessions handed to that warm server (the
figure an editor sees from its second session on); the warm server is stopped at the end.
Then, in one more server, it edits the document once
per round and times until the diagnostics for that version arrive: median and p95
(targets: 2,000 words 20 / 40 ms, 10,000 words 50 / 100 ms).

"Arrived" is when the client has read the message's JSON, as an editor does before it
draws; pygls's client then turns each diagnostic into Python objects (cattrs), which costs
about as much as the server's own work on a long page and is no part of the server's
answer: that time is printed beside it. The machine is shared, so the CPU seconds the
server and its lint worker spent are printed too (read from /proc, Linux only), with the
load average. Beside them, in this process: the same edits linted whole with
`Workspace.lint_text` (no cache), and through the server's `Engine` (its block cache).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import resource
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from _corpus import EXAMPLE_GUIDE, corpus
from lsprotocol import types
from pygls.lsp.client import LanguageClient
from pygls.protocol import LanguageServerProtocol

CONTENT = EXAMPLE_GUIDE.parent / "content" / "web"
WARM_ROUNDS = 3  # the first edits fill the syllable and lemma caches
SERVER_OPTIONS: list[str] = []  # `brandlint lsp`'s options (`--keep-warm`)
PUBLISH = types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS
# the floors of the worker's start: spaCy imported as brandlint imports it, and the engine
# warmed on the guide as the worker warms it (`Engine.prepared`, then its idle work)
SPACY = "from brandlint.nlp.pipelines import import_spacy; import_spacy()"
WARMED = (
    "from brandlint.lsp.engine import Engine\n"
    "engine = Engine.prepared({folder!r})\n"
    "while engine.idle():\n"
    "    pass\n"
)
LINE = "We leverage our best-in-class synergy to delight customers.\n"  # as startup.py


def copy(words: int) -> str:
    paths = [
        p
        for p in corpus(Path("/tmp/brandlint-bench/corpus-1000"), 1000)
        if p.suffix == ".md" and "/web/" in str(p)
    ]
    body: list[str] = ["# Launch notes", ""]
    for path in paths:
        text = path.read_text(encoding="utf-8").split("---", 2)[-1]
        body.extend(line for line in text.splitlines() if line and not line.startswith("#"))
        if sum(len(b.split()) for b in body) >= words:
            break
    return "\n\n".join(body) + "\n"


def edited(text: str, version: int, where: str = "heading") -> str:
    """The document as a typist leaves it at `version`: a word changed in the heading
    (`heading`), in the paragraph in the middle (`middle`), or one more character typed
    there each round, so that every block after it moves (`typing`)."""
    if where == "heading":
        return text.replace("Launch", f"Launch {version}", 1)
    middle = text.find("\n\n", len(text) // 2) + 2
    typed = f"v{version} " if where == "middle" else "x" * version + " "
    return text[:middle] + typed + text[middle:]


class _Arrivals(LanguageServerProtocol):
    """The client's protocol, noting when each version's diagnostics were read as JSON
    (the object hook sees the whole message before cattrs structures it)."""

    arrived: dict[int, float]
    decoded: dict[int, float]  # and when pygls's client had turned them into objects

    def structure_message(self, data: dict[str, Any]) -> Any:
        if data.get("method") == PUBLISH:
            version = data.get("params", {}).get("version")
            if version is not None:
                self.arrived.setdefault(version, time.perf_counter())
        return super().structure_message(data)


def cpu_seconds(pid: int) -> tuple[float, float]:
    """User + system CPU seconds of a process, and of its children alive now (/proc)."""
    ticks = os.sysconf("SC_CLK_TCK")
    own = children = 0.0
    pending = [pid]
    while pending:
        current = pending.pop()
        try:
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
            seconds = (int(fields[11]) + int(fields[12])) / ticks
            for task in Path(f"/proc/{current}/task").iterdir():
                pending.extend(int(c) for c in (task / "children").read_text().split())
        except (OSError, ValueError):
            continue
        if current == pid:
            own = seconds
        else:
            children += seconds
    return own, children


async def first_diagnostics(text: str, debounce: float) -> tuple[float, float, float, float]:
    """One fresh server: seconds from spawning it and from sending `initialize` to the
    first diagnostics, and the CPU seconds of the server and of its worker by then."""
    client, _, timings = await started(text, debounce)
    pid = client._server.pid if client._server else 0  # the one handle pygls gives
    server_cpu, worker_cpu = cpu_seconds(pid)
    await stopped(client)
    spawned, initialize, arrived = timings
    return arrived - spawned, arrived - initialize, server_cpu, worker_cpu


async def started(text: str, debounce: float) -> tuple[LanguageClient, str, tuple[float, ...]]:
    """A server spawned, initialized and with the document open, as an editor starts one:
    the client, the document's uri, and when it was spawned, when `initialize` was sent,
    and when the first diagnostics were read."""
    client = LanguageClient("bench", "1", protocol_cls=_Arrivals)
    protocol = client.protocol
    assert isinstance(protocol, _Arrivals)
    protocol.arrived, protocol.decoded = {}, {}

    @client.feature(PUBLISH)
    def published(params: types.PublishDiagnosticsParams) -> None:
        if params.version is not None:
            protocol.decoded.setdefault(params.version, time.perf_counter())

    spawned = time.perf_counter()
    await client.start_io(sys.executable, "-m", "brandlint", "lsp", *SERVER_OPTIONS)
    initialize = time.perf_counter()
    await client.initialize_async(
        types.InitializeParams(
            capabilities=types.ClientCapabilities(),
            root_uri=CONTENT.as_uri(),
            initialization_options={"debounce": debounce},
        )
    )
    client.initialized(types.InitializedParams())
    uri = (CONTENT / "bench.md").as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri=uri, language_id="markdown", version=1, text=text
            )
        )
    )
    while 1 not in protocol.arrived:
        await asyncio.sleep(0.001)
    return client, uri, (spawned, initialize, protocol.arrived[1])


async def stopped(client: LanguageClient) -> None:
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()


async def edits(
    text: str, rounds: int, debounce: float, where: str
) -> tuple[list[float], list[float], float]:
    """Per edit, seconds to its diagnostics as read and as decoded; CPU per edit."""
    client, uri, _ = await started(text, debounce)
    protocol = client.protocol
    assert isinstance(protocol, _Arrivals)
    arrived, decoded = protocol.arrived, protocol.decoded
    pid = client._server.pid if client._server else 0
    timings, decoding = [], []
    cpu_before = 0.0
    for version in range(2, rounds + 2):
        if version == 2 + WARM_ROUNDS:
            cpu_before = sum(cpu_seconds(pid))
        sent = time.perf_counter()
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=[
                    types.TextDocumentContentChangeWholeDocument(text=edited(text, version, where))
                ],
            )
        )
        while version not in decoded:
            await asyncio.sleep(0.001)
        if version > 1 + WARM_ROUNDS:
            timings.append(arrived[version] - sent)
            decoding.append(decoded[version] - arrived[version])
    cpu_per_edit = (sum(cpu_seconds(pid)) - cpu_before) / max(1, len(timings))
    await stopped(client)
    return timings, decoding, cpu_per_edit


def floor(command: list[str], runs: int) -> tuple[float, float]:
    """Median wall and CPU seconds of a fresh process running `command` (user + system CPU
    of the child, as the server's figures are); `brandlint check` ends 1 on alerts."""
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run(command, stdout=subprocess.DEVNULL)
        if done.returncode not in (0, 1):
            raise SystemExit(f"{command} failed: exit {done.returncode}")
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def in_process(text: str, rounds: int, where: str) -> tuple[list[float], list[float]]:
    """CPU seconds per edit in this process: each version linted whole (no cache), and
    through the server's engine with its block cache."""
    from brandlint.lsp.engine import Engine

    from brandlint.workspace import Settings, Workspace

    workspace = Workspace(Settings())
    engine = Engine(Settings())
    path = str(CONTENT / "bench.md")
    whole, cached = [], []
    engine.lint(path, text, "markdown")
    for version in range(2, rounds + 2):
        source = edited(text, version, where)
        before = time.process_time()
        workspace.lint_text(source, path, "markdown")
        between = time.process_time()
        engine.lint(path, source, "markdown")
        after = time.process_time()
        if version > 1 + WARM_ROUNDS:
            whole.append(between - before)
            cached.append(after - between)
    return whole, cached


def figures(timings: list[float]) -> str:
    ordered = sorted(timings)
    p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
    return f"median {1000 * statistics.median(ordered):.1f} ms, p95 {1000 * p95:.1f} ms"


def kept_warm(text: str, debounce: float, starts: int) -> None:
    """First diagnostics with `--keep-warm`: the cold session that starts the warm server,
    then sessions handed to it."""
    from brandlint.lsp import warm

    SERVER_OPTIONS.append("--keep-warm")
    with tempfile.TemporaryDirectory(prefix="bl-", dir="/tmp") as runtime:
        os.environ["XDG_RUNTIME_DIR"] = runtime
        folder = Path(runtime) / "brandlint"
        try:
            cold = asyncio.run(first_diagnostics(text, debounce))
            socket_path = warm.address(folder)
            ready = time.perf_counter()
            while not warm.listening(socket_path):  # it listens once warm
                time.sleep(0.05)
            ready = time.perf_counter() - ready
            handed = [asyncio.run(first_diagnostics(text, debounce)) for _ in range(starts)]
        finally:
            keeper = warm.running_keeper(warm.address(folder))
            if keeper is not None:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(keeper, signal.SIGTERM)
            del os.environ["XDG_RUNTIME_DIR"]
            SERVER_OPTIONS.remove("--keep-warm")
    print(
        f"with --keep-warm: first session {1000 * cold[1]:.0f} ms after initialize (cold; "
        f"the warm server it started listened {ready:.1f} s after that session ended, "
        f"{warm.WARM_DELAY:g} s of it waiting for the first session's start to end)"
    )
    median = statistics.median(s[1] for s in handed)
    stand_in = statistics.median(s[2] for s in handed)
    print(
        f"  later sessions, handed to the warm server, median of {len(handed)}: "
        f"{1000 * median:.0f} ms after initialize (each: "
        + ", ".join(f"{1000 * s[1]:.0f}" for s in handed)
        + f" ms); CPU of the process the editor started: {stand_in:.2f} s"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--words", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=40)
    parser.add_argument("--debounce", type=float, default=0.0, help="the server's setting")
    parser.add_argument("--edit", choices=("heading", "middle", "typing"), default="heading")
    parser.add_argument("--starts", type=int, default=5, help="fresh servers timed to start")
    parser.add_argument("--keep-warm", action="store_true", help="time `--keep-warm` too")
    args = parser.parse_args()
    # the floors' bare interpreters with one OpenBLAS thread, as the server and the
    # command line set it for themselves (numpy starts one per core otherwise)
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    text = copy(args.words)
    print(f"document: {len(text.split())} words, debounce {args.debounce:g} s, edit {args.edit}")
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    starts = [asyncio.run(first_diagnostics(text, args.debounce)) for _ in range(args.starts)]
    spawn, initialize, server_cpu, worker_cpu = (
        statistics.median(x) for x in zip(*starts, strict=True)
    )
    print(
        f"first diagnostics, median of {len(starts)} fresh servers: {1000 * initialize:.0f} ms "
        f"after initialize, {1000 * spawn:.0f} ms after spawning; CPU by then: server "
        f"{server_cpu:.2f} s, lint worker {worker_cpu:.2f} s (side by side)"
    )
    print("  each, after initialize: " + ", ".join(f"{1000 * s[1]:.0f}" for s in starts) + " ms")
    if args.keep_warm:
        kept_warm(text, args.debounce, args.starts)
    with tempfile.TemporaryDirectory() as folder:
        line, page = Path(folder) / "line.md", Path(folder) / "page.md"
        line.write_text(LINE, encoding="utf-8")
        page.write_text(text, encoding="utf-8")
        check = [sys.executable, "-m", "brandlint", "check"]
        floors = {
            "a fresh interpreter importing spaCy": [sys.executable, "-c", SPACY],
            "`brandlint check` of one line, default guide": [*check, str(line)],
            "`brandlint check` of this document, this guide": [
                *check,
                "--guide",
                str(EXAMPLE_GUIDE),
                str(page),
            ],
            "the server's engine warmed on the guide": [
                sys.executable,
                "-c",
                WARMED.format(folder=str(CONTENT)),
            ],
        }
        for name, command in floors.items():
            wall, cpu = floor(command, 3)
            print(f"  floor, {name}: {1000 * wall:.0f} ms wall, {cpu:.2f} s CPU")
    timings, decoding, cpu = asyncio.run(edits(text, args.rounds, args.debounce, args.edit))
    print(f"server, didChange → diagnostics read, {len(timings)} rounds: {figures(timings)}")
    print(f"  then decoded by pygls's client: {figures(decoding)} more")
    print(f"  server + worker CPU per edit: {1000 * cpu:.1f} ms")
    whole, cached = in_process(text, args.rounds, args.edit)
    print(f"in-process CPU per edit, whole-document lint: {figures(whole)}")
    print(f"in-process CPU per edit, the server's engine (block cache): {figures(cached)}")
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
