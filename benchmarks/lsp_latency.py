"""Language server latency: time to first diagnostics, and from `didChange` to diagnostics.

usage: python benchmarks/lsp_latency.py [--words 2000] [--rounds 40] [--debounce 0]

Starts `brandlint lsp` over stdio with the Kestrel example guide, as an editor does:
`initialize`, `initialized`, then opens a Markdown document of about N words of generated
copy. It prints the time from `initialize` to the first diagnostics of that document
(target 0.4 s), then changes one word per round, as a typist does, and times until the
diagnostics for that version arrive: median and p95 (targets: 2,000 words 20 / 40 ms,
10,000 words 50 / 100 ms). Beside them, the same edits linted whole in one process with
`Workspace.lint_text`: what each edit would cost without the server's block cache.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path

from _corpus import EXAMPLE_GUIDE, corpus
from lsprotocol import types
from pygls.lsp.client import LanguageClient

CONTENT = EXAMPLE_GUIDE.parent / "content" / "web"
WARM_ROUNDS = 3  # the first edits fill the syllable and lemma caches


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


def edited(text: str, version: int) -> str:
    """One word changed in the first paragraph, as a typist changes it."""
    return text.replace("Launch", f"Launch {version}", 1)


async def run(text: str, rounds: int, debounce: float) -> tuple[float, list[float]]:
    """Seconds from `initialize` to the first diagnostics, and per edit to its diagnostics."""
    client = LanguageClient("bench", "1")
    arrived: dict[int, float] = {}

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def published(params: types.PublishDiagnosticsParams) -> None:
        if params.version is not None:
            arrived.setdefault(params.version, time.perf_counter())

    await client.start_io(sys.executable, "-m", "brandlint", "lsp")
    started = time.perf_counter()
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
    while 1 not in arrived:
        await asyncio.sleep(0.001)
    first = arrived[1] - started
    timings = []
    for version in range(2, rounds + 2):
        sent = time.perf_counter()
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=[
                    types.TextDocumentContentChangeWholeDocument(text=edited(text, version))
                ],
            )
        )
        while version not in arrived:
            await asyncio.sleep(0.001)
        if version > 1 + WARM_ROUNDS:
            timings.append(arrived[version] - sent)
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    return first, timings


def whole(text: str, rounds: int) -> list[float]:
    """The same edits, each linted whole in this process (no server, no cache)."""
    from brandlint.workspace import Settings, Workspace

    workspace = Workspace(Settings())
    path = str(CONTENT / "bench.md")
    timings = []
    for version in range(2, rounds + 2):
        sent = time.perf_counter()
        workspace.lint_text(edited(text, version), path, "markdown")
        if version > 1 + WARM_ROUNDS:
            timings.append(time.perf_counter() - sent)
    return timings


def figures(timings: list[float]) -> str:
    ordered = sorted(timings)
    p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
    return f"median {1000 * statistics.median(ordered):.1f} ms, p95 {1000 * p95:.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--words", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=40)
    parser.add_argument("--debounce", type=float, default=0.0, help="the server's setting")
    args = parser.parse_args()
    text = copy(args.words)
    print(f"document: {len(text.split())} words, debounce {args.debounce:g} s")
    first, timings = asyncio.run(run(text, args.rounds, args.debounce))
    print(f"initialize → first diagnostics: {1000 * first:.0f} ms")
    print(f"server, didChange → diagnostics over {len(timings)} rounds: {figures(timings)}")
    print(f"whole-document lint in-process, same edits: {figures(whole(text, args.rounds))}")


if __name__ == "__main__":
    main()
