"""Formality of copy as a number from 0 (chatty) to 100 (formal).

The Heylighen–Dewaele F-score: F = (noun + adjective + preposition + article − pronoun − verb
− adverb − interjection + 100) / 2, each term the share (in %) of words of that class. With a
trained pipeline the classes come from its part-of-speech tags. On the blank pipeline the
closed classes (articles, prepositions, pronouns, interjections) come from word lists and the
open classes from English suffixes (-tion, -ness → noun; -ly → adverb; -ive, -ous → adjective;
-ize, -ing, -ed → verb); words no rule classifies count toward the total only. That estimate
is English-only and documented as such; other languages get no formality score (None, with
`formality_reason`), even with a trained pipeline: articles are told from other determiners
by the English list.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from brandlint.voice.languages import language_name

if TYPE_CHECKING:
    from spacy.tokens import Doc

LANGUAGES = frozenset({"en"})  # the languages formality is estimated for


def formality_reason(lang: str) -> str:
    """Why formality is not estimated for `lang` copy ('' when it is)."""
    if lang in LANGUAGES:
        return ""
    return f"no formality estimate for {language_name(lang)} (English word classes only)"


ARTICLES = {"a", "an", "the"}
PREPOSITIONS = set(
    """about above across after against along among around at before behind
below beneath beside between beyond by despite down during except for from in inside into
like near of off on onto out outside over past since through throughout to toward towards
under underneath until up upon via with within without""".split()
)
PRONOUNS = set(
    """i me my mine myself you your yours yourself yourselves he him his himself she
her hers herself it its itself we us our ours ourselves they them their theirs themselves this
that these those who whom whose which what everyone everybody someone somebody anyone anybody
""".split()
)
INTERJECTIONS = {
    "oh",
    "wow",
    "hey",
    "hi",
    "hello",
    "yay",
    "ouch",
    "oops",
    "ah",
    "hmm",
    "yes",
    "no",
    "ok",
    "okay",
    "thanks",
    "please",
}
NOUN_ENDINGS = (
    "tion",
    "sion",
    "ment",
    "ness",
    "ity",
    "ance",
    "ence",
    "ship",
    "ism",
    "ist",
    "er",
    "or",
    "age",
    "ery",
    "ure",
)
ADJECTIVE_ENDINGS = ("ous", "ful", "ive", "able", "ible", "al", "ic", "less", "ish", "est")
VERB_ENDINGS = ("ize", "ise", "ify", "ing", "ed", "ate")
_POS = {
    "NOUN": "noun",
    "PROPN": "noun",
    "ADJ": "adj",
    "ADP": "prep",
    "DET": "art",
    "PRON": "pron",
    "VERB": "verb",
    "AUX": "verb",
    "ADV": "adv",
    "INTJ": "intj",
}


def word_class(word: str) -> str:
    lower = word.lower()
    for name, words in (
        ("art", ARTICLES),
        ("prep", PREPOSITIONS),
        ("pron", PRONOUNS),
        ("intj", INTERJECTIONS),
    ):
        if lower in words:
            return name
    if lower.endswith("ly") and len(lower) > 4:
        return "adv"
    for name, endings in (
        ("noun", NOUN_ENDINGS),
        ("adj", ADJECTIVE_ENDINGS),
        ("verb", VERB_ENDINGS),
    ):
        if len(lower) > len(endings[0]) + 2 and lower.endswith(endings):
            return name
    return ""


def formality(docs: list[Doc], trained: bool) -> float | None:
    counts: dict[str, int] = {}
    total = 0
    for doc in docs:
        for token in doc:
            if not token.is_alpha:
                continue
            total += 1
            name = _POS.get(token.pos_, "") if trained else word_class(token.text)
            if name == "art" and trained and token.lower_ not in ARTICLES:
                name = ""
            if name:
                counts[name] = counts.get(name, 0) + 1
    if not total:
        return None

    def share(name: str) -> float:
        return 100 * counts.get(name, 0) / total

    score = (
        share("noun")
        + share("adj")
        + share("prep")
        + share("art")
        - share("pron")
        - share("verb")
        - share("adv")
        - share("intj")
        + 100
    ) / 2
    return round(score, 1)
