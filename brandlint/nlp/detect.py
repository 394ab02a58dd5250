"""Which language a piece of copy is in, among the languages a guide expects.

lingua-language-detector does the detecting, offline: its n-gram models ship inside the
wheel and load, per language, on first use. A detector restricted to the guide's candidate
languages is both faster and more accurate than one choosing among all 75, so one is built
per candidate set and kept in a `DetectorCache` (an object the caller owns: a workspace,
a test; this module keeps no state of its own). lingua is imported only when a detector is
first built.

A document's confidence is the share of its letters lingua gives to the winning language,
sentence by sentence (each sentence weighted by its letters, and counted with lingua's
confidence for it). lingua's own confidence for a whole text is no use for this: on a text
half English and half Hungarian it answers Hungarian with 0.998, while the share says 0.5,
and below a guide's `minimum_confidence` the answer is None, so the guide's default
language applies.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING

from brandlint.nlp.pipelines import normalize_lang

if TYPE_CHECKING:
    from lingua import IsoCode639_1, LanguageDetector

# a sentence ends at . ! ? … followed by a space, or at a line break
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\s*\n\s*")


class UnknownLanguage(ValueError):
    """A candidate language lingua has no model for."""


def lingua_code(lang: str) -> IsoCode639_1:
    """lingua's ISO 639-1 code for brandlint's language code (`no` and `nb` → Bokmål, `nn`
    → Nynorsk, `en-GB` → English). Raises `UnknownLanguage` when lingua has no model."""
    from lingua import IsoCode639_1

    try:
        return IsoCode639_1.from_str(normalize_lang(lang) or "")
    except ValueError:
        raise UnknownLanguage(f"no language detection model for '{lang}'") from None


class DetectorCache:
    """lingua detectors, one per set of candidate languages, built once each. Safe to
    share between threads."""

    def __init__(self) -> None:
        self._detectors: dict[frozenset[str], LanguageDetector] = {}
        self._lock = threading.Lock()

    def detector(self, candidates: Sequence[str]) -> LanguageDetector:
        """The detector choosing among `candidates` (brandlint codes, at least one)."""
        key = frozenset(normalize_lang(c) or c for c in candidates)
        with self._lock:
            found = self._detectors.get(key)
            if found is None:
                if not key:
                    raise ValueError("language detection needs at least one candidate language")
                from lingua import LanguageDetectorBuilder

                codes = [lingua_code(c) for c in sorted(key)]
                found = self._detectors[key] = LanguageDetectorBuilder.from_iso_codes_639_1(
                    *codes
                ).build()
        return found


def sentences(text: str) -> list[str]:
    """The pieces of `text` that are detected one by one: sentences with letters in them."""
    return [s for s in _SENTENCE_END.split(text) if any(c.isalpha() for c in s)]


def detect(
    text: str,
    candidates: Sequence[str],
    minimum_confidence: float,
    cache: DetectorCache | None = None,
) -> tuple[str, float] | None:
    """The language of `text` among `candidates` and the share of the text in it (0–1),
    or None when that share is below `minimum_confidence` (mixed or too little text), or
    the text has no letters. Languages are brandlint codes (`en`, `hu`, `nb`, `az`, `yo`,
    `de`, …); the answer is normalized (`no` → `nb`). Pass a `DetectorCache` to reuse
    detectors across calls: building one is cheap, but lingua's models load once per
    process either way."""
    pieces = sentences(text)
    if not pieces:
        return None
    detector = (cache or DetectorCache()).detector(candidates)
    totals: dict[str, float] = {}
    letters = 0
    for piece, values in zip(
        pieces, detector.compute_language_confidence_values_in_parallel(pieces), strict=True
    ):
        weight = sum(1 for c in piece if c.isalpha())
        letters += weight
        for value in values:
            code = value.language.iso_code_639_1.name.lower()
            totals[code] = totals.get(code, 0.0) + weight * value.value
    if not totals:
        return None
    best = max(totals, key=lambda code: totals[code])
    confidence = totals[best] / letters
    if confidence < minimum_confidence:
        return None
    return best, round(confidence, 4)
