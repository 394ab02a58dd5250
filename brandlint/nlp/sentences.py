"""Sentence boundaries in copy: own rules on top of spaCy's tokens.

spaCy's rule-based sentencizer ends a sentence at every `.`, `!` or `?` token, so it
splits after "dr." in "dr. Andics László", after the ordinal in "26. januar" when the
tokenizer separates the period, after "C." in "John C. Calhoun", and it keeps an opening
parenthesis or quote with the sentence before it. A trained parser is not shipped (no
model downloads). So brandlint decides on the characters around each terminal mark:

* a mark ends a sentence only when white space follows it (after any closing quotes and
  brackets, which stay with the sentence they close), so "3.5", "file.txt" and "U.S.A"
  never split;
* the next sentence must open like one: a capital or a digit, possibly behind opening
  quotes, a dialogue dash or an opening bracket whose content itself ends with a mark
  ("Done. (See below.)"); a word in mixed case ("iOS") opens one too. A lower-case word
  continues the sentence ("e.g. this", "bl.a. fordi", "2. helyen", "17. mai", "Yahoo! is");
* after a period, initials and dotted capitals ("C.", "U.S.") and abbreviations that
  never end a sentence in the language ("dr.", "e.g.", "f.eks.", "pl.") continue it even
  before a capital; those that can end one ("etc.", "stb.", "osv.") do not;
* after a period, a long plain word (seven letters or more, no abbreviation of the
  language) ends the sentence whatever follows: glossary tooltips pasted mid-sentence
  leave "profil for kundebasen. av målgruppen" and "teknologibedriftene. , og Instagram",
  and a fragment may open in lower case ("instead. i.e. …"); abbreviations are shorter
  ("approx.", "körülb.", "ekskl."), so the length keeps them continuing the sentence;
* a code span dropped from the copy leaves two spaces where it stood ("it.  does", from
  "it. `npm i` does"): after a period, that gap ends the sentence whatever follows;
* a would-be sentence with no letter or digit ("(...)") stays with the one before.

Headings, list items and table cells are blocks of their own, so they are units already.
`benchmarks/sentences.py` measures these rules on a gold set in five languages, beside
spaCy's plain sentencizer and pysbd.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy
from spacy.attrs import IDX, SENT_START
from spacy.language import Language

if TYPE_CHECKING:
    from spacy.tokens import Doc

NAME = "brandlint_sentences"

_TERMINAL_CHARS = "[.!?…‼⁇⁈⁉。\uff01\uff1f]"  # with full-width ! and ?
_TERMINAL = re.compile(_TERMINAL_CHARS + "+")
_CLOSING = frozenset(")]}’”»\u203a\"'")  # \u203a: single right guillemet
# where a sentence may end: a run of terminal marks (from its first mark on, so a long
# line of marks is read once), the closing quotes and brackets after it (to "closed"),
# then white space with more copy after it. Its white space is what `str.isspace` calls
# white space.
_CANDIDATE = re.compile(
    rf"(?P<closed>(?P<marks>{_TERMINAL_CHARS}(?<!{_TERMINAL_CHARS}{_TERMINAL_CHARS})"
    rf"{_TERMINAL_CHARS}*+)[{re.escape(''.join(sorted(_CLOSING)))}]*+)\s++(?=\S)"
)
_OPENING_QUOTES = frozenset("\"'“‘«„\u201a\u2039¿¡")  # low-9 quote, left guillemet
# the same, as the characters `str.strip` takes (joined once, not per terminal mark)
_CLOSING_CHARS = "".join(sorted(_CLOSING))
_OPENING_CHARS = "".join(sorted(_OPENING_QUOTES)) + "([{"
_BRACKETS = {"(": ")", "[": "]", "{": "}"}
_DASHES = frozenset("-–—")
_INITIALS = re.compile(r"(?:[^\W\d_]\.)+")
_ALNUM = re.compile(r"[^\W_]")
_NOT_START = numpy.uint64(2**64 - 1)  # -1 as spaCy stores it
# Abbreviations are short ("approx.", "körülb."): a plain word this long before a period is
# not one, so the period ends the sentence even before a lower-case word.
_LONG_WORD = 7

# Abbreviations that a capital or a digit follows without ending the sentence: titles
# before names, "for example" before an example, "number" before a number.
_NEVER_ENDS_COMMON = frozenset(
    {"dr.", "prof.", "mr.", "mrs.", "ms.", "st.", "vs.", "cf.", "no.", "nr.", "ca.", "jr.", "sr."}
)
_NEVER_ENDS = {
    "en": frozenset({"e.g.", "i.e.", "eg.", "ie.", "viz.", "fig.", "approx.", "incl.", "vol."}),
    "hu": frozenset(
        {"pl.", "ill.", "kb.", "ún.", "vö.", "ld.", "id.", "ifj.", "özv.", "sz.", "ti.", "tkp."}
    ),
    "nb": frozenset(
        {"bl.a.", "f.eks.", "dvs.", "mht.", "jf.", "kl.", "pga.", "evt.", "inkl.", "ifm."}
    ),
    "az": frozenset({"məs.", "akad."}),
}


@lru_cache(maxsize=32)
def never_ends(lang: str) -> frozenset[str]:
    """The abbreviations that never end a sentence in `lang` (English's apply everywhere:
    "e.g." is written in Norwegian copy too); joined once per language, not per block."""
    return _NEVER_ENDS_COMMON | _NEVER_ENDS["en"] | _NEVER_ENDS.get(lang, frozenset())


def sentence_starts(text: str, lang: str) -> list[int]:
    """Offsets in `text` where a sentence other than the first starts."""
    return _starts(text, never_ends(lang))


def _starts(text: str, abbreviations: frozenset[str]) -> list[int]:
    """`sentence_starts` with the language's abbreviations joined already (the sentence
    rules call it for every block)."""
    starts: list[int] = []
    # only marks with white space and then more copy after them can end a sentence: the
    # pattern leaves out the rest (the period closing a block, "3.5", "file.txt") unread
    for found in _CANDIDATE.finditer(text):
        start = _next_sentence(text, found, abbreviations)
        if start is not None and (not starts or start > starts[-1]):
            starts.append(start)
    if not starts:
        return starts
    # a would-be sentence with no letter or digit in it ("(...)") stays with the one before
    kept: list[int] = []
    for i, start in enumerate(starts):
        end = starts[i + 1] if i + 1 < len(starts) else len(text)
        if _ALNUM.search(text, start, end):
            kept.append(start)
    return kept


def _next_sentence(text: str, found: re.Match[str], abbreviations: frozenset[str]) -> int | None:
    """Where the next sentence starts if the terminal mark `found` matched (its run of
    marks, the closing quotes and brackets after it, then white space) ends one."""
    mark, end, gap = found.start("marks"), found.end("closed"), found.end()
    marks = found.group("marks")
    period = marks.endswith(".")
    if period and _continues_after_period(text, mark, abbreviations):
        return None
    if _opens_sentence(text, gap, spaced=period and gap - end >= 2):
        return gap
    # a lower-case word and the like: the sentence ends all the same after a long word
    if marks == "." and end == mark + 1 and _after_long_word(text, mark, abbreviations):
        return gap
    return None


def _continues_after_period(text: str, mark: int, abbreviations: frozenset[str]) -> bool:
    """The period closes an abbreviation or an initial, not the sentence."""
    word_start = mark
    while word_start > 0 and not text[word_start - 1].isspace():
        word_start -= 1
    word = text[word_start:mark].lstrip(_OPENING_CHARS)
    if not word:
        return False
    if word_start == 0 and word.isdigit():
        return True  # "1. Choose a channel": an enumerator in plain text, not a sentence
    if f"{word.lower()}." in abbreviations:
        return True
    if _INITIALS.fullmatch(word + "."):
        # "C." and "U.S." are initials; lower-case dotted words ("a.m.") can end a sentence
        return word[0].isupper()
    return False


def _after_long_word(text: str, mark: int, abbreviations: frozenset[str]) -> bool:
    """The period closes a long plain word that is no abbreviation of the language, so
    it ends the sentence whatever follows: a glossary tooltip pasted mid-sentence leaves
    "for kundebasen. av målgruppen" and "teknologibedriftene. , og Instagram"."""
    word_start = mark
    while word_start > 0 and text[word_start - 1].isalpha():
        word_start -= 1
    word = text[word_start:mark]
    if word_start > 0 and not text[word_start - 1].isspace():
        return False  # "bl.a", "(kundebasen", "e-post": not a plain word
    return len(word) >= _LONG_WORD and f"{word.lower()}." not in abbreviations


def _opens_sentence(text: str, at: int, *, spaced: bool) -> bool:
    """The text at `at` opens a sentence: a capital or digit, possibly behind opening
    quotes or a dialogue dash; an opening bracket whose content ends with a mark."""
    char = text[at]
    if char in _BRACKETS:
        return _bracket_ends_with_mark(text, at)
    if char in _DASHES and at + 1 < len(text) and text[at + 1].isspace():
        rest = at + 1
        while rest < len(text) and text[rest].isspace():
            rest += 1
        return rest < len(text) and text[rest].isupper()
    if spaced:
        return True  # where a code span was dropped: "`encoding`: What…" reads ".  : What…"
    # opening quotes, with the space French-style typography puts after them ("« Nei! »")
    while (char in _OPENING_QUOTES or char.isspace()) and at + 1 < len(text):
        at += 1
        char = text[at]
    if char.isupper() or char.isdigit():
        return True
    # "iOS", "eBay": a brand in mixed case opens a sentence as a capital does
    return char.islower() and any(c.isupper() for c in text[at : _word_end(text, at)][1:])


def _word_end(text: str, at: int) -> int:
    while at < len(text) and not text[at].isspace():
        at += 1
    return at


def _bracket_ends_with_mark(text: str, at: int) -> bool:
    close = _BRACKETS[text[at]]
    depth = 0
    for i in range(at, len(text)):
        if text[i] == text[at]:
            depth += 1
        elif text[i] == close:
            depth -= 1
            if depth == 0:
                inner = text[at + 1 : i].rstrip(_CLOSING_CHARS + " ")
                return bool(inner) and _TERMINAL.fullmatch(inner[-1]) is not None
    return False


def _one_sentence(tokens: int) -> numpy.ndarray:
    """SENT_START of a doc of `tokens` tokens that is one sentence: 1 (starts one) for the
    first token, -1 (does not) for the others, as spaCy's uint64."""
    marks = numpy.full((tokens, 1), _NOT_START, dtype=numpy.uint64)
    marks[0, 0] = 1
    return marks


