"""Vale's own part-of-speech tagger, so that Vale's `sequence` rules see Vale's tags.

Vale v3.7.1 tags English with the averaged-perceptron tagger of jdkato/twine (a port of
Matthew Honnibal's tagger from textblob-aptagger, with the model NLTK distributes as
`averaged_perceptron_tagger`). Its model is shipped in brandlint/data/vale-tagger/ (see the
NOTICE there). A word the model's table knows has that tag; any other word's tag is the
class with the highest sum of the weights of fourteen features: the word's suffix and
first letter, the word and its neighbours (normalized), and the two tags before it.

Vale's tagger is written in Go, and its small Go-isms decide tags, so they are kept: the
suffixes are the last three bytes (not characters), the first "letter" is the first byte
read as a Latin-1 character, lower-casing is per character, and a word whose every class
scores zero or less gets the empty tag.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Sequence
from functools import cache
from pathlib import Path

LANG = "en"  # the language it tags
MODEL = Path(__file__).resolve().parents[1] / "data" / "vale-tagger" / "perceptron-en.json.gz"

# Treebank's empty elements and bracket words (-LRB-), tagged without the model, as Vale does
_NONE = re.compile(r"0|\*[\w?]\*|\*-\d{1,3}|\*[A-Z]+\*-\d{1,3}|\*", re.ASCII)
_KEEP = re.compile(r"-[A-Z]{3}-")
_INTEGER = re.compile(r"[+-]?[0-9]+")  # what Go's strconv.Atoi accepts


def _tail(text: str) -> str:
    """The last three bytes of `text`, as Go slices a string. A cut through a character
    gives a string that names no feature of the model, as in Go."""
    if text.isascii():
        return text[-3:]
    return text.encode()[-3:].decode("utf-8", "surrogateescape")


def _head(text: str) -> str:
    """The first byte of `text` as a character (Go's `string(w[0])`)."""
    return text[0] if text.isascii() else chr(text.encode()[0])


def _lower(text: str) -> str:
    """Go's `strings.ToLower`: one character to one, so a word-final capital sigma takes
    the medial form and a dotted capital I becomes a plain i (Python's own `lower` has
    context rules for both)."""
    if text.isascii():
        return text.lower()
    return "".join("i" if char == "\u0130" else char.lower() for char in text)


def normalize(word: str) -> str:
    """The form of a word its neighbours' features see."""
    if "-" in word and word[0] != "-":
        return "!HYPHEN"
    if len(word.encode()) == 4 and _INTEGER.fullmatch(word):
        return "!YEAR"
    if word[0] in "0123456789":
        return "!DIGITS"
    return _lower(word)


class PerceptronTagger:
    """The model, loaded: its table of words with one sure tag and its feature weights."""

    def __init__(self, path: Path = MODEL) -> None:
        with gzip.open(path, "rt", encoding="utf-8") as stream:
            model = json.load(stream)
        self.classes: tuple[str, ...] = tuple(model["classes"])
        self.known: dict[str, str] = model["tagdict"]
        self.weights: dict[str, dict[str, float]] = model["weights"]

    def tag(self, words: Sequence[str]) -> list[str]:
        """The tag of each word of one sentence (Penn Treebank tags); empty words get ""."""
        present = [word for word in words if word]
        context = ["-START-", "-START2-", *map(normalize, present), "-END-", "-END2-"]
        tags: list[str] = []
        p1, p2 = "-START-", "-START2-"
        known = self.known
        for index, word in enumerate(present):
            if _NONE.fullmatch(word):
                tag = "-NONE-"
            elif _KEEP.fullmatch(word):
                tag = word
            else:
                found = known.get(word)
                tag = (
                    found if found is not None else self._predict(index + 2, context, word, p1, p2)
                )
            tags.append(tag)
            p1, p2 = tag, p1
        if len(present) == len(words):
            return tags
        out = iter(tags)
        return [next(out) if word else "" for word in words]

    def _predict(self, at: int, context: list[str], word: str, p1: str, p2: str) -> str:
        """The best-scoring class, or "" when none scores above zero (Vale's argmax starts
        from zero)."""
        before, current, after = context[at - 1], context[at], context[at + 1]
        features = (
            "bias",
            "i suffix " + _tail(word),
            "i pref1 " + _head(word),
            "i-1 tag " + p1,
            "i-2 tag " + p2,
            f"i tag+i-2 tag {p1} {p2}",
            "i word " + current,
            f"i-1 tag+i word {p1} {current}",
            "i-1 word " + before,
            "i-1 suffix " + _tail(before),
            "i-2 word " + context[at - 2],
            "i+1 word " + after,
            "i+1 suffix " + _tail(after),
            "i+2 word " + context[at + 2],
        )
        scores: dict[str, float] = {}
        weights = self.weights
        for feature in features:
            found = weights.get(feature)
            if found is not None:
                for label, weight in found.items():
                    scores[label] = scores.get(label, 0.0) + weight
        best, top = "", 0.0
        for label, score in scores.items():
            if score > top:
                best, top = label, score
        return best


@cache
def vale_tagger() -> PerceptronTagger:
    """The model, loaded once per process on first use, never at start-up. Tagging only
    reads it, so threads share it without a lock."""
    return PerceptronTagger()
