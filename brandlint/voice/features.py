"""What a voice profile measures in a stretch of copy (a document or one paragraph).

Every feature is a figure a copywriter can check by hand: words per sentence, questions per
hundred sentences, "we" per hundred words. A feature that is not defined for the copy's
language (no pronoun list for Yoruba, no readability formula for Hungarian, no general
frequency list for Azerbaijani), or for its format (no headings in plain text), is left
out with the reason, never estimated with English rules: `Measured.missing` carries the
reasons and the profile and the score report them.

The figures come from the tokens and sentences the linter made of the copy (`BlockView`),
and the detectors the tone rules use (passive voice, emoji, contractions, readability), so a
voice score never disagrees with an alert about the same sentence.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING, Literal

from brandlint.core.rule import BlockView, word_count
from brandlint.readability import document_text, language, measure
from brandlint.voice.contractions import contracted_forms
from brandlint.voice.emoji import emoji_spans
from brandlint.voice.languages import language_name
from brandlint.voice.passive import passive_reason, passive_sentences

if TYPE_CHECKING:
    from spacy.tokens import Token


@dataclass(frozen=True)
class Feature:
    """One measured figure, with how a copywriter reads it.

    `floor` is the least difference that matters ("two words per sentence"): a profile
    whose approved copy never varies (no emoji at all) still tells one emoji from fifty.
    `levels` says where it is measured: a paragraph on its own has no paragraph length."""

    name: str
    label: str  # the figure in plain words, as the explanation starts
    unit: str  # after the value: " words", "%", " per 100 words"
    floor: float
    about: str  # what it tells a copywriter: docs/voice.md's table, checked by a test
    levels: tuple[str, ...] = ("document", "paragraph")
    # which side of approved copy's range is a difference: "both", or only "above" (the
    # small-word mix: a distance, never too small) or only "below" (the brand's own words:
    # copy richer in them than usual still sounds like the brand)
    differs: Literal["both", "above", "below"] = "both"
    # how many plain features this one counts as in the score: the brand's own vocabulary
    # is what readers recognise a writer by. The voice benchmark chooses the weights of the
    # brand's own words and the small-word mix from a grid of 1, 2, 3, 5, 8 and 13 by
    # cross-validation; 8 and 1 are its choice on all its documents, and the nested
    # cross-validation in benchmarks/README.md measures that choice on held-out copy
    weight: float = 1.0


PER_100 = " per 100 words"
FEATURES: tuple[Feature, ...] = (
    Feature(
        "sentence_length",
        "sentences average",
        " words",
        2.0,
        "How many words a sentence has on average.",
    ),
    Feature(
        "word_length",
        "words average",
        " letters",
        0.3,
        "How many letters a word has on average: long words read as formal or technical.",
    ),
    Feature(
        "paragraph_length",
        "paragraphs average",
        " words",
        10.0,
        "How many words a paragraph has on average (whole documents only).",
        levels=("document",),
    ),
    Feature(
        "we",
        "'we' words",
        PER_100,
        0.5,
        'How often the brand speaks as "we" (we, our, us), per 100 words (English and Norwegian).',
    ),
    Feature(
        "you",
        "'you' words",
        PER_100,
        0.5,
        'How often the copy talks to the reader as "you", per 100 words (English and Norwegian).',
    ),
    Feature(
        "they",
        "'they' words",
        PER_100,
        0.5,
        "How often the copy talks about other people (they, them, their), per 100 words "
        "(English and Norwegian).",
    ),
    Feature(
        "contractions",
        "contractions",
        PER_100,
        0.5,
        "How often words are contracted (we're, don't), per 100 words: contractions sound "
        "spoken (English).",
    ),
    Feature(
        "questions", "questions", "% of sentences", 5.0, "How many sentences are questions, in %."
    ),
    Feature(
        "exclamations",
        "exclamations",
        "% of sentences",
        5.0,
        "How many sentences end with an exclamation mark, in %.",
    ),
    Feature("emoji", "emoji", PER_100, 0.5, "How many emoji the copy uses, per 100 words."),
    Feature(
        "hedges",
        "hedges (maybe, quite, really…)",
        PER_100,
        0.5,
        "How often the copy softens what it says (maybe, quite, really: the built-in hedging "
        "rule's words), per 100 words (English).",
    ),
    Feature(
        "hype",
        "hype words (amazing, world-class…)",
        PER_100,
        0.5,
        "How often the copy oversells (amazing, world-class, guaranteed: the built-in hype "
        "packs' words), per 100 words (English).",
    ),
    Feature(
        "passive",
        "passive sentences",
        "% of sentences",
        5.0,
        'How many sentences are in the passive voice ("is processed by"), in % (English).',
    ),
    Feature(
        "readability",
        "readability",
        "",
        2.0,
        "The readability figure published for the language: Flesch–Kincaid grade for "
        "English, LIX for the Scandinavian languages, a Flesch reading ease adapted to "
        "German, French, Spanish, Italian, Dutch or Russian, and none where no formula is "
        "validated (Hungarian, Azerbaijani, Yoruba…).",
    ),
    Feature(
        "lexical_density",
        "content words",
        "% of words",
        3.0,
        "How many words carry content rather than grammar (the, of, and), in %: dense copy "
        "reads as information, light copy as conversation.",
    ),
    Feature(
        "function_words",
        "small-word mix differs from approved copy by",
        "%",
        5.0,
        "How differently the copy uses the small grammar words (the, we, of, you, it) from "
        "approved copy, in %: a sign of who is writing that readers do not notice.",
        differs="above",
    ),
    Feature(
        "characteristic_words",
        "the brand's own words",
        PER_100,
        0.5,
        "How often the copy uses the brand's own words, per 100 words: those approved copy "
        "uses at least ten times as often as everyday language does (wordfreq's lists), "
        "found in a tenth of the documents or more; only too few of them is a difference. "
        "Counts as eight other features together.",
        weight=8.0,
        differs="below",
    ),
    Feature(
        "headings",
        "headings",
        PER_100,
        0.2,
        "How often a heading breaks up the copy, per 100 words of running text (whole "
        "documents in formats that mark headings: Markdown, HTML, reStructuredText, Org, Word, "
        "notebooks): many read as reference or specification, few as an article or a letter.",
        levels=("document",),
    ),
)
BY_NAME = {feature.name: feature for feature in FEATURES}

# person words per language: lists for the languages we can vouch for, and none elsewhere
PERSON: dict[str, dict[str, frozenset[str]]] = {
    "en": {
        "we": frozenset("we our ours us ourselves we're we'll we've we'd".split()),
        "you": frozenset("you your yours yourself yourselves you're you'll you've you'd".split()),
        "they": frozenset("they them their theirs themselves they're they'll they've".split()),
    },
    "nb": {
        "we": frozenset("vi oss vår vårt våre".split()),
        "you": frozenset("du deg din ditt dine dere deres".split()),
        "they": frozenset("de dem deres".split()) - frozenset({"deres"}),
    },
}
PERSON["no"] = PERSON["nb"]


HEADING_FORMATS = frozenset({"markdown", "mdx", "html", "rst", "org", "docx", "notebook"})
"""Formats whose markup marks headings. Elsewhere (plain text, copy decks, strings in code)
a page has none to count, and zero headings would read as "no sections" where the format
simply cannot say."""


def headings_reason(format: str) -> str:
    """Why headings are not counted in a document of `format` ('' when they are)."""
    return "" if format in HEADING_FORMATS else f"the {format} format marks no headings"


def person_reason(lang: str) -> str:
    """Why 'we' / 'you' / 'they' are not counted in `lang` copy ('' when they are)."""
    if lang in PERSON:
        return ""
    return f"no pronoun list for {language_name(lang)}"


def english_only(lang: str, what: str) -> str:
    return "" if lang == "en" else f"no {what} list for {language_name(lang)}"


@lru_cache(maxsize=1)
def _pack_words() -> dict[str, tuple[str, ...]]:
    """The hedges and hype words of the built-in packs: one list for the rules and here."""
    import yaml

    from brandlint.packs import packs_root

    def tokens(*files: str) -> tuple[str, ...]:
        found: list[str] = []
        for name in files:
            data = yaml.safe_load((packs_root() / name).read_text(encoding="utf-8"))
            found.extend(str(t).lower() for t in data.get("tokens") or ())
        return tuple(found)

    return {
        "hedges": tokens("tone/hedging.yml"),
        "hype": tokens("hype/superlatives.yml", "hype/unsupported-claims.yml"),
    }


@lru_cache(maxsize=4)
def _phrase_pattern(kind: str) -> re.Pattern[str]:
    words = sorted(_pack_words()[kind], key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)")


@lru_cache(maxsize=1)
def _contraction_pattern() -> re.Pattern[str]:
    forms = sorted(contracted_forms(), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(f.lower()) for f in forms) + r")(?!\w)")


@lru_cache(maxsize=16)
def stop_words(lang: str) -> frozenset[str]:
    """spaCy's function-word list for `lang` (empty when spaCy has none)."""
    import spacy

    try:
        return frozenset(spacy.util.get_lang_class(lang).Defaults.stop_words)
    except ImportError:
        return frozenset()