class SentenceRules:
    """The spaCy component: marks each token that starts a sentence."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self._abbreviations = never_ends(lang)
        # most blocks are one sentence of a few tokens: their marks are a slice of this
        # (read only), not an array built per block
        self._one_sentence = _one_sentence(4096)
        self._one_sentence.flags.writeable = False

    def __call__(self, doc: Doc) -> Doc:
        return self.mark(doc, doc.text)

    def mark(self, doc: Doc, text: str) -> Doc:
        """Mark `doc`, whose text is `text`: a caller that has the text saves `Doc.text`
        joining every token again."""
        tokens = len(doc)
        if not tokens:
            return doc
        starts = _starts(text, self._abbreviations)
        if tokens > len(self._one_sentence):
            marks = _one_sentence(tokens)
        else:
            marks = self._one_sentence[:tokens]
        if starts:
            marks = marks.copy()
            offsets = doc.to_array([IDX]).reshape(-1).tolist()  # type: ignore[misc]
            for start in starts:
                i = bisect_left(offsets, start)
                if i < len(offsets) and offsets[i] == start:
                    marks[i, 0] = 1
        doc.from_array([SENT_START], marks)  # type: ignore[arg-type]
        return doc


@Language.factory(NAME, default_config={"lang": ""})
def make_sentence_rules(nlp: Language, name: str, lang: str) -> SentenceRules:
    """Registered with spaCy so a pipeline can `add_pipe` it by name."""
    return SentenceRules(lang or nlp.lang or "xx")
