"""CPU seconds of reading Markdown into Documents, stage by stage, beside markdown-it's own
parse of the same files.

usage: python benchmarks/reading.py CORPUS [--guide GUIDE] [--runs 5]

CORPUS is a folder of Markdown files (read recursively; the Hugo corpus of
benchmarks/README.md, or generated copy from `_corpus.py`). Every figure is the least of
`--runs` CPU times (user + system) with the collector paused, as `Workspace.lint_file`
reads: on a machine other jobs load, wall time would measure them too. The peer is
markdown-it's bare parse (CommonMark with tables and strikethrough, a fresh parser as a
user would make one); the stages are brandlint's parse (its parser, text_join off), front
matter, the walk from tokens to block drafts, settling masks and links (each cumulative),
assembling the Document, and the whole `Workspace.document` (file read, guide look-up, language and
channel included).
"""

from __future__ import annotations

import argparse
import gc
import os
import time
from collections.abc import Callable
from pathlib import Path

from _corpus import EXAMPLE_GUIDE


def least(function: Callable[[], object], runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        gc.collect()
        gc.disable()
        start = time.process_time()
        function()
        best = min(best, time.process_time() - start)
        gc.enable()
    return best


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--guide", default=str(EXAMPLE_GUIDE))
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    from markdown_it import MarkdownIt

    from brandlint.core.document import assemble
    from brandlint.document.front_matter import split_front_matter
    from brandlint.document.markdown import _parser, markdown_drafts
    from brandlint.document.masking import blanked, settle
    from brandlint.document.suppressions import SuppressionCollector
    from brandlint.workspace import Settings, Workspace

    paths = sorted(str(p) for p in args.corpus.rglob("*.md"))
    sources = [Path(p).read_text(encoding="utf-8") for p in paths]
    words = sum(len(source.split()) for source in sources)
    workspace = Workspace(Settings(guide=args.guide))
    for path in paths[:20]:  # spaCy, the guide and every lazy import loaded before timing
        workspace.lint_file(path)
    fronts = [split_front_matter(source) for source in sources]
    bodies = [blanked(s[: f.end]) + s[f.end :] for s, f in zip(sources, fronts, strict=True)]
    bare = MarkdownIt("commonmark").enable("table").enable("strikethrough")
    ours = _parser(False)
    read = [markdown_drafts(body, SuppressionCollector()) for body in bodies]
    drafts = [[settle(draft, links=True) for draft in found[0]] for found in read]

    def assembled() -> None:
        for path, source, front, settled in zip(paths, sources, fronts, drafts, strict=True):
            assemble(path, source, [*front.blocks, *settled], format="markdown", meta=front.meta)

    def walked(links: bool | None) -> None:
        for body in bodies:
            found = markdown_drafts(body, SuppressionCollector())[0]
            if links is not None:  # settling changes a draft: each run settles its own
                for draft in found:
                    settle(draft, links=links)

    runs = args.runs
    figures = {
        "markdown-it bare parse (peer)": least(lambda: [bare.parse(s) for s in sources], runs),
        "brandlint's parse": least(lambda: [ours.parse(b, {}) for b in bodies], runs),
        "parse + walk (drafts)": least(lambda: walked(None), runs),
        "parse + walk + settle": least(lambda: walked(True), runs),
        "front matter": least(lambda: [split_front_matter(s) for s in sources], runs),
        "assemble": least(assembled, runs),
        "Workspace.document": least(lambda: [workspace.document(p) for p in paths], runs),
    }
    print(f"corpus: {len(paths)} Markdown files, {words} words ({args.corpus})")
    print(f"load average (1 min) {os.getloadavg()[0]:.2f}; {os.cpu_count()} CPUs")
    peer = figures["markdown-it bare parse (peer)"]
    for name, seconds in figures.items():
        print(f"  {name:30} {seconds:7.3f} CPU-s  {seconds / peer:5.2f}x the bare parse")


if __name__ == "__main__":
    main()
