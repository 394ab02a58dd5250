"""Does a voice profile tell house styles apart? ROC AUC per voice, beside a z-score baseline,
by repeated nested cross-validation.

The sample in benchmarks/data/voice/ (built by benchmarks/voice_sample.py; licences there)
holds three public corpora with clearly different house styles, 60 documents each.

Outer loop: `REPEATS` times, each voice's documents are shuffled with a fixed seed and cut
into `FOLDS` folds. Each fold in turn is the test fold (12 documents per voice); a profile
is learned per voice from the other four folds (48 documents). Every test document is scored
against every voice's profile; a voice's AUC is the chance that one of its own documents
scores higher against its profile than a document of another voice.

Inner loop, inside each outer training set only: the weights of the two profile-relative
features (the brand's own words, the small-word mix) are chosen from a small grid by the mean
AUC over `INNER` inner folds (profiles learned on three inner folds, scored on the fourth,
whole documents and their first 200 words, so that short copy counts). The outer test fold
never chooses anything: it is scored once, with the weights its own training set chose.

Printed per voice, mean ± standard deviation over the `FOLDS` × `REPEATS` test folds: the
tuned weights, the weights the package ships (`Feature.weight`), equal weights and the
baseline, on whole documents and on their first 200+ words; the AUC by number of learning
documents; how often each weight pair was chosen, and the pair the same inner choice makes
on all the documents (what `Feature.weight` ships). Then the rewritten pairs
(benchmarks/data/voice/rewrites/): the same subject written in each of the three voices,
scored against each voice's profile learned from all 60 documents.

The baseline is what a quick script would do: five features (sentence length, word length,
questions, exclamations, 'you' words), each as a z-score against the voice's training mean
and standard deviation, the score being minus the mean absolute z.

With `--check FOLDER` (a second sample of the same corpora, none of the benchmark's
documents: benchmarks/voice_sample.py --check), profiles learned from all the benchmark's
documents score the check's, and the nested cross-validation runs again on the check alone:
a check of choices made while looking at this benchmark's figures (benchmarks/README.md).

Deterministic: the folds come from fixed seeds, and nothing else is random.

    python benchmarks/voice_auc.py [--check FOLDER]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from itertools import product
from pathlib import Path

from brandlint import Settings, Workspace
from brandlint.voice.features import FEATURES
from brandlint.voice.profile import Sample, Voice, learn
from brandlint.voice.score import feature_closeness, sample

DATA = Path(__file__).parent / "data" / "voice"
VOICES = ("go-blog", "peps", "hugo-docs")
BASELINE = ("sentence_length", "word_length", "questions", "exclamations", "you")
FOLDS = 5
REPEATS = 3
INNER = 4
SEED = 18  # the number: any fixed seed makes the folds reproducible
GRID = (1.0, 2.0, 3.0, 5.0, 8.0, 13.0)  # candidate weights of the two profile-relative features
LEARNING_CURVE = (5, 10, 20, 48)
EXCERPT_WORDS = 200
Weights = Mapping[str, float]
Closeness = dict[str, float]  # feature → closeness (0–1) of one document to one voice


@dataclass(frozen=True)
class Document:
    """A benchmark document measured whole and cut to its first `EXCERPT_WORDS`+ words."""

    whole: Sample
    short: Sample


@dataclass(frozen=True)
class Scorer:
    """One way of scoring: the features' weights (the score rounded, as users see it)."""

    name: str
    weights: Weights

    def __call__(self, close: Closeness) -> int:
        total = sum(self.weights[name] for name in close)
        return round(100 * sum(self.weights[name] * c for name, c in close.items()) / total)


EQUAL = {f.name: 1.0 for f in FEATURES}
SHIPPED = Scorer("shipped", {f.name: f.weight for f in FEATURES})
CANDIDATES = tuple(
    Scorer(
        f"brand's words ×{brand:g}, small-word mix ×{mix:g}",
        {**EQUAL, "characteristic_words": brand, "function_words": mix},
    )
    for brand, mix in product(GRID, GRID)
)


def excerpt(text: str) -> str:
    """The leading paragraphs, up to `EXCERPT_WORDS` words or just past: short copy, where
    chance swings of the figures matter most."""
    kept: list[str] = []
    for paragraph in text.split("\n\n"):
        kept.append(paragraph)
        if sum(len(p.split()) for p in kept) >= EXCERPT_WORDS:
            break
    return "\n\n".join(kept) + "\n"


def folds(count: int, parts: int, seed: int) -> list[list[int]]:
    """`count` positions shuffled by `seed` and dealt into `parts` folds."""
    order = list(range(count))
    random.Random(seed).shuffle(order)
    return [sorted(order[k::parts]) for k in range(parts)]


def auc(positives: Sequence[float], negatives: Sequence[float]) -> float:
    """Mann–Whitney: the share of (positive, negative) pairs ordered right; ties count half."""
    wins = sum((p > n) + 0.5 * (p == n) for p in positives for n in negatives)
    return wins / (len(positives) * len(negatives))


