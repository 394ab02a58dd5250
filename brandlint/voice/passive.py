"""Passive voice: "Orders are processed by Kestrel".

With a trained English pipeline the parser's labels decide (`auxpass` / `nsubjpass`). On the
blank pipeline a rule-based fallback finds a form of *be* (or *get*), optionally a few
adverbs, then a past participle: a regular `-ed` form or one of the irregular participles
below. "She is interested" is passive by this rule too; the level is a suggestion for that
reason.

Both ways are English: the word lists below, and `auxpass`, the label of spaCy's English
parsers. Other languages have no detector: `passive_reason` says so, and `brandlint stats`
shows no passive share for them (None, never 0.0).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING

from brandlint.voice.languages import language_name

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

LANGUAGES = frozenset({"en"})  # the languages passive voice is detected in


def passive_reason(lang: str) -> str:
    """Why passive voice is not detected in `lang` copy ('' when it is)."""
    if lang in LANGUAGES:
        return ""
    return f"no passive-voice detector for {language_name(lang)}"


BE = {
    "am",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "'s",
    "’s",
    "'re",
    "’re",
    "get",
    "gets",
    "got",
    "gotten",
    "getting",
}
ADVERBS_BETWEEN = {
    "not",
    "n't",
    "n’t",
    "also",
    "always",
    "never",
    "often",
    "already",
    "still",
    "just",
    "now",
    "then",
    "usually",
    "automatically",
    "easily",
    "quickly",
    "all",
}
IRREGULAR = set(
    """
arisen awoken borne beaten become begun bent bet bid bitten bled blown broken bred brought
broadcast built burnt burst bought cast caught chosen clung come cost crept cut dealt dug done
drawn dreamt drunk driven eaten fallen fed felt fought found fled flung flown forbidden forecast
forgotten forgiven frozen given gone ground grown hung had heard hidden hit held hurt kept knelt
known laid led leant leapt learnt left lent let lain lit lost made meant met mistaken paid put
quit read rid ridden rung risen run said seen sought sold sent set sewn shaken shed shone shot
shown shrunk shut sung sunk sat slain slept slid slung slit smelt sown spoken sped spent spilt
spun spat split spoilt spread sprung stood stolen stuck stung stunk struck strung sworn swept
swollen swum swung taken taught torn told thought thrown thrust trodden understood undertaken
upset woken worn woven wed wept won wound withdrawn written
""".split()
)
NOT_PARTICIPLES = {
    "need",
    "red",
    "bed",
    "shed",
    "feed",
    "seed",
    "weed",
    "speed",
    "indeed",
    "hundred",
    "sacred",
    "naked",
    "wicked",
    "kindred",
}


def is_participle(word: str) -> bool:
    lower = word.lower()
    if lower in IRREGULAR:
        return True
    return lower.endswith("ed") and len(lower) > 3 and lower not in NOT_PARTICIPLES


def passive_spans(doc: Doc, trained: bool = False) -> list[tuple[int, int]]:
    """(start, end) token indexes of each passive construction in `doc`."""
    if trained:
        return [
            (t.head.i if t.head.i < t.i else t.i, max(t.i, t.head.i) + 1)
            for t in doc
            if t.dep_ == "auxpass"
        ]
    spans = []
    tokens = list(doc)
    be = _be_ids()
    for i, token in enumerate(tokens):
        # the id of a token's lowercase text is read without decoding the text: most words
        # are not a form of *be*, and a matching id is confirmed by the text itself
        if token.lower not in be or token.lower_ not in BE:
            continue
        j = i + 1
        while j < len(tokens) and (
            tokens[j].lower_ in ADVERBS_BETWEEN
            or (tokens[j].lower_.endswith("ly") and tokens[j].is_alpha)
        ):
            j += 1
        if j < len(tokens) and tokens[j].is_alpha and is_participle(tokens[j].text):
            spans.append((i, j + 1))
    return spans


@cache
def _be_ids() -> frozenset[int]:
    """The ids spaCy gives the lowercase text of the forms of *be* (their hashes)."""
    from spacy.strings import get_string_id

    return frozenset(get_string_id(word) for word in BE)


def passive_sentences(doc: Doc, sentences: Iterable[Span], trained: bool = False) -> int:
    """How many of `sentences` (spans of `doc`) hold a whole passive construction.

    The constructions are found once in the whole doc and each is placed in its sentence
    by token index: copying each sentence into a doc of its own (`Span.as_doc`) copies the
    doc's arrays every time, which made a 210 KB paragraph take minutes."""
    import bisect

    spans = passive_spans(doc, trained)
    starts = [start for start, _ in spans]
    count = 0
    for sentence in sentences:
        inside = spans[
            bisect.bisect_left(starts, sentence.start) : bisect.bisect_left(starts, sentence.end)
        ]
        if any(end <= sentence.end for _, end in inside):
            count += 1
    return count
