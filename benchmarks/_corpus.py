"""Shared by the benchmarks: generated copy from ../shared/tools/gen_corpus.py."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
GENERATOR = REPO.parent / "shared" / "tools" / "gen_corpus.py"
EXAMPLE_GUIDE = REPO / "examples" / "kestrel" / "brandlint.yaml"


def corpus(folder: Path, docs: int) -> list[Path]:
    """Generate (once) `docs` documents into `folder` and return their paths."""
    if not any(folder.rglob("*.*")):
        subprocess.run(
            [sys.executable, str(GENERATOR), str(folder), "--docs", str(docs)],
            check=True,
            capture_output=True,
        )
    return sorted(p for p in folder.rglob("*") if p.suffix in (".md", ".html", ".txt"))


def corpus_parser() -> argparse.ArgumentParser:
    """A benchmark's arguments with the corpus's: `--docs` (how many) and `--dir` (where
    the corpora are generated, one folder per size)."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--dir", default="/tmp/brandlint-bench")
    return parser


def corpus_of(args: argparse.Namespace) -> tuple[Path, list[Path]]:
    """The corpus the arguments of `corpus_parser` name: its folder and its documents."""
    folder = Path(args.dir) / f"corpus-{args.docs}"
    return folder, corpus(folder, args.docs)


def words(paths: list[Path]) -> int:
    return sum(len(p.read_text(encoding="utf-8").split()) for p in paths)


def cpu_seconds() -> float:
    """User + system CPU seconds of this process and of its waited-for children: on a
    machine other jobs load, wall time measures them too, CPU time only us."""
    import resource

    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime
