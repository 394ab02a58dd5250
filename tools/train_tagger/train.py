"""Train brandlint's shipped English part-of-speech tagger on UD English EWT.

Vale's `sequence` rules match words by Penn Treebank tag (Vale tags with its embedded
`prose` perceptron). brandlint has no model download, so it ships this tagger inside the
wheel (brandlint/data/tagger-en/) and uses it when no trained spaCy pipeline is named.

The treebank is not committed. Get it, then train (about 10 minutes on two cores):

    git clone https://github.com/UniversalDependencies/UD_English-EWT /tmp/ewt
    python tools/train_tagger/train.py /tmp/ewt --commit "$(git -C /tmp/ewt rev-parse HEAD)"

A checkout whose en_ewt-ud-train.conllu is missing is rebuilt from its
not-to-release/sources files, as the treebank's own not-to-release/tools/build.py does.
The script writes brandlint/data/tagger-en/ (the tagger, a tag → universal POS table in an
attribute ruler, the NOTICE the treebank's CC BY-SA 4.0 licence asks for) and prints the
tag accuracy on the dev and test splits; `python benchmarks/tagger.py` measures it again.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from collections import Counter
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin
from spacy.training.converters import conllu_to_docs

HERE = Path(__file__).resolve().parent
OUT = HERE.parents[1] / "brandlint" / "data" / "tagger-en"
SPLITS = ("train", "dev", "test")
_POS_EXCEPTION_MIN = 3  # on EWT dev with gold tags: POS accuracy 0.923 by tag alone, 0.975

NOTICE = """\
brandlint's English part-of-speech tagger
=========================================

These files are a spaCy pipeline (a `tagger` with its own small tok2vec, and an
`attribute_ruler` giving each Penn Treebank tag its most frequent universal POS, except for
the words that, with that tag, are most often another POS)
trained by tools/train_tagger/train.py in the brandlint repository.

Training data: Universal Dependencies English Web Treebank (UD_English-EWT),
https://github.com/UniversalDependencies/UD_English-EWT, commit {commit},
train split ({train_sents} sentences, {train_words} words), XPOS column (Penn Treebank tags).

The weights are derived from that treebank and are distributed under the same licence,
Creative Commons Attribution-ShareAlike 4.0 International (CC BY-SA 4.0),
https://creativecommons.org/licenses/by-sa/4.0/ . The treebank's authors are credited in
its README; changes: none to the annotations, the model is learned from them.

Accuracy on the treebank's own words: Penn Treebank tags dev {dev[tag]:.4f}, test
{test[tag]:.4f}; universal POS dev {dev[pos]:.4f}, test {test[pos]:.4f}.

To retrain: see tools/train_tagger/train.py (spaCy {spacy_version}, config in
tools/train_tagger/config.cfg).
"""


def read_split(treebank: Path, split: str) -> str:
    """The split's CoNLL-U text, rebuilt from the per-document sources when the combined
    file is absent (the order of not-to-release/file-lists/files.SPLIT)."""
    combined = treebank / f"en_ewt-ud-{split}.conllu"
    if combined.is_file() and combined.stat().st_size:
        return combined.read_text(encoding="utf-8")
    listing = treebank / "not-to-release" / "file-lists" / f"files.{split}"
    sources = treebank / "not-to-release" / "sources"
    names = listing.read_text(encoding="utf-8").split()
    return "".join((sources / name).read_text(encoding="utf-8") for name in names)


def docs_of(text: str) -> list[Doc]:
    """Docs of ten sentences each, with the treebank's words, spaces, tags and POS."""
    return list(conllu_to_docs(text, n_sents=10, no_print=True))


def pos_tables(docs: list[Doc]) -> tuple[dict[str, str], dict[tuple[str, str], str]]:
    """Each tag's most frequent universal POS in the training data, and the words (seen at
    least `_POS_EXCEPTION_MIN` times with a tag) whose own most frequent POS differs: a VBP
    is mostly AUX (are, have), but "meet" as a VBP is a VERB."""
    by_tag: dict[str, Counter[str]] = {}
    by_word: dict[tuple[str, str], Counter[str]] = {}
    for doc in docs:
        for token in doc:
            by_tag.setdefault(token.tag_, Counter())[token.pos_] += 1
            by_word.setdefault((token.tag_, token.text.lower()), Counter())[token.pos_] += 1
    tags = {tag: seen.most_common(1)[0][0] for tag, seen in sorted(by_tag.items())}
    words = {
        key: seen.most_common(1)[0][0]
        for key, seen in sorted(by_word.items())
        if seen.total() >= _POS_EXCEPTION_MIN and seen.most_common(1)[0][0] != tags[key[0]]
    }
    return tags, words


