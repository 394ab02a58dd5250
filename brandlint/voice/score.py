"""Scoring copy against a voice profile: 0–100, and every point lost explained.

Each feature the profile knows and the copy's language defines is compared with the middle
half of approved copy (its 25th to 75th percentile: "approved copy: 12–18"). Inside that
range the feature is as close as it gets (1). Outside, closeness falls with the distance in
"typical differences" on that side (from how far approved copy's outer tenth reaches there,
or the feature's `floor` when approved copy hardly varies): 1 / (1 + d²), so one typical
difference beyond the range halves it. Measuring each side on its own replaced one width
for both sides (the middle half's) after the voice benchmark showed why the Go blog's
profile let process PEPs through: without any "we", a PEP was a fraction of that width
below the Go blog's range (benchmarks/README.md). The score is 100 × the weighted mean
closeness (`Feature.weight`), rounded; a feature's `points` are what it took off. Nothing is
random or learned at score time, so the same copy and profile always give the same score.

Ranges are not widened for short copy, though its figures swing more: widening by
√(typical length / length) lowered the AUC on the tuning documents of the voice benchmark,
short excerpts included (its first, single-split version: benchmarks/README.md), so short
copy simply scores lower.

A document of `LONG_DOCUMENT` words or more is also scored paragraph by paragraph (each of
`PARAGRAPH_MIN_WORDS` words or more, against the profile's paragraph ranges), so a long page
that is on voice overall still shows the paragraph that is not.
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import NormalDist
from typing import Any

from brandlint.core.rule import BlockView, LintContext, word_count
from brandlint.stats import is_prose
from brandlint.voice.features import BY_NAME, FEATURES, Feature, measure_copy, readability_label
from brandlint.voice.languages import language_name
from brandlint.voice.profile import (
    PARAGRAPH_MIN_WORDS,
    Measured,
    Profile,
    Sample,
    Spread,
    Voice,
    relative_values,
)

LONG_DOCUMENT = 400  # words: from here on, paragraphs are scored too


@dataclass(frozen=True)
class Difference:
    """A feature that pulls the score down."""

    name: str
    value: float
    expected: tuple[float, float]  # approved copy's 25th–75th percentile
    explanation: str
    points: float  # score points it took off

    def record(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "value": self.value,
            "expected": list(self.expected),
            "explanation": self.explanation,
        }


@dataclass(frozen=True)
class Scored:
    """The score of one stretch of copy (a document or a paragraph)."""

    score: int | None  # None: the profile has no voice for the copy's language
    differences: tuple[Difference, ...]
    missing: dict[str, str]  # feature → why it is not measured for this copy
    compared: int  # how many features the score compares
    start: int = 0  # copy offsets of the stretch (for a paragraph: its block)
    end: int = 0
    line_hint: str = ""  # "paragraph 3"

    def reasons(self, top: int = 3) -> str:
        return "; ".join(d.explanation for d in self.differences[:top])


@dataclass(frozen=True)
class DocumentScore:
    path: str
    lang: str
    channel: str
    words: int
    document: Scored
    paragraphs: tuple[Scored, ...]

    def record(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "lang": self.lang,
            "channel": self.channel,
            "words": self.words,
            "score": self.document.score,
            "features": [d.record() for d in self.document.differences],
            "missing": self.document.missing,
            "paragraphs": [
                {
                    "paragraph": p.line_hint,
                    "score": p.score,
                    "features": [d.record() for d in p.differences],
                }
                for p in self.paragraphs
            ],
        }


def prose_views(ctx: LintContext) -> list[BlockView]:
    return [v for v in ctx.views if is_prose(v.block) and word_count(v.doc)]


def sample(ctx: LintContext) -> Sample:
    """A document as the learner takes it (`brandlint voice learn`)."""
    views = prose_views(ctx)
    lang = ctx.document.lang or "en"
    headings = sum(1 for v in ctx.views if v.block.in_scope("heading"))
    return Sample(
        ctx.document.path,
        ctx.document.channel or "",
        measure_copy(views, lang, ctx.trained, "document", (ctx.document.format, headings)),
        tuple(
            measure_copy([v], lang, ctx.trained, "paragraph")
            for v in views
            if word_count(v.doc) >= PARAGRAPH_MIN_WORDS
        ),
    )


def number(value: float) -> str:
    """A figure as the explanations show it: 31, 4.6, 0.25."""
    if abs(value) >= 10:
        return f"{value:.0f}"
    shown = f"{value:.1f}" if abs(value) >= 1 else f"{value:.2f}"
    return shown.rstrip("0").rstrip(".") if "." in shown else shown


def figures(value: float, low: float, high: float) -> tuple[str, str, str]:
    """The value and the range as an explanation shows them, with as many decimals as it
    takes for the difference to show: "12; approved copy: 10.7–11.2", never "12; approved
    copy: 11–11"."""
    for digits in (None, 1, 2):
        shown = [number(x) if digits is None else f"{x:.{digits}f}" for x in (value, low, high)]
        ends_apart = shown[1] != shown[2] or low == high
        outside = shown[0] not in shown[1:] or value in (low, high)
        if ends_apart and outside:
            break
    return shown[0], shown[1], shown[2]