def aucs(scores: Mapping[str, Mapping[str, Sequence[float]]]) -> dict[str, float]:
    """AUC per voice from `scores[profile][document's voice]`: the profile's own documents
    against every other voice's."""
    return {
        voice: auc(
            scores[voice][voice],
            [s for other in VOICES if other != voice for s in scores[voice][other]],
        )
        for voice in VOICES
    }


def closeness(
    held: Mapping[str, Sequence[Sample]], voices: Mapping[str, Voice]
) -> dict[str, dict[str, list[Closeness]]]:
    """`[profile][document's voice]`: each held-out document's closeness to each profile,
    computed once and weighed by every scorer."""
    return {
        profile: {
            voice: [feature_closeness(d.document, voices[profile], "document") for d in held[voice]]
            for voice in VOICES
        }
        for profile in VOICES
    }


def scored(
    scorer: Callable[[Closeness], float], close: Mapping[str, Mapping[str, Sequence[Closeness]]]
) -> dict[str, float]:
    return aucs({p: {v: [scorer(c) for c in close[p][v]] for v in VOICES} for p in VOICES})


def baseline(
    held: Mapping[str, Sequence[Sample]], learned: Mapping[str, Sequence[Sample]]
) -> dict[str, float]:
    def score(document: Sample, training: Sequence[Sample]) -> float:
        zs = []
        for name in BASELINE:
            column = [s.document.values[name] for s in training if name in s.document.values]
            mean = statistics.fmean(column)
            sd = statistics.pstdev(column) or 1.0
            zs.append(abs(document.document.values.get(name, mean) - mean) / sd)
        return -statistics.fmean(zs)

    return aucs({p: {v: [score(d, learned[p]) for d in held[v]] for v in VOICES} for p in VOICES})


def profiles(training: Mapping[str, Sequence[Sample]]) -> dict[str, Voice]:
    return {v: learn(training[v]).voices[0] for v in VOICES}


def choose(training: Mapping[str, Sequence[Document]], seed: int) -> Scorer:
    """The grid's weights with the best mean AUC over inner folds of the training set alone
    (ties go to the smaller weights, listed first)."""
    totals = [0.0] * len(CANDIDATES)
    inner = {v: folds(len(training[v]), INNER, seed) for v in VOICES}
    for k in range(INNER):
        held = {
            v: [d for i in inner[v][k] for d in (training[v][i].whole, training[v][i].short)]
            for v in VOICES
        }
        rest = {
            v: [training[v][i].whole for j in range(INNER) if j != k for i in inner[v][j]]
            for v in VOICES
        }
        close = closeness(held, profiles(rest))
        for n, candidate in enumerate(CANDIDATES):
            totals[n] += statistics.fmean(scored(candidate, close).values())
    return CANDIDATES[totals.index(max(totals))]


class Table:
    """AUCs per voice gathered over the test folds, printed as mean ± sd."""

    def __init__(self, first: str) -> None:
        self.first = first
        self.rows: dict[str, dict[str, list[float]]] = {}

    def add(self, label: str, found: Mapping[str, float]) -> None:
        row = self.rows.setdefault(label, {v: [] for v in (*VOICES, "mean")})
        for voice in VOICES:
            row[voice].append(found[voice])
        row["mean"].append(statistics.fmean(found[v] for v in VOICES))

    def print(self, spread: bool = True) -> None:
        """`spread`: mean ± sd over the folds; else the one figure each cell holds."""
        print(f"| {self.first} | " + " | ".join(VOICES) + " | mean |")
        print("| --- |" + " --- |" * (len(VOICES) + 1))
        for label, row in self.rows.items():
            cells = [
                f"{statistics.fmean(row[v]):.3f}"
                + (f" ± {statistics.stdev(row[v]):.3f}" if spread else "")
                for v in (*VOICES, "mean")
            ]
            print(f"| {label} | " + " | ".join(cells) + " |")
        print()


@dataclass(frozen=True)
class Validation:
    """What the repeated nested cross-validation of one sample found."""

    whole: Table
    short: Table
    curve: Table
    chosen: Counter[str]


