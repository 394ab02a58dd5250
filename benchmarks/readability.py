"""Readability alone: `brandlint.readability.measure` beside textstat on the same texts.

usage: python benchmarks/readability.py [--docs 1000] [--dir /tmp/brandlint-bench] [--words 10000]

The texts are the ones the Kestrel example guide measures in its generated corpus (each
section the `readability` rule scores and each page the voice figures score), recorded
during one lint. Then, on one core, CPU seconds (wall beside) for:

* textstat: its six English figures (Flesch–Kincaid grade, Flesch reading ease, Gunning
  fog, SMOG, Coleman–Liau, ARI) per text, as its functions give them;
* brandlint, first pass: `measure` with nothing remembered yet (each word looked up once,
  each paragraph counted once: a batch run's cost);
* brandlint, again: the same texts measured a second time (every paragraph remembered);
* an editor's page of `--words` words measured whole, then once per edit of one paragraph
  (a character typed in the middle), beside textstat on the same page.

The figures are textstat's to the last digit (tests/test_readability_counts.py); the
script checks the six English figures agree on every text before printing any timing.
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from _corpus import EXAMPLE_GUIDE, corpus_of, corpus_parser

import brandlint.checks.readability as rule
import brandlint.voice.features as voice
from brandlint import readability
from brandlint.readability import Scores, TextstatCounts, measure
from brandlint.workspace import Settings, Workspace


def recorded_texts(paths: list[Path]) -> list[tuple[str, str]]:
    """(text, language) of every `measure` call of a lint with the example guide."""
    seen: list[tuple[str, str]] = []

    def recording(text: str, lang: str) -> Scores:
        seen.append((text, lang))
        return measure(text, lang)

    workspace = Workspace(Settings(guide=str(EXAMPLE_GUIDE)))
    rule.measure, voice.measure = recording, recording  # type: ignore[assignment]
    try:
        for path in paths:
            workspace.lint_file(path)
    finally:
        rule.measure, voice.measure = measure, measure
    return seen


def textstat_figures(text: str) -> tuple[float, ...]:
    """The six English figures from textstat's own functions, rounded as `Scores` holds them."""
    metrics = readability.textstat_backend().metrics
    found = (
        metrics.flesch_kincaid_grade(text, "en_US"),
        metrics.flesch_reading_ease(text, "en_US"),
        metrics.gunning_fog(text, "en_US"),
        metrics.smog_index(text, "en_US"),
        metrics.coleman_liau_index(text),
        metrics.automated_readability_index(text),
    )
    return tuple(round(value, 1) for value in found)


def brandlint_figures(text: str) -> tuple[float | None, ...]:
    s = measure(text, "en")
    return (s.grade, s.ease, s.fog, s.smog, s.coleman_liau, s.ari)


@contextmanager
def fresh_memory() -> Iterator[None]:
    """`measure` with nothing remembered, as in a new process."""
    kept = readability.TEXTSTAT_COUNTS
    readability.TEXTSTAT_COUNTS = TextstatCounts()
    try:
        yield
    finally:
        readability.TEXTSTAT_COUNTS = kept


def timed(label: str, job: Callable[[], object], texts: int) -> float:
    wall, cpu = time.perf_counter(), time.process_time()
    job()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(f"{label:34} CPU {cpu * 1000:8.1f} ms  wall {wall * 1000:8.1f} ms  ({texts} texts)")
    return cpu


def forget_textstat() -> None:
    """Empty textstat's caches of results per text, so that no timing reads another's."""
    backend = readability.textstat_backend()
    for part in (backend.counts, backend.metrics, backend.selections, backend.transformations):
        for name in part.__all__:
            getattr(getattr(part, name), "cache_clear", lambda: None)()


def editor(words: int, texts: list[str]) -> None:
    """A page of about `words` words, measured whole, then after each of 20 one-character
    edits to its middle paragraph."""
    paragraphs: list[str] = []
    for paragraph in (p for text in texts for p in text.split("\n")):
        if sum(len(p.split()) for p in paragraphs) >= words:
            break
        paragraphs.append(paragraph)
    middle = len(paragraphs) // 2
    size = sum(len(p.split()) for p in paragraphs)
    print(f"\neditor page: {size} words, {len(paragraphs)} paragraphs")
    peer, ours = [], []
    with fresh_memory():
        for _ in range(21):
            text = paragraphs[middle]
            paragraphs[middle] = text[: len(text) // 2] + "x" + text[len(text) // 2 :]
            page = "\n".join(paragraphs)
            forget_textstat()
            cpu = time.process_time()
            expected = textstat_figures(page)
            peer.append(time.process_time() - cpu)
            cpu = time.process_time()
            found = brandlint_figures(page)
            ours.append(time.process_time() - cpu)
            assert found == expected, (found, expected)
    print(
        f"textstat, the page per edit         CPU median {statistics.median(peer) * 1000:7.2f} ms"
    )
    print(f"brandlint, the page's first measure CPU        {ours[0] * 1000:7.2f} ms")
    after = statistics.median(ours[1:]) * 1000
    print(f"brandlint, per edit after (20)      CPU median {after:7.2f} ms")


def main() -> None:
    parser = corpus_parser()
    parser.add_argument("--words", type=int, default=10_000)
    args = parser.parse_args()
    _, paths = corpus_of(args)
    texts = recorded_texts(paths)
    english = [text for text, lang in texts if lang == "en"]
    print(f"{len(texts)} texts measured by the example guide in {len(paths)} files")
    print(f"({len(english)} English, {sum(len(t.split()) for t, _ in texts)} words)")
    print(f"load average (1 min) {os.getloadavg()[0]:.2f}; {os.cpu_count()} CPUs")
    wrong = [t for t in english if brandlint_figures(t) != textstat_figures(t)]
    print(f"figures differing from textstat's: {len(wrong)} of {len(english)}\n")
    assert not wrong

    forget_textstat()
    textstat = timed(
        "textstat, six figures per text",
        lambda: [textstat_figures(t) for t in english],
        len(english),
    )
    with fresh_memory():
        first = timed(
            "brandlint measure, first pass", lambda: [measure(t, g) for t, g in texts], len(texts)
        )
        again = timed(
            "brandlint measure, again", lambda: [measure(t, g) for t, g in texts], len(texts)
        )
    print(
        f"textstat / first pass {textstat / first:.1f}x; textstat / again {textstat / again:.1f}x"
    )
    editor(args.words, english)


if __name__ == "__main__":
    main()