_BELL = NormalDist()
STEP = (_BELL.inv_cdf(0.75) - _BELL.inv_cdf(0.25)) / (_BELL.inv_cdf(0.25) - _BELL.inv_cdf(0.1))
"""A typical difference, in gaps between approved copy's 10th and 25th (or 75th and 90th)
percentiles: 2.22, so that on bell-shaped figures it is the middle half's width."""
SIDE_MIN = 20
"""Values a spread needs before its outer tenths set the steps: two or more beyond each 10th
percentile. With fewer, that percentile is a point between the two most extreme values, and
a step read from it would swing with one document."""


def closeness(feature: Feature, value: float, spread: Spread) -> float:
    """1 inside approved copy's middle half; 1 / (1 + d²) at d typical differences out.

    A typical difference is measured on the side the value strays to, from how far approved
    copy's own outer tenth reaches there (`SIDE_MIN` values or more; else the middle half's
    width), never less than the feature's `floor`. Rates bounded by zero are lopsided: the Go
    blog's middle half says "we" 0.58–2.2 times per 100 words, its lowest tenth under 0.29
    and its highest over 3.1, so copy without any "we" is as far out as copy with 4 (one
    width for both sides put it three times closer). Percentiles, unlike a standard
    deviation, do not move for one outlier."""
    middle = spread.p75 - spread.p25
    if value > spread.p75 and feature.differs != "below":
        side = STEP * (spread.p90 - spread.p75) if spread.n >= SIDE_MIN else middle
        distance = (value - spread.p75) / max(side, feature.floor)
    elif value < spread.p25 and feature.differs != "above":
        side = STEP * (spread.p25 - spread.p10) if spread.n >= SIDE_MIN else middle
        distance = (spread.p25 - value) / max(side, feature.floor)
    else:
        return 1.0
    return 1 / (1 + distance * distance)


def explain(
    feature: Feature, value: float, spread: Spread, measured: Measured, voice: Voice
) -> str:
    """'sentences average 31 words; approved copy: 12–18'."""
    label = readability_label(voice.lang) if feature.name == "readability" else feature.label
    joint = " " if label.endswith(("average", " by")) else ": "
    unit = feature.unit
    value_, low, high = figures(value, spread.p25, spread.p75)
    if spread.p25 == spread.p75 == 0:
        expected = "none"  # reads better than "0–0" where the brand never does it
    else:
        expected = f"{low}–{high}{unit if unit.startswith('%') else ''}"
    text = f"{label}{joint}{value_}{unit}; approved copy: {expected}"
    if feature.name == "function_words" and measured.words:
        word, rate = max(
            voice.function_words.items(),
            key=lambda item: (
                abs(100 * measured.counts[item[0]] / measured.words - item[1]),
                item[0],
            ),
        )
        here = 100 * measured.counts[word] / measured.words
        text += f" (most: '{word}' {number(here)} per 100 words, approved {number(rate)})"
    elif feature.name == "characteristic_words":
        shown = ", ".join(str(w["word"]) for w in voice.characteristic_words[:4])
        text += f" (such as {shown})"
    return text


