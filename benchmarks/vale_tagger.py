"""Vale's tagger (brandlint/data/vale-tagger, for `sequence` rules) beside the spaCy tagger
brandlint ships (brandlint/data/tagger-en, for the other tag-reading rules), on the same
tokens: tokens per CPU second, load time and how often the two agree.

usage: python benchmarks/vale_tagger.py [--docs 300] [--folder /tmp/brandlint-bench/corpus-300]

The copy is the generated multi-channel corpus the other benchmarks use; each file's text
goes through brandlint's English pipeline once, and both taggers then tag its sentences'
tokens (white space left out). CPU time is this process's user + system time, so other jobs
on the machine change it little; wall time and the load average are printed beside it.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks._corpus import corpus, cpu_seconds  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--folder", type=Path, default=None)
    args = parser.parse_args()
    folder = args.folder or Path(f"/tmp/brandlint-bench/corpus-{args.docs}")
    paths = corpus(folder, args.docs)

    from brandlint.nlp.perceptron import vale_tagger
    from brandlint.nlp.pipelines import Pipelines
    from brandlint.nlp.tagger import shipped_tagger

    docs = Pipelines().get("en").process([p.read_text(encoding="utf-8") for p in paths])
    sentences = [[t.text for t in s if not t.is_space] for doc in docs for s in doc.sents]
    tokens = sum(len(s) for s in sentences)

    cpu, wall = cpu_seconds(), time.perf_counter()
    spacy_tagger = shipped_tagger("en")
    spacy_load = (cpu_seconds() - cpu, time.perf_counter() - wall)
    cpu, wall = cpu_seconds(), time.perf_counter()
    perceptron = vale_tagger()
    vale_load = (cpu_seconds() - cpu, time.perf_counter() - wall)
    assert spacy_tagger is not None

    cpu, wall = cpu_seconds(), time.perf_counter()
    spacy_tagger.tag(docs)
    spacy_run = (cpu_seconds() - cpu, time.perf_counter() - wall)
    cpu, wall = cpu_seconds(), time.perf_counter()
    vale_tags = [perceptron.tag(words) for words in sentences]
    vale_run = (cpu_seconds() - cpu, time.perf_counter() - wall)

    spacy_tags = [[t.tag_ for t in s if not t.is_space] for doc in docs for s in doc.sents]
    agree = sum(
        a == b
        for ours, theirs in zip(vale_tags, spacy_tags, strict=True)
        for a, b in zip(ours, theirs, strict=True)
    )
    print(f"{len(paths)} files, {len(sentences):,} sentences, {tokens:,} tokens")
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"{'':28}{'tokens/CPU-s':>14}{'tokens/s wall':>15}{'load CPU-s':>12}{'load wall s':>13}")
    for name, (run_cpu, run_wall), (load_cpu, load_wall) in (
        ("Vale's tagger (perceptron)", vale_run, vale_load),
        ("spaCy tagger (UD EWT)", spacy_run, spacy_load),
    ):
        print(
            f"{name:28}{tokens / run_cpu:>14,.0f}{tokens / run_wall:>15,.0f}"
            f"{load_cpu:>12.2f}{load_wall:>13.2f}"
        )
    print(f"same Penn Treebank tag from both: {agree / tokens:.1%} of tokens")
    return 0


if __name__ == "__main__":
    sys.exit(main())
