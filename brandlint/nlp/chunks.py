"""Long copy cut into pieces spaCy accepts, and the pieces' docs joined back into one.

spaCy refuses a text over `nlp.max_length` characters (a million by default: a limit on
the memory a trained parser may take), and a CMS export can hold a 1.2 MB paragraph. Copy
over `CHUNK` characters is tokenized piece by piece, each piece ending after a paragraph
break, else after a sentence's end, else after a space, and the pieces' docs are joined
with `Doc.from_docs`: the joined doc has the very same text, so every token's offset, and
so every alert's position, is the one a single pass would give. Only a sentence (or a word,
for a piece with no space at all) cut at a piece's end can differ.

A long run of characters with no space (a base64 blob, a row of quotes or emoji pasted
into copy) is another hang: spaCy strips a word's leading and trailing punctuation one
character at a time, each step scanning the rest of the word, so a 7,000-character run
takes seconds and a 100 KB one minutes. A run over `RUN` characters is no prose, so it is
not handed to the tokenizer: its leading and trailing punctuation become one token per
character (as spaCy makes them), the rest one opaque token, and the pipeline's components
then run on the whole piece, so sentences and positions are those of a single pass. Only
the words inside such a run are lost to rules that match tokens; rules that match text
still read it. The cost stays linear: below `RUN`, a run costs at most `RUN` steps per
character.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

CHUNK = 100_000  # characters: well under spaCy's limit, and a few hundred ms of tokenizing
# characters with no space: longer than any word or link in copy, short enough that a run
# just under it costs milliseconds
RUN = 100

# where a piece may end, best first: a blank line, a sentence's end, any space
_CUTS = (
    re.compile(r"\n[ \t]*\n\s*"),
    re.compile(r"[.!?…。\uff01\uff1f][\"'”’)\]]*\s+"),
    re.compile(r"\s+"),
)
_SPACE = re.compile(r"\s*")


def pieces(text: str, size: int = CHUNK) -> list[str]:
    """`text` cut into consecutive pieces of at most `size` characters (joined, they are
    `text`), each ending at the best place in its second half."""
    out: list[str] = []
    start = 0
    while len(text) - start > size:
        stop = start + size
        out.append(text[start : (start := _cut(text, start + size // 2, stop))])
    out.append(text[start:])
    return out


def _cut(text: str, low: int, high: int) -> int:
    """The end of the last cut place of the best kind ending in [low, high]; `high` when
    there is none (a run of copy with no space at all)."""
    for cut in _CUTS:
        last = None
        for found in cut.finditer(text, low, high):
            last = found
        if last is not None:
            return last.end()
    return high


def tokenize_long(
    texts: Iterable[str], nlp: Language, size: int = CHUNK, run: int = RUN
) -> list[Doc]:
    """`nlp` over `texts`, a text over `size` characters in pieces whose docs are joined
    back into one doc of that text, a run of over `run` characters with no space as one
    opaque token."""
    # most texts are short blocks: one piece each, handed on as they are
    cut = [[text] if len(text) <= size else pieces(text, size) for text in texts]
    docs = _pipe([_guarded(piece, nlp, run) for parts in cut for piece in parts], nlp)
    if len(docs) == len(cut):
        return docs
    from spacy.tokens import Doc

    joined: list[Doc] = []
    at = 0
    for parts in cut:
        if len(parts) == 1:
            joined.append(docs[at])
        else:
            joined.append(Doc.from_docs(docs[at : at + len(parts)], ensure_whitespace=False))
        at += len(parts)
    return joined


def _pipe(pieces: list[str | Doc], nlp: Language) -> list[Doc]:
    """`nlp.pipe(pieces)`. A pipeline whose components take one doc at a time (the
    blank pipeline's sentence rules) is run here, a piece at a time: `Language.pipe`'s
    generators and checks cost more than tokenizing the short blocks copy is made of,
    and the sentence rules get each piece's text as it is.
    Components that batch (a trained pipeline's) get `Language.pipe`."""
    components = [component for _, component in nlp.pipeline]
    if any(hasattr(component, "pipe") for component in components):
        return list(nlp.pipe(pieces))
    steps = [_step(component) for component in components]
    tokenizer = nlp.tokenizer
    docs: list[Doc] = []
    for piece in pieces:
        doc, text = (tokenizer(piece), piece) if isinstance(piece, str) else (piece, piece.text)
        for step in steps:
            doc = step(doc, text)
        docs.append(doc)
    return docs


def _step(component: Callable[[Doc], Doc]) -> Callable[[Doc, str], Doc]:
    """A component as a step of `_pipe`, given each doc and its text: the sentence rules
    read the text, which a doc can only rebuild token by token."""
    from brandlint.nlp.sentences import SentenceRules

    if isinstance(component, SentenceRules):
        return component.mark
    return lambda doc, _text: component(doc)


def _guarded(text: str, nlp: Language, run: int) -> str | Doc:
    """`text` as is, or, when it holds a run over `run` characters with no space, its
    tokens made without handing those runs to the tokenizer (the pipeline accepts either).
    Segmenters of their own (Chinese, Japanese, Thai…) are linear and read text with no
    spaces, so they get the text whatever its runs."""
    if len(text) <= run:
        return text  # most blocks: too short to hold such a run
    long_runs = list(_long_runs(run).finditer(text))
    if not long_runs:
        return text
    from spacy.tokenizer import Tokenizer
    from spacy.tokens import Doc

    if not isinstance(nlp.tokenizer, Tokenizer):
        return text
    parts: list[Doc] = []
    at = 0
    for found in long_runs:
        if found.start() > at:
            parts.append(nlp.make_doc(text[at : found.start()]))
        at = _SPACE.match(text, found.end()).end()  # type: ignore[union-attr]
        parts.append(_opaque(found.group(), text[found.end() : at], nlp))
    if at < len(text):
        parts.append(nlp.make_doc(text[at:]))
    return Doc.from_docs(parts, ensure_whitespace=False)


@lru_cache(maxsize=8)
def _long_runs(run: int) -> re.Pattern[str]:
    """The pattern of runs of over `run` characters with no space, made once per length
    (asked for every block over `run` characters)."""
    return re.compile(rf"(?<!\S)\S{{{run + 1},}}")


def _opaque(run: str, space: str, nlp: Language) -> Doc:
    """The doc of `run` and the `space` after it: its leading and trailing punctuation one
    token a character, the rest one token; the space tokenized as spaCy tokenizes the space
    after a word."""
    from spacy.tokens import Doc

    start, end = 0, len(run)
    while start < end and not _wordlike(run[start]):
        start += 1
    while end > start and not _wordlike(run[end - 1]):
        end -= 1
    words = [*run[:start], *([run[start:end]] if end > start else []), *run[end:]]
    after = nlp.make_doc("x" + space)  # "x": a word spaCy leaves whole
    spaces = [False] * (len(words) - 1) + [bool(after[0].whitespace_)]
    words += [token.text for token in after[1:]]
    spaces += [bool(token.whitespace_) for token in after[1:]]
    return Doc(nlp.vocab, words=words, spaces=spaces)


def _wordlike(char: str) -> bool:
    """A letter, digit or combining mark: what ends spaCy's stripping of punctuation."""
    return char.isalnum() or unicodedata.category(char).startswith("M")
