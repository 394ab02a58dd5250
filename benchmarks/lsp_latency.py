"""Language server latency: time from `didChange` to `publishDiagnostics`.

usage: python benchmarks/lsp_latency.py [--words 2000] [--rounds 40]

Starts `brandlint lsp` over stdio with the Kestrel example guide, opens a Markdown document
of about N words of generated copy, warms up, then changes one word per round and times
until the diagnostics for that version arrive. Prints median and p95 (target: median under
50 ms for 2,000 words). The server's default debounce (20 ms) is included, as a typist sees it.
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


async def run(words: int, rounds: int) -> list[float]:
    client = LanguageClient("bench", "1")
    arrived: dict[int, float] = {}

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def published(params: types.PublishDiagnosticsParams) -> None:
        if params.version is not None:
            arrived[params.version] = time.perf_counter()

    await client.start_io(sys.executable, "-m", "brandlint", "lsp")
    await client.initialize_async(
        types.InitializeParams(capabilities=types.ClientCapabilities(), root_uri=CONTENT.as_uri())
    )
    client.initialized(types.InitializedParams())
    uri = (CONTENT / "bench.md").as_uri()
    text = copy(words)
    print(f"document: {len(text.split())} words")
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri=uri, language_id="markdown", version=1, text=text
            )
        )
    )
    timings = []
    for version in range(2, rounds + 2):
        edited = text.replace("Launch", f"Launch {version}", 1)
        sent = time.perf_counter()
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=[types.TextDocumentContentChangeWholeDocument(text=edited)],
            )
        )
        while version not in arrived:
            await asyncio.sleep(0.001)
        if version > 4:  # the first rounds build pipelines, matchers and the syllable data
            timings.append(arrived[version] - sent)
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    return timings


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--words", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=40)
    args = parser.parse_args()
    timings = sorted(asyncio.run(run(args.words, args.rounds)))
    p95 = timings[min(len(timings) - 1, int(0.95 * len(timings)))]
    print(
        f"didChange → diagnostics over {len(timings)} rounds: median "
        f"{1000 * statistics.median(timings):.1f} ms, p95 {1000 * p95:.1f} ms"
    )


if __name__ == "__main__":
    main()
