"""Does a voice profile tell house styles apart? ROC AUC per voice, beside a z-score baseline.

The sample in benchmarks/data/voice/ (built by benchmarks/voice_sample.py; licences there)
holds three public corpora with clearly different house styles, 60 documents each. Each
corpus is split three ways, fixed by position in path order (`split`):

* learn (documents 2 and 3 of every 4: 30): the profile is learned from these;
* tune (document 1 of every 4: 15, and the first 200 words of each, so that short copy
  counts too): feature weights and scoring changes are chosen here;
* test (document 0 of every 4: 15): untouched until the choice is made; its AUC is reported.

Each tune or test document is scored against each voice's profile; a voice's AUC is the
chance that one of its own documents scores higher against its profile than a document of
another voice. The weights of the two profile-relative features (the brand's own words, the
small-word mix) are chosen from a small grid by the mean AUC on the tune split; the test
split's AUC is then printed for the chosen weights, for equal weights, for the weights the
package ships (`Feature.weight`) and for the baseline.

The baseline is what a quick script would do: five features (sentence length, word length,
questions, exclamations, 'you' words), each as a z-score against the voice's learning mean
and standard deviation, the score being minus the mean absolute z.

Then: AUC on the test split against the number of learning documents (the first 5, 10, 20
and 30 of the learn split), and the rewritten pairs (benchmarks/data/voice/rewrites/): the
same subject written in each of the three voices, scored against each profile.

    python benchmarks/voice_auc.py
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from itertools import product
from pathlib import Path
from typing import Any

from brandlint import Settings, Workspace
from brandlint.voice.features import FEATURES
from brandlint.voice.profile import Sample, Voice, learn
from brandlint.voice.score import feature_closeness, sample

DATA = Path(__file__).parent / "data" / "voice"
VOICES = ("go-blog", "peps", "hugo-docs")
BASELINE = ("sentence_length", "word_length", "questions", "exclamations", "you")
SPLITS = ("test", "tune", "learn", "learn")  # by document position modulo 4
GRID = (1.0, 2.0, 3.0, 5.0, 8.0)  # candidate weights of the two profile-relative features
LEARNING_CURVE = (5, 10, 20, 30)
EXCERPT_WORDS = 200
Weights = Mapping[str, float]


@dataclass(frozen=True)
class Scorer:
    """One way of scoring: the features' weights (the score rounded, as users see it)."""

    name: str
    weights: Weights

    def __call__(self, document: Sample, voice: Voice) -> int:
        close = feature_closeness(document.document, voice, "document")
        total = sum(self.weights[name] for name in close)
        return round(100 * sum(self.weights[name] * c for name, c in close.items()) / total)


def excerpt(path: Path, folder: Path) -> Path:
    """The document's leading paragraphs, up to `EXCERPT_WORDS` words or just past: short
    copy, where chance swings of the figures matter most."""
    kept: list[str] = []
    for paragraph in path.read_text(encoding="utf-8").split("\n\n"):
        kept.append(paragraph)
        if sum(len(p.split()) for p in kept) >= EXCERPT_WORDS:
            break
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / path.name
    target.write_text("\n\n".join(kept) + "\n", encoding="utf-8")
    return target


def split(documents: Sequence[Sample]) -> dict[str, list[Sample]]:
    found: dict[str, list[Sample]] = {"learn": [], "tune": [], "test": []}
    for i, document in enumerate(documents):
        found[SPLITS[i % len(SPLITS)]].append(document)
    return found


def auc(positives: Sequence[float], negatives: Sequence[float]) -> float:
    """Mann–Whitney: the share of (positive, negative) pairs ordered right; ties count half."""
    wins = sum((p > n) + 0.5 * (p == n) for p in positives for n in negatives)
    return wins / (len(positives) * len(negatives))


def aucs(
    score: Callable[[Sample, Any], float],
    held: Mapping[str, Sequence[Sample]],
    profiles: Mapping[str, Any],
) -> dict[str, float]:
    """AUC per voice: `score(document, profile)` for every held-out document and profile
    (a profile: a `Voice`, or the learn split for the baseline)."""
    out = {}
    for voice in VOICES:
        own = [score(d, profiles[voice]) for d in held[voice]]
        rest = [score(d, profiles[voice]) for o in VOICES if o != voice for d in held[o]]
        out[voice] = auc(own, rest)
    return out


def baseline(document: Sample, learned: Sequence[Sample]) -> float:
    zs = []
    for name in BASELINE:
        column = [s.document.values[name] for s in learned if name in s.document.values]
        mean = sum(column) / len(column)
        sd = (sum((v - mean) ** 2 for v in column) / len(column)) ** 0.5 or 1.0
        zs.append(abs(document.document.values.get(name, mean) - mean) / sd)
    return -sum(zs) / len(zs)