def function_reason(lang: str) -> str:
    if stop_words(lang):
        return ""
    return f"no function-word list for {language_name(lang)}"


@dataclass(frozen=True)
class Measured:
    """The features of one stretch of copy: values, reasons for the missing ones, and the
    word counts the profile-relative features (function words, the brand's own words) are
    computed from."""

    lang: str
    words: int
    values: dict[str, float]
    missing: dict[str, str]
    counts: Counter[str] = field(default_factory=Counter)  # lower-case words
    pairs: Counter[str] = field(default_factory=Counter)  # two-word phrases


def _words(tokens: Iterable[Token]) -> list[str]:
    return [t.lower_ for t in tokens if any(c.isalnum() for c in t.text) and t.text[:1] not in "'’"]


def measure_copy(
    views: Sequence[BlockView],
    lang: str,
    trained: bool,
    level: str,
    headings: tuple[str, int] | None = None,
) -> Measured:
    """The features of the running prose in `views`, in `lang` (`level`: "document" or
    "paragraph", which features apply). `headings`: a whole document's format and how many
    headings it has, which `views` (prose only) cannot show."""
    lang = language(lang)
    sentences = [s for v in views for s in v.sentences if word_count(s)]
    words = sum(word_count(v.doc) for v in views)
    lowers: list[str] = []
    pairs: Counter[str] = Counter()
    for view in views:
        for sentence in view.sentences:
            found = _words(sentence)
            lowers.extend(found)
            pairs.update(f"{a} {b}" for a, b in pairwise(found))
    counts = Counter(lowers)
    text = "\n".join(v.text for v in views)
    lower_text = text.lower()
    values: dict[str, float] = {}
    missing: dict[str, str] = {}
    if not words or not sentences:
        return Measured(lang, words, {}, {"all": "no words to measure"}, counts, pairs)

    def per_100(count: float) -> float:
        return round(100 * count / words, 2)

    def share(count: int) -> float:
        return round(100 * count / len(sentences), 1)

    values["sentence_length"] = round(words / len(sentences), 1)
    letters = [sum(c.isalpha() for c in w) for w in lowers]
    values["word_length"] = round(sum(letters) / len(letters), 2) if letters else 0.0
    if level == "document":
        paragraphs = [word_count(v.doc) for v in views if word_count(v.doc)]
        values["paragraph_length"] = round(sum(paragraphs) / len(paragraphs), 1)
    if headings is not None:
        if reason := headings_reason(headings[0]):
            missing["headings"] = reason
        else:
            values["headings"] = per_100(headings[1])
    if reason := person_reason(lang):
        missing.update(we=reason, you=reason, they=reason)
    else:
        for person, listed in PERSON[lang].items():
            values[person] = per_100(sum(counts[w] for w in listed))
    if reason := english_only(lang, "contraction"):
        missing["contractions"] = reason
    else:
        values["contractions"] = per_100(len(_contraction_pattern().findall(lower_text)))
    ends = [s.text.rstrip()[-1:] for s in sentences]
    values["questions"] = share(sum(1 for e in ends if e in "?\uff1f"))  # and full-width
    values["exclamations"] = share(sum(1 for e in ends if e in "!\uff01"))
    values["emoji"] = per_100(sum(len(emoji_spans(v.text)) for v in views))
    for kind, what in (("hedges", "hedging-word"), ("hype", "hype-word")):
        if reason := english_only(lang, what):
            missing[kind] = reason
        else:
            values[kind] = per_100(len(_phrase_pattern(kind).findall(lower_text)))
    if reason := passive_reason(lang):
        missing["passive"] = reason
    else:
        passive = sum(passive_sentences(v.doc, v.sentences, trained) for v in views)
        values["passive"] = share(passive)
    scores = measure(document_text(views), lang)
    if scores.headline is None:
        missing["readability"] = scores.reason
    else:
        values["readability"] = scores.headline[1]
    if reason := function_reason(lang):
        missing["lexical_density"] = missing["function_words"] = reason
    else:
        stops = stop_words(lang)
        function = sum(n for w, n in counts.items() if w in stops)
        values["lexical_density"] = round(100 * (1 - function / max(len(lowers), 1)), 1)
    return Measured(lang, words, values, missing, counts, pairs)


def readability_label(lang: str) -> str:
    """The name of the readability figure for `lang` ("Flesch–Kincaid grade", "LIX")."""
    from brandlint.readability import formulas_for

    found = formulas_for(language(lang))
    return found[0].name if found else "readability"
