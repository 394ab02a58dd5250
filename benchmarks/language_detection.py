"""Language detection accuracy and speed on real copy, among {en, hu, nb, az, yo}.

usage: python benchmarks/language_detection.py [--min-words 20] [--min-confidence 0.7]

The paragraphs of at least `--min-words` words of the seed articles (tests/fixtures/seeds:
real published marketing articles in Yoruba, Hungarian, Azerbaijani and Norwegian Bokmål)
and, for English, of the Kestrel example's English copy (examples/kestrel/content, its hu/
and nb/ folders left out), each detected on its own with `brandlint.nlp.detect.detect`
restricted to those five languages. Prints, per language, the paragraphs found right,
wrong and undecided (confidence below `--min-confidence`), the lowest confidence of a
right answer, and the milliseconds per paragraph (lingua's models loaded beforehand; the
load is printed apart).
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from brandlint.nlp.detect import DetectorCache, detect  # noqa: E402

CANDIDATES = ("en", "hu", "nb", "az", "yo")
SEEDS = ROOT / "tests" / "fixtures" / "seeds"
ENGLISH = ROOT / "examples" / "kestrel" / "content"


def paragraphs(text: str, min_words: int, separator: str = r"\n") -> list[str]:
    """The paragraphs of `text` with at least `min_words` words: the seed articles have
    one paragraph a line; Markdown has blank lines between paragraphs."""
    found = [" ".join(p.split()) for p in re.split(separator, text)]
    return [p for p in found if len(p.split()) >= min_words]


def english_copy() -> str:
    """The Kestrel example's English prose: Markdown and text, markup stripped coarsely."""
    parts = []
    for path in sorted(ENGLISH.rglob("*")):
        if path.suffix not in (".md", ".txt") or {"hu", "nb"} & set(path.parts):
            continue
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)  # front matter
        text = re.sub(r"<[^>]+>|[#*_>`\[\]]|\(https?://[^)]*\)", " ", text)
        parts.append(text)
    return "\n\n".join(parts)


def corpus(min_words: int) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {lang: [] for lang in CANDIDATES}
    for path in sorted(SEEDS.glob("*.txt")):
        found[path.name[:2]].extend(paragraphs(path.read_text(encoding="utf-8"), min_words))
    found["en"] = paragraphs(english_copy(), min_words, r"\n\s*\n")
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--min-words", type=int, default=20)
    parser.add_argument("--min-confidence", type=float, default=0.7)
    args = parser.parse_args()
    cache = DetectorCache()
    start = time.perf_counter()
    detect("warm up: load the models", CANDIDATES, 0.0, cache)
    for lang in CANDIDATES:  # lingua loads a language's models when it first scores it
        cache.detector(CANDIDATES).compute_language_confidence_values(lang)
    print(f"detector built and models loaded: {time.perf_counter() - start:.2f} s")
    print(
        f"{'language':<9}{'paragraphs':>11}{'right':>7}{'wrong':>7}{'undecided':>11}"
        f"{'accuracy':>10}{'lowest conf.':>14}{'ms/paragraph':>14}"
    )
    total = right_total = 0
    times: list[float] = []
    for lang, items in corpus(args.min_words).items():
        right = wrong = undecided = 0
        lowest = 1.0
        for text in items:
            began = time.perf_counter()
            found = detect(text, CANDIDATES, args.min_confidence, cache)
            times.append(1000 * (time.perf_counter() - began))
            if found is None:
                undecided += 1
            elif found[0] == lang:
                right += 1
                lowest = min(lowest, found[1])
            else:
                wrong += 1
                print(f"  {lang} read as {found[0]} ({found[1]}): {text[:70]}…")
        spent = statistics.mean(times[-len(items) :]) if items else 0.0
        accuracy = right / len(items) if items else 0.0
        print(
            f"{lang:<9}{len(items):>11}{right:>7}{wrong:>7}{undecided:>11}"
            f"{accuracy:>10.1%}{lowest:>14.3f}{spent:>14.2f}"
        )
        total += len(items)
        right_total += right
    print(
        f"{'overall':<9}{total:>11}{right_total:>7}{'':>7}{'':>11}"
        f"{right_total / total:>10.1%}{'':>14}{statistics.mean(times):>14.2f}"
    )


if __name__ == "__main__":
    main()
