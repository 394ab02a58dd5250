"""The shipped English tagger (brandlint/data/tagger-en): accuracy, speed, load time, size.

usage: python benchmarks/tagger.py PATH/TO/UD_English-EWT

Reads the treebank's test split (en_ewt-ud-test.conllu; get the treebank with
`git clone https://github.com/UniversalDependencies/UD_English-EWT`), which the tagger
never saw in training, and prints:

- Penn Treebank tag and universal POS accuracy on the treebank's own words, the figure
  taggers publish; beside it, spaCy's published tag accuracy for en_core_web_sm 3.8
  (0.97, on OntoNotes 5, a different test set: a reference point, not a same-data peer;
  no trained spaCy pipeline can be installed here to run it on these sentences);
- the same on brandlint's own tokens (each sentence's text through brandlint's English
  pipeline, as a `sequence` rule sees it), counted on the words both tokenizations share;
- words per second, tokenizing alone and tokenizing plus tagging;
- the time to load the tagger, and its size on disk.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

PEER_TAG_ACCURACY = 0.97  # spaCy's model card for en_core_web_sm 3.8 (TAG_ACC, OntoNotes 5)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("treebank", type=Path, help="a checkout of UD_English-EWT")
    args = parser.parse_args()
    test = args.treebank / "en_ewt-ud-test.conllu"

    from brandlint.nlp.pipelines import Pipelines, import_spacy

    started = time.perf_counter()
    import_spacy()
    spacy_import = time.perf_counter() - started
    from spacy.tokens import Doc
    from spacy.training import Alignment
    from spacy.training.converters import conllu_to_docs

    from brandlint.nlp.tagger import DATA, shipped_tagger

    started = time.perf_counter()
    tagger = shipped_tagger("en")
    load = time.perf_counter() - started
    if tagger is None:
        print("no shipped English tagger: run tools/train_tagger/train.py first")
        return 1
    gold = list(conllu_to_docs(test.read_text(encoding="utf-8"), n_sents=1, no_print=True))
    words = sum(len(doc) for doc in gold)

    # the treebank's own words
    predicted = [Doc(tagger.nlp.vocab, words=[t.text for t in doc]) for doc in gold]
    tagger.tag(predicted)
    pairs = [
        (p, g) for pd, gd in zip(predicted, gold, strict=True) for p, g in zip(pd, gd, strict=True)
    ]
    tag_acc = sum(p.tag_ == g.tag_ for p, g in pairs) / len(pairs)
    pos_acc = sum(p.pos_ == g.pos_ for p, g in pairs) / len(pairs)

    # brandlint's own tokens
    pipeline = Pipelines().get("en")
    texts = [doc.text for doc in gold]
    started = time.perf_counter()
    docs = pipeline.process(texts)
    tokenize = time.perf_counter() - started
    started = time.perf_counter()
    tagger.tag(docs)
    tag_time = time.perf_counter() - started
    shared = right = 0
    for doc, gd in zip(docs, gold, strict=True):
        ours = [t for t in doc if not t.is_space]
        theirs = list(gd)
        align = Alignment.from_strings([t.text for t in ours], [t.text for t in theirs])
        lengths = align.x2y.lengths
        data = align.x2y.data
        at = 0
        for token, length in zip(ours, lengths, strict=True):
            targets = data[at : at + length]
            at += length
            if length == 1 and align.y2x.lengths[targets[0]] == 1:
                shared += 1
                right += token.tag_ == theirs[targets[0]].tag_

    size = sum(f.stat().st_size for f in (DATA / "tagger-en").rglob("*") if f.is_file())
    print(f"UD English EWT test split: {len(gold)} sentences, {words} words")
    print(f"{'':40}{'brandlint tagger':>18}{'en_core_web_sm (published)':>28}")
    print(f"{'tag accuracy (PTB, gold words)':40}{tag_acc:>18.4f}{PEER_TAG_ACCURACY:>28.2f}")
    print(f"{'POS accuracy (universal, gold words)':40}{pos_acc:>18.4f}{'':>28}")
    print(
        f"{'tag accuracy (brandlint tokens)':40}{right / shared:>18.4f}"
        f"   on {shared / words:.1%} of the words, tokenized alike"
    )
    print(f"words/s, tokenizing only: {words / tokenize:,.0f}")
    print(f"words/s, tagging after tokenizing: {words / tag_time:,.0f}")
    print(f"words/s, both: {words / (tokenize + tag_time):,.0f}")
    print(f"load: {load * 1000:.0f} ms (after importing spaCy, {spacy_import * 1000:.0f} ms)")
    print(f"size on disk: {size / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