def row(label: str, found: Mapping[str, float]) -> str:
    mean = sum(found.values()) / len(found)
    return f"| {label} | " + " | ".join(f"{found[v]:.3f}" for v in VOICES) + f" | {mean:.3f} |"


def main() -> None:
    started = time.perf_counter()
    workspace = Workspace(Settings())

    def read(path: Path) -> Sample:
        document = workspace.document(str(path), lang="en")
        return sample(workspace.linter_for(document.path).context(document))

    splits: dict[str, dict[str, list[Sample]]] = {}
    excerpts: dict[str, dict[str, list[Sample]]] = {}
    voices: dict[str, Voice] = {}
    scratch = Path(tempfile.mkdtemp(prefix="voice-excerpts-"))
    for voice in VOICES:
        paths = sorted(p for p in (DATA / voice).iterdir() if p.suffix in (".md", ".rst"))
        splits[voice] = split([read(p) for p in paths])
        excerpts[voice] = split([read(excerpt(p, scratch / voice)) for p in paths])
        voices[voice] = learn(splits[voice]["learn"]).voices[0]
        sizes = {k: len(v) for k, v in splits[voice].items()}
        print(f"{voice}: {sizes}", file=sys.stderr)
    shutil.rmtree(scratch)
    tune = {v: splits[v]["tune"] + excerpts[v]["tune"] for v in VOICES}
    test = {v: splits[v]["test"] for v in VOICES}
    short_test = {v: excerpts[v]["test"] for v in VOICES}

    equal = {f.name: 1.0 for f in FEATURES}
    shipped = {f.name: f.weight for f in FEATURES}
    candidates = [
        Scorer(
            f"brand's words ×{brand:g}, small-word mix ×{mix:g}",
            {**equal, "characteristic_words": brand, "function_words": mix},
        )
        for brand, mix in product(GRID, GRID)
    ]
    tuned = [sum(aucs(c, tune, voices).values()) / len(VOICES) for c in candidates]
    # the best mean AUC on the tune split; ties go to the smaller weights (listed first)
    best = candidates[tuned.index(max(tuned))]
    print(f"\nChosen on the tune split: {best.name} (tune mean AUC {max(tuned):.3f})\n")
    for candidate, found in sorted(zip(candidates, tuned, strict=True), key=lambda c: -c[1])[:8]:
        print(f"  tune mean AUC {found:.3f}: {candidate.name}", file=sys.stderr)

    print("Test split (15 documents per voice, never used to choose):\n")
    print("| scoring | " + " | ".join(VOICES) + " | mean |")
    print("| --- |" + " --- |" * (len(VOICES) + 1))
    print(row(f"voice profile, tuned: {best.name}", aucs(best, test, voices)))
    print(row("voice profile, shipped weights", aucs(Scorer("shipped", shipped), test, voices)))
    print(row("voice profile, equal weights", aucs(Scorer("equal", equal), test, voices)))
    learned = {v: splits[v]["learn"] for v in VOICES}
    print(row("z-score baseline (5 features)", aucs(baseline, test, learned)))

    print(f"\nTest split, first {EXCERPT_WORDS}+ words of each document:\n")
    print("| scoring | " + " | ".join(VOICES) + " | mean |")
    print("| --- |" + " --- |" * (len(VOICES) + 1))
    print(row(f"voice profile, tuned: {best.name}", aucs(best, short_test, voices)))
    print(
        row("voice profile, shipped weights", aucs(Scorer("shipped", shipped), short_test, voices))
    )
    print(row("voice profile, equal weights", aucs(Scorer("equal", equal), short_test, voices)))
    print(row("z-score baseline (5 features)", aucs(baseline, short_test, learned)))

    print("\nTest-split AUC, shipped weights, by number of learning documents:\n")
    print("| learning documents | " + " | ".join(VOICES) + " | mean |")
    print("| --- |" + " --- |" * (len(VOICES) + 1))
    for count in LEARNING_CURVE:
        small = {v: learn(splits[v]["learn"][:count]).voices[0] for v in VOICES}
        print(row(str(count), aucs(Scorer("shipped", shipped), test, small)))

    print("\nRewritten pairs: the same text in each voice, scored against each profile.\n")
    print("| text | words | " + " | ".join(f"{v} profile" for v in VOICES) + " |")
    print("| --- | --- |" + " --- |" * len(VOICES))
    for text in sorted((DATA / "rewrites").glob("*-*.md")):
        document = read(text)
        scores = [str(Scorer("shipped", shipped)(document, voices[v])) for v in VOICES]
        print(f"| {text.stem} | {document.document.words} | " + " | ".join(scores) + " |")
    print(f"\n{time.perf_counter() - started:.0f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