def feature_closeness(measured: Measured, voice: Voice, level: str) -> dict[str, float]:
    """The closeness (0–1) of each feature the profile and the copy both have: what the
    score averages with the features' weights (and the voice benchmark, with other weights)."""
    spreads = voice.features if level == "document" else voice.paragraph_features
    values = _values(measured, voice)
    return {
        f.name: closeness(f, values[f.name], spreads[f.name])
        for f in FEATURES
        if f.name in spreads and f.name in values
    }


def _values(measured: Measured, voice: Voice) -> dict[str, float]:
    return {
        **measured.values,
        **relative_values(measured, voice.function_words, voice.brand_words),
    }


def score_measured(measured: Measured, voice: Voice, level: str) -> Scored:
    spreads = voice.features if level == "document" else voice.paragraph_features
    values = _values(measured, voice)
    missing = {k: v for k, v in {**voice.missing, **measured.missing}.items() if k in BY_NAME}
    close = feature_closeness(measured, voice, level)
    compared = [f for f in FEATURES if f.name in close]
    if not compared:
        return Scored(None, (), missing, 0)
    weights = sum(f.weight for f in compared)
    differences = [
        Difference(
            f.name,
            values[f.name],
            (spreads[f.name].p25, spreads[f.name].p75),
            explain(f, values[f.name], spreads[f.name], measured, voice),
            round(100 * f.weight * (1 - close[f.name]) / weights, 1),
        )
        for f in compared
        if close[f.name] < 1
    ]
    differences = [d for d in differences if d.points >= 0.1]  # "−0" explains nothing
    differences.sort(key=lambda d: (-d.points, d.name))
    score = round(100 * sum(f.weight * close[f.name] for f in compared) / weights)
    return Scored(score, tuple(differences), missing, len(compared))


def score_context(ctx: LintContext, profile: Profile) -> DocumentScore:
    """The score of a linted document, and of its paragraphs when it is long."""
    document = sample(ctx)
    lang = document.document.lang
    channel = ctx.document.channel or ""
    voice = profile.voice_for(lang, channel)
    if voice is None:
        known = ", ".join(sorted({language_name(v.lang) for v in profile.voices}))
        reason = f"the profile has no {language_name(lang)} copy (it has {known})"
        return DocumentScore(
            ctx.document.path,
            lang,
            channel,
            document.document.words,
            Scored(None, (), {"profile": reason}, 0),
            (),
        )
    scored = score_measured(document.document, voice, "document")
    paragraphs: list[Scored] = []
    if document.document.words >= LONG_DOCUMENT and voice.paragraph_features:
        views = [v for v in prose_views(ctx) if word_count(v.doc) >= PARAGRAPH_MIN_WORDS]
        for number_, (view, measured) in enumerate(zip(views, document.paragraphs, strict=True), 1):
            found = score_measured(measured, voice, "paragraph")
            paragraphs.append(
                Scored(
                    found.score,
                    found.differences,
                    found.missing,
                    found.compared,
                    view.block.start,
                    view.block.end,
                    f"paragraph {number_}",
                )
            )
    return DocumentScore(
        ctx.document.path, lang, channel, document.document.words, scored, tuple(paragraphs)
    )


def breakdown(scored: Scored) -> str:
    """The full explanation of a score, one line per feature, for the editor's hover and
    `brandlint voice score`."""
    if scored.score is None:
        return "No voice score: " + "; ".join(scored.missing.values())
    lines = [f"Voice score {scored.score}/100 over {scored.compared} features."]
    lines.extend(f"- −{number(d.points)}: {d.explanation}" for d in scored.differences)
    if not scored.differences:
        lines.append("Every feature is within the range of approved copy.")
    if scored.missing:
        lines.append(
            "Not measured: " + "; ".join(f"{k} ({v})" for k, v in sorted(scored.missing.items()))
        )
    return "\n".join(lines)