def cross_validate(corpus: Mapping[str, Sequence[Document]]) -> Validation:
    """The repeated nested cross-validation described at the top, on `corpus`."""
    found = Validation(
        Table("scoring"),
        Table("scoring, first 200+ words"),
        Table("learning documents"),
        Counter(),
    )
    for repeat in range(REPEATS):
        outer = {v: folds(len(corpus[v]), FOLDS, SEED * 100 + repeat) for v in VOICES}
        for k in range(FOLDS):
            test = {v: [corpus[v][i] for i in outer[v][k]] for v in VOICES}
            training = {
                v: [corpus[v][i] for j in range(FOLDS) if j != k for i in outer[v][j]]
                for v in VOICES
            }
            best = choose(training, SEED * 1000 + repeat * FOLDS + k)
            found.chosen[best.name] += 1
            learned = {v: [d.whole for d in training[v]] for v in VOICES}
            voices = profiles(learned)
            for table, part in ((found.whole, "whole"), (found.short, "short")):
                held = {v: [getattr(d, part) for d in test[v]] for v in VOICES}
                close = closeness(held, voices)
                table.add("voice profile, weights tuned on inner folds", scored(best, close))
                table.add("voice profile, shipped weights", scored(SHIPPED, close))
                table.add("voice profile, equal weights", scored(Scorer("equal", EQUAL), close))
                table.add("z-score baseline (5 features)", baseline(held, learned))
            held = {v: [d.whole for d in test[v]] for v in VOICES}
            for count in LEARNING_CURVE:
                # the training set is in fold order, itself shuffled: its first N are a
                # random N of the voice's documents
                small = profiles({v: learned[v][:count] for v in VOICES})
                found.curve.add(str(count), scored(SHIPPED, closeness(held, small)))
        print(f"repeat {repeat + 1} of {REPEATS} done", file=sys.stderr)
    return found


def check(
    corpus: Mapping[str, Sequence[Document]], other: Mapping[str, Sequence[Document]]
) -> None:
    """Print how profiles learned from all of `corpus` tell `other` documents of the same
    corpora apart, then the nested cross-validation on `other` alone."""
    learned = {v: [d.whole for d in corpus[v]] for v in VOICES}
    voices = profiles(learned)
    print("\nCheck: profiles learned from the benchmark's documents, scoring the check's:\n")
    table = Table("scoring the check's documents")
    for part in ("whole", "short"):
        held = {v: [getattr(d, part) for d in other[v]] for v in VOICES}
        close = closeness(held, voices)
        what = "whole" if part == "whole" else f"first {EXCERPT_WORDS}+ words"
        table.add(f"voice profile, shipped weights, {what}", scored(SHIPPED, close))
        table.add(f"z-score baseline (5 features), {what}", baseline(held, learned))
    table.print(spread=False)
    print("Check: the nested cross-validation on the check's documents alone:\n")
    found = cross_validate(other)
    found.whole.print()
    found.short.print()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check",
        type=Path,
        help="a second sample of the same corpora, other documents "
        "(built by benchmarks/voice_sample.py --check): scored against the benchmark's profiles, "
        "and cross-validated alone",
    )
    args = parser.parse_args()
    started, cpu = time.perf_counter(), time.process_time()
    workspace = Workspace(Settings())

    def read(path: Path, text: str | None = None) -> Sample:
        document = workspace.document(str(path), text, lang="en")
        return sample(workspace.linter_for(document.path).context(document))

    def read_sample(root: Path) -> dict[str, list[Document]]:
        corpus: dict[str, list[Document]] = {}
        for voice in VOICES:
            paths = sorted(p for p in (root / voice).iterdir() if p.suffix in (".md", ".rst"))
            corpus[voice] = [
                Document(read(p), read(p, excerpt(p.read_text(encoding="utf-8")))) for p in paths
            ]
            print(f"{root / voice}: {len(corpus[voice])} documents", file=sys.stderr)
        return corpus

    corpus = read_sample(DATA)
    found = cross_validate(corpus)
    runs = FOLDS * REPEATS
    print(
        f"{REPEATS} × {FOLDS}-fold cross-validation: AUC mean ± sd over {runs} test folds of 12 "
        "documents per voice; weights chosen on inner folds of each training set.\n"
    )
    print("Whole documents:\n")
    found.whole.print()
    print(f"The same test documents, first {EXCERPT_WORDS}+ words:\n")
    found.short.print()
    print("Shipped weights, by number of learning documents (a random N of the training set):\n")
    found.curve.print()
    print(f"Weights chosen by the inner folds, in {runs} outer folds:\n")
    for name, count in found.chosen.most_common():
        print(f"- {name}: {count}")
    # the same choice made on all documents: the weights to ship (`Feature.weight`)
    print(f"- on all {len(corpus[VOICES[0]])} documents per voice: {choose(corpus, SEED).name}")

    print("\nRewritten pairs: the same text in each voice, scored against each profile")
    print("(learned from all 60 documents of each voice, shipped weights).\n")
    voices = profiles({v: [d.whole for d in corpus[v]] for v in VOICES})
    print("| text | words | " + " | ".join(f"{v} profile" for v in VOICES) + " |")
    print("| --- | --- |" + " --- |" * len(VOICES))
    for text in sorted((DATA / "rewrites").glob("*-*.md")):
        document = read(text)
        cells = [
            str(SHIPPED(feature_closeness(document.document, voices[v], "document")))
            for v in VOICES
        ]
        print(f"| {text.stem} | {document.document.words} | " + " | ".join(cells) + " |")
    if args.check:
        check(corpus, read_sample(args.check))
    load = os.getloadavg()[0]
    print(
        f"\n{time.perf_counter() - started:.0f} s wall, {time.process_time() - cpu:.0f} s CPU, "
        f"load average {load:.1f}",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
