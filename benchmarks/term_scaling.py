"""Cost per 100,000 words with 10, 100, 1,000 and 10,000 guide terms.

usage: python benchmarks/term_scaling.py

Terms are generated pseudo-words and two-word phrases (a few real banned words among them,
so alerts are produced); the copy is ~100,000 words of generated marketing text. Compile
time (building the shared matchers) is printed apart from lint time.
"""

from __future__ import annotations

import random
import tempfile
import time
from pathlib import Path

from _corpus import corpus, words

SYLLABLES = ["ka", "lo", "mi", "ner", "tus", "vo", "zen", "qua", "ri", "pel", "dro", "fin"]
REAL = [
    "synergy",
    "leverage",
    "utilize",
    "world-class",
    "best-in-class",
    "cutting-edge",
    "revolutionary",
    "guaranteed",
    "click here",
    "whitelist",
]


def fake_terms(count: int, seed: int = 7) -> list[str]:
    r = random.Random(seed)
    out = list(REAL[: min(count, len(REAL))])
    while len(out) < count:
        word = "".join(r.choice(SYLLABLES) for _ in range(r.randint(2, 4)))
        out.append(
            word if r.random() < 0.7 else f"{word} {r.choice(SYLLABLES)}{r.choice(SYLLABLES)}"
        )
    return out


def guide_text(terms: list[str]) -> str:
    lines = ["name: bench", "terms:"]
    for i, term in enumerate(terms):
        lines.append(f'  - id: t{i}\n    avoid: ["{term}"]\n    suggest: use')
    return "\n".join(lines) + "\n"


def main() -> None:
    from brandlint.document.reader import read_document
    from brandlint.guide.loader import load_guide
    from brandlint.linter import Linter

    paths = corpus(Path("/tmp/brandlint-bench/corpus-700"), 700)
    documents = [read_document(str(p), p.read_bytes()) for p in paths]
    total = words(paths)
    scale = 100_000 / total
    print(f"copy: {len(paths)} files, {total} words; figures scaled to 100,000 words")
    header = ("terms", "compile s", "lint s/100k words", "vs 10 terms", "alerts")
    print("{:>7} {:>10} {:>18} {:>12} {:>7}".format(*header))
    base = None
    with tempfile.TemporaryDirectory() as tmp:
        for count in (10, 100, 1000, 10_000):
            path = Path(tmp) / f"guide-{count}.yaml"
            path.write_text(guide_text(fake_terms(count)), encoding="utf-8")
            linter = Linter(load_guide(path))
            start = time.perf_counter()
            linter.lint(documents[0])  # builds the language's matchers
            compile_seconds = time.perf_counter() - start
            best = float("inf")
            for _ in range(3):
                start = time.perf_counter()
                alerts = sum(len(linter.lint(d)) for d in documents)
                best = min(best, time.perf_counter() - start)
            per_100k = best * scale
            base = base or per_100k
            ratio = per_100k / base
            print(
                f"{count:>7} {compile_seconds:>10.2f} {per_100k:>18.2f} {ratio:>11.2f}x {alerts:>7}"
            )


if __name__ == "__main__":
    main()
