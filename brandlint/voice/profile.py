"""A voice profile: what approved copy looks like, learned from the copy itself.

The profile is readable JSON (`docs/voice.md` documents every field). Per language, and per
channel when the copy's channel is known and has enough documents of its own, it holds:

* for each feature (`brandlint.voice.features.FEATURES`), the spread of its value over the
  approved documents (and over their long paragraphs): mean, standard deviation and the
  10th, 25th, 50th, 75th and 90th percentiles. The 10th–90th percentile range is what
  explanations call "approved copy: 12–18";
* the function words' rates (per 100 words) in the approved copy, which the
  `function_words` feature compares a document's rates with;
* the brand's characteristic words (used far more often than in general language, by
  wordfreq's frequency list) and phrases (two-word phrases found in many approved
  documents).

Learning refuses a sample too small to mean anything (`TooSmall`, naming what is needed):
a profile from three documents would score every new document as off-voice.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from brandlint.voice.features import BY_NAME, FEATURES, Measured, stop_words
from brandlint.voice.languages import language_name

VERSION = 1
MIN_DOCUMENTS = 5  # per language: fewer cannot show how approved copy varies
MIN_WORDS = 500  # per language
RECOMMENDED_DOCUMENTS = 30
PARAGRAPH_MIN_WORDS = 40  # shorter paragraphs give too noisy a figure to score alone
FUNCTION_WORDS = 50  # the most frequent function words the profile keeps
CHARACTERISTIC_WORDS = 40
CHARACTERISTIC_PHRASES = 20
MIN_DOCUMENT_SHARE = 0.1  # a characteristic word or phrase is in at least this share of documents


class TooSmall(ValueError):
    """The approved copy is too small to learn a profile from; the message says how much
    is needed."""


class ProfileError(ValueError):
    """A profile file that cannot be read; the message names the file and what is wrong."""


@dataclass(frozen=True)
class Spread:
    """How one feature varies over approved copy."""

    n: int
    mean: float
    sd: float
    p10: float
    p25: float
    median: float
    p75: float
    p90: float

    @classmethod
    def of(cls, values: Sequence[float]) -> Spread:
        ordered = sorted(values)
        mean = sum(ordered) / len(ordered)
        sd = math.sqrt(sum((v - mean) ** 2 for v in ordered) / len(ordered))
        return cls(
            len(ordered),
            *(round(x, 2) for x in (mean, sd)),
            *(round(percentile(ordered, q), 2) for q in (10, 25, 50, 75, 90)),
        )


def percentile(ordered: Sequence[float], q: float) -> float:
    """The q-th percentile of sorted values, interpolated between neighbours."""
    at = (len(ordered) - 1) * q / 100
    low = math.floor(at)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (at - low)


@dataclass(frozen=True)
class Sample:
    """One approved document as the learner takes it: its features, and those of each of
    its paragraphs long enough to score alone."""

    path: str
    channel: str
    document: Measured
    paragraphs: tuple[Measured, ...]


@dataclass(frozen=True)
class Voice:
    """The profile of one language (and channel: '' for all of the language's copy)."""

    lang: str
    channel: str
    documents: int
    words: int
    paragraphs: int
    features: dict[str, Spread]
    paragraph_features: dict[str, Spread]
    missing: dict[str, str]
    function_words: dict[str, float]  # word → per 100 words
    characteristic_words: tuple[dict[str, Any], ...]
    characteristic_phrases: tuple[dict[str, Any], ...]

    @property
    def brand_words(self) -> frozenset[str]:
        return frozenset(str(w["word"]) for w in self.characteristic_words)


@dataclass(frozen=True)
class Profile:
    voices: tuple[Voice, ...]
    documents: int
    words: int
    notes: tuple[str, ...] = field(default=())

    def voice_for(self, lang: str, channel: str) -> Voice | None:
        """The voice of the channel in `lang`, else of all `lang` copy, else None."""
        found = {(v.lang, v.channel): v for v in self.voices}
        return found.get((lang, channel)) or found.get((lang, ""))

    def record(self) -> dict[str, Any]:
        return {
            "brandlint_voice_profile": VERSION,
            "documents": self.documents,
            "words": self.words,
            "notes": list(self.notes),
            "voices": [_voice_record(v) for v in self.voices],
        }

    def dumps(self) -> str:
        return json.dumps(self.record(), ensure_ascii=False, indent=2) + "\n"


def _voice_record(voice: Voice) -> dict[str, Any]:
    return {
        "lang": voice.lang,
        "channel": voice.channel,
        "documents": voice.documents,
        "words": voice.words,
        "paragraphs": voice.paragraphs,
        "features": {k: vars(s) for k, s in voice.features.items()},
        "paragraph_features": {k: vars(s) for k, s in voice.paragraph_features.items()},
        "missing": voice.missing,
        "function_words": voice.function_words,
        "characteristic_words": list(voice.characteristic_words),
        "characteristic_phrases": list(voice.characteristic_phrases),
    }


def function_distance(counts: Counter[str], words: int, expected: dict[str, float]) -> float:
    """How differently copy uses the profile's function words: half the summed absolute
    difference of their shares, as a percentage of the profile's total share (0: the same
    mix; 100: none of them in common)."""
    total = sum(expected.values())
    if not total or not words:
        return 0.0
    difference = sum(abs(100 * counts[w] / words - rate) for w, rate in expected.items())
    return round(100 * difference / (2 * total), 1)


def brand_rate(counts: Counter[str], words: int, brand: frozenset[str]) -> float:
    return round(100 * sum(counts[w] for w in brand) / words, 2) if words else 0.0


def relative_values(
    measured: Measured, voice_words: dict[str, float], brand: frozenset[str]
) -> dict[str, float]:
    """The features that are measured against a profile: the function-word mix and the
    brand's own words (only where the language has the lists they need)."""
    out: dict[str, float] = {}
    if "function_words" not in measured.missing and voice_words:
        out["function_words"] = function_distance(measured.counts, measured.words, voice_words)
    if brand:
        out["characteristic_words"] = brand_rate(measured.counts, measured.words, brand)
    return out


def learn(samples: Iterable[Sample]) -> Profile:
    """A profile from approved documents. Raises `TooSmall` when a language has fewer
    than `MIN_DOCUMENTS` documents or `MIN_WORDS` words."""
    by_lang: dict[str, list[Sample]] = {}
    for sample in samples:
        if sample.document.words:
            by_lang.setdefault(sample.document.lang, []).append(sample)
    if not by_lang:
        raise TooSmall(
            f"no copy to learn from; a profile needs at least {MIN_DOCUMENTS} documents and "
            f"{MIN_WORDS} words of approved copy per language"
        )
    short = [
        f"{language_name(lang)}: {len(found)} documents, "
        f"{sum(s.document.words for s in found)} words"
        for lang, found in sorted(by_lang.items())
        if len(found) < MIN_DOCUMENTS or sum(s.document.words for s in found) < MIN_WORDS
    ]
    if short:
        raise TooSmall(
            f"too little approved copy to learn a voice ({'; '.join(short)}); a profile "
            f"needs at least {MIN_DOCUMENTS} documents and {MIN_WORDS} words per language "
            f"({RECOMMENDED_DOCUMENTS} or more documents give a reliable one)"
        )
    voices: list[Voice] = []
    notes: list[str] = []
    for lang, found in sorted(by_lang.items()):
        voices.append(_learn_voice(lang, "", found))
        by_channel: dict[str, list[Sample]] = {}
        for sample in found:
            if sample.channel:
                by_channel.setdefault(sample.channel, []).append(sample)
        for channel, group in sorted(by_channel.items()):
            words = sum(s.document.words for s in group)
            if len(group) >= MIN_DOCUMENTS and words >= MIN_WORDS:
                voices.append(_learn_voice(lang, channel, group))
            else:
                notes.append(
                    f"{language_name(lang)} {channel} copy: {len(group)} documents, {words} "
                    f"words, too few for a channel profile of its own (at least "
                    f"{MIN_DOCUMENTS} documents and {MIN_WORDS} words); it is scored "
                    f"against all {language_name(lang)} copy"
                )
    return Profile(
        tuple(voices),
        sum(len(found) for found in by_lang.values()),
        sum(s.document.words for found in by_lang.values() for s in found),
        tuple(notes),
    )


def _learn_voice(lang: str, channel: str, samples: list[Sample]) -> Voice:
    documents = [s.document for s in samples]
    paragraphs = [p for s in samples for p in s.paragraphs]
    total: Counter[str] = Counter()
    for document in documents:
        total.update(document.counts)
    words = sum(d.words for d in documents)
    stops = stop_words(lang)
    function = {w: round(100 * n / words, 3) for w, n in total.most_common() if w in stops}
    function = dict(list(function.items())[:FUNCTION_WORDS])
    characteristic, reason = _characteristic_words(lang, documents, total, words, stops)
    phrases = _characteristic_phrases(documents, stops)
    brand = frozenset(str(w["word"]) for w in characteristic)
    # a feature no approved document measured is missing; one some documents measured is
    # learned from those (approved copy in Markdown and plain text still counts headings)
    measured = {k for d in documents for k in d.values}
    missing = {
        k: v for d in documents for k, v in d.missing.items() if k != "all" and k not in measured
    }
    if reason:
        missing["characteristic_words"] = reason

    def spreads(group: list[Measured], level: str) -> dict[str, Spread]:
        rows = [{**m.values, **relative_values(m, function, brand)} for m in group]
        out = {}
        for feature in FEATURES:
            if level not in feature.levels or feature.name in missing:
                continue
            values = [row[feature.name] for row in rows if feature.name in row]
            if values:
                out[feature.name] = Spread.of(values)
        return out

    return Voice(
        lang=lang,
        channel=channel,
        documents=len(documents),
        words=words,
        paragraphs=len(paragraphs),
        features=spreads(documents, "document"),
        paragraph_features=spreads(paragraphs, "paragraph") if paragraphs else {},
        missing=dict(sorted(missing.items())),
        function_words=function,
        characteristic_words=tuple(characteristic),
        characteristic_phrases=tuple(phrases),
    )


def _characteristic_words(
    lang: str,
    documents: list[Measured],
    total: Counter[str],
    words: int,
    stops: frozenset[str],
) -> tuple[list[dict[str, Any]], str]:
    """Words approved copy uses far more than general language does (by wordfreq), found in
    at least a tenth of the documents so one long page cannot make its topic the brand's."""
    import wordfreq

    if lang not in wordfreq.available_languages():
        return [], f"no general word-frequency list for {language_name(lang)} (wordfreq)"
    spread = Counter(w for d in documents for w in d.counts)
    least = max(2, math.ceil(MIN_DOCUMENT_SHARE * len(documents)))
    scored = []
    for word, count in total.items():
        if spread[word] < least or word in stops or not any(c.isalpha() for c in word):
            continue
        here = count / words
        general = max(wordfreq.word_frequency(word, lang), 1e-8)  # unseen: once in 100 million
        scored.append((math.log10(here / general), word, count))
    scored.sort(key=lambda item: (-item[0], item[1]))
    return [
        {
            "word": word,
            "per_100_words": round(100 * count / words, 3),
            "times_general": round(10**ratio),
        }
        for ratio, word, count in scored[:CHARACTERISTIC_WORDS]
        if ratio > 1  # ten times as often as in general language, at least
    ], ""


def _characteristic_phrases(
    documents: list[Measured], stops: frozenset[str]
) -> list[dict[str, Any]]:
    """Two-word phrases many approved documents share, not both function words."""
    spread = Counter(p for d in documents for p in d.pairs)
    least = max(2, math.ceil(MIN_DOCUMENT_SHARE * len(documents)))
    found = [
        (count, phrase)
        for phrase, count in spread.items()
        if count >= least and not all(w in stops for w in phrase.split())
    ]
    found.sort(key=lambda item: (-item[0], item[1]))
    return [{"phrase": p, "documents": n} for n, p in found[:CHARACTERISTIC_PHRASES]]


def load_profile(path: str | Path) -> Profile:
    """Read a profile written by `brandlint voice learn`. Raises `ProfileError`."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise ProfileError(
            f"{path}: cannot read the voice profile ({exc.strerror or exc})"
        ) from None
    except json.JSONDecodeError as exc:
        raise ProfileError(
            f"{path}:{exc.lineno}:{exc.colno}: not a voice profile (invalid JSON: {exc.msg}); "
            "write one with 'brandlint voice learn'"
        ) from None
    if not isinstance(data, dict) or data.get("brandlint_voice_profile") != VERSION:
        raise ProfileError(
            f"{path}: not a version {VERSION} voice profile (no 'brandlint_voice_profile: "
            f"{VERSION}'); write one with 'brandlint voice learn'"
        )
    try:
        voices = tuple(_voice(v) for v in data["voices"])
        return Profile(voices, int(data["documents"]), int(data["words"]), tuple(data["notes"]))
    except (KeyError, TypeError, ValueError) as exc:
        raise ProfileError(
            f"{path}: a damaged voice profile ({type(exc).__name__}: {exc}); learn it again "
            "with 'brandlint voice learn'"
        ) from None


def _voice(data: dict[str, Any]) -> Voice:
    def spreads(found: dict[str, Any]) -> dict[str, Spread]:
        unknown = set(found) - set(BY_NAME)
        if unknown:
            raise ValueError(f"unknown features {sorted(unknown)}")
        return {k: Spread(**v) for k, v in found.items()}

    return Voice(
        lang=str(data["lang"]),
        channel=str(data["channel"]),
        documents=int(data["documents"]),
        words=int(data["words"]),
        paragraphs=int(data["paragraphs"]),
        features=spreads(data["features"]),
        paragraph_features=spreads(data["paragraph_features"]),
        missing={str(k): str(v) for k, v in data["missing"].items()},
        function_words={str(k): float(v) for k, v in data["function_words"].items()},
        characteristic_words=tuple(data["characteristic_words"]),
        characteristic_phrases=tuple(data["characteristic_phrases"]),
    )