def accuracy(nlp: spacy.language.Language, docs: list[Doc]) -> dict[str, float]:
    """Tag and POS accuracy on the gold words (as UD's and spaCy's published figures count
    them)."""
    right = Counter[str]()
    total = 0
    for gold in docs:
        doc = nlp(Doc(nlp.vocab, words=[t.text for t in gold]))
        right["tag"] += sum(p.tag_ == g.tag_ for p, g in zip(doc, gold, strict=True))
        right["pos"] += sum(p.pos_ == g.pos_ for p, g in zip(doc, gold, strict=True))
        total += len(gold)
    return {name: round(right[name] / total, 4) for name in ("tag", "pos")}


def train_tagger(docs: dict[str, list[Doc]], config: Path) -> spacy.language.Language:
    """Train with spaCy's trainer on the train split, the best model on dev kept."""
    from spacy.cli.train import train

    with tempfile.TemporaryDirectory() as work_dir:
        work = Path(work_dir)
        for split in ("train", "dev"):
            DocBin(docs=docs[split], store_user_data=False).to_disk(work / f"{split}.spacy")
        overrides = {"paths.train": str(work / "train.spacy"), "paths.dev": str(work / "dev.spacy")}
        train(config, work / "model", overrides=overrides)
        return spacy.load(work / "model" / "model-best")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("treebank", type=Path, help="a checkout of UD_English-EWT")
    parser.add_argument("--commit", required=True, help="the treebank commit, for the NOTICE")
    parser.add_argument("--out", type=Path, default=OUT, help=f"default: {OUT}")
    parser.add_argument(
        "--config", type=Path, default=HERE / "config.cfg", help="a variant, to compare"
    )
    parser.add_argument(
        "--tagger-from",
        type=Path,
        help="a saved pipeline whose tagger to ship as it is (no training): to rebuild the "
        "POS table and NOTICE",
    )
    args = parser.parse_args()

    docs = {split: docs_of(read_split(args.treebank, split)) for split in SPLITS}
    if args.tagger_from:
        trained = spacy.load(args.tagger_from, exclude=["tokenizer"])
    else:
        trained = train_tagger(docs, args.config)
    shipped = spacy.blank("en")
    shipped.add_pipe("tagger", source=trained)
    ruler = shipped.add_pipe("attribute_ruler")
    tag_pos, word_pos = pos_tables(docs["train"])
    for tag, pos in tag_pos.items():
        ruler.add([[{"TAG": tag}]], {"POS": pos})
    for (tag, word), pos in word_pos.items():
        ruler.add([[{"TAG": tag, "LOWER": word}]], {"POS": pos})
    shipped.meta.update(
        name="brandlint_tagger_en",
        version="1.0.0",
        description="Penn Treebank tags for brandlint's sequence rules, trained on UD English EWT",
        license="CC BY-SA 4.0",
        sources=[
            {
                "name": "UD English EWT",
                "url": "https://github.com/UniversalDependencies/UD_English-EWT",
                "license": "CC BY-SA 4.0",
            }
        ],
    )
    scores = {split: accuracy(shipped, docs[split]) for split in ("dev", "test")}
    if args.out.exists():
        shutil.rmtree(args.out)
    # no tokenizer: brandlint tags the Docs of its own English pipeline
    shipped.to_disk(args.out, exclude=["tokenizer"])
    words = sum(len(doc) for doc in docs["train"])
    sentences = sum(1 for doc in docs["train"] for _ in doc.sents)
    (args.out / "NOTICE").write_text(
        NOTICE.format(
            commit=args.commit,
            train_sents=sentences,
            train_words=words,
            dev=scores["dev"],
            test=scores["test"],
            spacy_version=spacy.__version__,
        ),
        encoding="utf-8",
    )
    print(json.dumps({"accuracy": scores, "train_words": words}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
