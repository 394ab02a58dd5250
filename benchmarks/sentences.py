"""Sentence boundaries: precision and recall per language on a gold set of real copy.

    python benchmarks/sentences.py [--pysbd-python /tmp/sbd/bin/python]

The gold set is `benchmarks/data/sentences/<lang>-*.md|txt` (sources and licences in its
README): real text written one sentence per line, paragraphs separated by blank lines, so
a file reads as the same Markdown or plain text it came from. Each file goes through
brandlint's own reader (front matter, headings and list items become blocks, code spans are
dropped), and a boundary is where a sentence other than a block's first starts, as a line
and column in the file. Gold boundaries are the first copy character of each line of a
block but its first.

Beside brandlint's rules (`brandlint.nlp.sentences`): spaCy's plain rule-based sentencizer
on the same tokenizer, and pysbd for the languages it has rules for (en of these five).
pysbd is not a dependency: install it in a separate virtual environment
(`python -m venv /tmp/sbd && /tmp/sbd/bin/pip install pysbd`) and pass its python.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

from brandlint.core.document import Document
from brandlint.document.reader import parse_document
from brandlint.nlp.pipelines import Pipelines

GOLD = Path(__file__).parent / "data" / "sentences"
LANGS = ("en", "hu", "nb", "az", "yo")
PYSBD_LANGS = frozenset({"en"})

# block texts → for each, copy offsets where a sentence other than the first starts
Segmenter = Callable[[list[str], str], list[list[int]]]
Position = tuple[int, int]


def gold_files(lang: str | None = None) -> list[Path]:
    return sorted(
        path
        for path in GOLD.iterdir()
        if path.suffix in (".md", ".txt") and (lang is None or path.name.startswith(lang + "-"))
    )


def read(path: Path) -> Document:
    return parse_document(str(path), path.read_text(encoding="utf-8"))


def _position(document: Document, offset: int) -> Position:
    span = document.source_span(offset, offset + 1)
    return span.line, span.column


def gold_boundaries(document: Document) -> set[Position]:
    """The first copy character of each line of a block but its first."""
    found: set[Position] = set()
    for block in document.blocks:
        text = document.block_text(block)
        lines: dict[int, int] = {}
        for i, char in enumerate(text):
            if not char.isspace():
                line, column = _position(document, block.start + i)
                lines.setdefault(line, column)
        found.update(sorted(lines.items())[1:])
    return found


def boundaries(document: Document, segmenter: Segmenter, lang: str) -> set[Position]:
    texts = [document.block_text(block) for block in document.blocks]
    found: set[Position] = set()
    for block, text, starts in zip(document.blocks, texts, segmenter(texts, lang), strict=True):
        for start in starts:
            while start < len(text) and text[start].isspace():
                start += 1
            if start < len(text):
                found.add(_position(document, block.start + start))
    return found


def _sents(docs: Iterable[object]) -> list[list[int]]:
    return [[s.start_char for s in list(doc.sents)[1:]] for doc in docs]  # type: ignore[attr-defined]


def brandlint_segmenter(pipelines: Pipelines) -> Segmenter:
    return lambda texts, lang: _sents(pipelines.get(lang).process(texts))


def sentencizer_segmenter() -> Segmenter:
    import spacy

    cache: dict[str, object] = {}

    def segment(texts: list[str], lang: str) -> list[list[int]]:
        if lang not in cache:
            try:
                nlp = spacy.blank(lang)
            except Exception:  # spaCy has no tokenizer for the language
                nlp = spacy.blank("xx")
            nlp.add_pipe("sentencizer")
            cache[lang] = nlp
        return _sents(cache[lang].pipe(texts))  # type: ignore[attr-defined]

    return segment


_PYSBD = """
import json, sys, pysbd
lang, texts = json.load(sys.stdin)
seg = pysbd.Segmenter(language=lang, clean=False, char_span=True)
print(json.dumps([[s.start for s in seg.segment(t)[1:]] if t.strip() else [] for t in texts]))
"""


def pysbd_segmenter(python: str) -> Segmenter:
    def segment(texts: list[str], lang: str) -> list[list[int]]:
        done = subprocess.run(
            [python, "-c", _PYSBD],
            input=json.dumps([lang, texts]),
            capture_output=True,
            text=True,
            check=True,
        )
        return list(json.loads(done.stdout))

    return segment


def score(predicted: set[Position], gold: set[Position]) -> tuple[int, int, int]:
    """(true positives, predicted, gold)."""
    return len(predicted & gold), len(predicted), len(gold)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pysbd-python", help="a python with pysbd installed")
    parser.add_argument("--show", action="store_true", help="list brandlint's misses")
    args = parser.parse_args()
    segmenters: dict[str, Segmenter] = {
        "brandlint": brandlint_segmenter(Pipelines()),
        "spaCy sentencizer": sentencizer_segmenter(),
    }
    if args.pysbd_python:
        segmenters["pysbd"] = pysbd_segmenter(args.pysbd_python)
    print(f"{'lang':5} {'gold':>5}  " + "  ".join(f"{name:>20}" for name in segmenters))
    for lang in LANGS:
        totals = {name: [0, 0, 0] for name in segmenters}
        for path in gold_files(lang):
            document = read(path)
            gold = gold_boundaries(document)
            for name, segmenter in segmenters.items():
                if name == "pysbd" and lang not in PYSBD_LANGS:
                    continue
                predicted = boundaries(document, segmenter, lang)
                for i, n in enumerate(score(predicted, gold)):
                    totals[name][i] += n
                if args.show and name == "brandlint":
                    for line, column in sorted(predicted ^ gold):
                        kind = "extra" if (line, column) in predicted else "missed"
                        print(f"  {path.name}:{line}:{column} {kind}", file=sys.stderr)
        cells = []
        for tp, predicted_count, gold_count in totals.values():
            if not gold_count:
                cells.append(f"{'n/a':>20}")
                continue
            precision = tp / predicted_count if predicted_count else 0.0
            cells.append(f"P {precision:.3f} R {tp / gold_count:.3f}".rjust(20))
        gold_count = max(t[2] for t in totals.values())
        print(f"{lang:5} {gold_count:>5}  " + "  ".join(cells))


if __name__ == "__main__":
    main()
