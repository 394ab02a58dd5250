"""Part-of-speech tags for copy the blank pipeline tokenized, from a tagger in the wheel.

Rules that read tags (the `contractions` rule's "have" check) need them on copy the blank
pipeline tokenized. A trained spaCy pipeline brings tags, but none can be downloaded here,
so brandlint ships a small English tagger (brandlint/data/tagger-en/: a spaCy `tagger`
trained on UD English EWT, and an `attribute_ruler` giving each tag its universal POS; how
it was made is in its NOTICE and tools/train_tagger/). It is loaded the first time a rule
needs tags, never at start-up, and runs on the Docs of brandlint's own English pipeline, so
the words it tags are the words every other rule sees. Tagging costs far more than
tokenizing, so only the blocks a tag-reading rule checks are tagged, each once. Vale's
`sequence` rules use Vale's own tagger instead (`brandlint.nlp.perceptron`), to give Vale's
alerts.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

DATA = Path(__file__).resolve().parents[1] / "data"
# set in `Doc.user_data` on the docs this tagger tagged: rules that prefer the tags of the
# guide's own pipeline (Vale's `sequence`) tell them apart
SHIPPED_TAGS = "brandlint.shipped_tags"
_FOLDERS = {"en": "tagger-en"}


def tagger_folder(lang: str) -> Path | None:
    """The folder of the tagger shipped for `lang` (a normalized code), if there is one."""
    name = _FOLDERS.get(lang)
    if name is None or not (DATA / name / "config.cfg").is_file():
        return None
    return DATA / name


class ShippedTagger:
    """A loaded shipped tagger. spaCy components are not documented as thread-safe, and one
    tagger serves every thread of the process, so tagging holds a lock."""

    def __init__(self, nlp: Language) -> None:
        from spacy.parts_of_speech import IDS

        self.nlp = nlp
        self.tagger = nlp.get_pipe("tagger")
        self.labels: tuple[str, ...] = tuple(self.tagger.labels)  # type: ignore[attr-defined]
        # The attribute ruler's table (tag → POS, and (tag, word) → POS where the word's
        # own POS differs), applied here by hand: the ruler itself labels its matches with
        # strings only its own vocab holds.
        strings = nlp.vocab.strings
        self.pos_of: dict[int, int] = {}
        self.pos_of_word: dict[tuple[int, int], int] = {}
        for entry in nlp.get_pipe("attribute_ruler").patterns:  # type: ignore[attr-defined]
            ((token,),) = entry["patterns"]
            tag, pos = strings.add(token["TAG"]), IDS[entry["attrs"]["POS"]]
            if "LOWER" in token:
                self.pos_of_word[(tag, strings.add(token["LOWER"]))] = pos
            else:
                self.pos_of[tag] = pos
        self._lock = threading.Lock()

    def tag(self, docs: Iterable[Doc]) -> None:
        """Set `tag_` (Penn Treebank) and `pos_` (universal) on the docs not tagged yet.

        The tagger writes tag hashes, which resolve through each doc's own vocab: its
        labels are added there first."""
        with self._lock:
            todo = [doc for doc in docs if len(doc) and not doc.has_annotation("TAG")]
            for vocab in {id(doc.vocab): doc.vocab for doc in todo}.values():
                for label in self.labels:
                    vocab.strings.add(label)
            pos_of, pos_of_word = self.pos_of, self.pos_of_word
            for doc in self.tagger.pipe(todo):  # type: ignore[attr-defined]
                doc.user_data[SHIPPED_TAGS] = True
                for token in doc:
                    tag = token.tag
                    token.pos = pos_of_word.get((tag, token.lower)) or pos_of.get(tag, 0)


@cache
def shipped_tagger(lang: str) -> ShippedTagger | None:
    """The tagger shipped for `lang`, loaded once per process; None for a language with
    none (only English has one)."""
    folder = tagger_folder(lang)
    if folder is None:
        return None
    from brandlint.nlp.pipelines import import_spacy

    # saved without a tokenizer: it tags the Docs of brandlint's own English pipeline
    return ShippedTagger(import_spacy().load(folder, exclude=["tokenizer"]))
