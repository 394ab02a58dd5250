"""Cost of guide size: 10 terms against 10,000, on copy where the terms really match.

usage: python benchmarks/term_scaling.py [--docs 700] [--counts 10,100,1000,10000]
                                         [--aho /tmp/aho]

Terms are chosen from the lemmas of the copy's own words (generated channel copy, see
`_corpus.py`) so that, whatever their number, their hits are about 1 % of the words: words
of about equal frequency for 10 terms, rarer ones for more, as many as the budget allows,
and the rest phrases of two or three of the copy's words that never occur in that order
(they cost a lookup and find nothing, like most of a real termbase). Printed for each
count: the guide's load from its files and from the compiled-guide cache, the first lint
(the shared phrase matchers built), then lint time per 100,000 words (best of three; wall
and CPU, so that a loaded machine's figures can be read), and the share of words flagged.

`--aho PATH`: also time the raw matching alone, spaCy's `PhraseMatcher` over the tokenized
copy against pyahocorasick over the folded text (installed apart, `pip install --target
PATH pyahocorasick`; not a brandlint dependency).
"""

from __future__ import annotations

import argparse
import collections
import itertools
import os
import random
import re
import sys
import tempfile
import time
from pathlib import Path

from _corpus import corpus, words

WORD = re.compile(r"[a-z]{4,}")


def choose_terms(lemmas: list[str], count: int, share: float = 0.01, seed: int = 7) -> list[str]:
    """`count` terms whose hits are about `share` of the words whose lemmas are `lemmas`,
    in copy order (a term matches every inflection of its lemma)."""
    tokens = [w for w in lemmas if WORD.fullmatch(w)]
    budget = share * len(lemmas)
    frequency = collections.Counter(tokens)
    # single words, rarest first, as long as the budget lasts and the count allows
    singles: list[str] = []
    spent = 0
    ranked = sorted(frequency.items(), key=lambda kv: (kv[1], kv[0]))
    if count < len(ranked):  # few terms: frequent enough to spend the budget between them
        each = budget / count
        ranked.sort(key=lambda kv: (abs(kv[1] - each), kv[0]))
    for word, n in ranked:
        if len(singles) == count or spent + n > budget * 1.05:
            continue
        singles.append(word)
        spent += n
    # generated copy has a small vocabulary (about 100 lemmas of four letters or more):
    # phrases of two or three of its words that never occur in it make up the count
    seen = {*itertools.pairwise(lemmas), *zip(lemmas, lemmas[1:], lemmas[2:], strict=False)}
    r = random.Random(seed)
    vocabulary = sorted(frequency)
    phrases: set[str] = set()
    while len(singles) + len(phrases) < count:
        words = tuple(r.choice(vocabulary) for _ in range(r.choice((2, 3))))
        if words not in seen and words[:2] not in seen:
            phrases.add(" ".join(words))
    return singles + sorted(phrases)


def copy_lemmas(texts: list[str]) -> list[str]:
    """The lemma of every word of `texts`, as brandlint's English pipeline gives it."""
    from brandlint.nlp.pipelines import Pipelines

    pipeline = Pipelines().get("en")
    docs = [pipeline.make(text, lemmas=True) for text in texts]
    return [t.lemma_.lower() for doc in docs for t in doc if t.is_alpha or t.like_num]


def guide_text(terms: list[str]) -> str:
    lines = ["name: bench", "terms:"]
    for i, term in enumerate(terms):
        lines.append(f'  - id: t{i}\n    avoid: ["{term}"]\n    suggest: other')
    return "\n".join(lines) + "\n"


def clocks() -> tuple[float, float]:
    return time.perf_counter(), time.process_time()


def since(start: tuple[float, float]) -> tuple[float, float]:
    wall, cpu = clocks()
    return wall - start[0], cpu - start[1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=700)
    parser.add_argument("--counts", default="10,100,1000,10000")
    parser.add_argument("--aho", help="folder where pyahocorasick is installed")
    args = parser.parse_args()
    from brandlint.document.reader import read_document
    from brandlint.guide.loader import load_guide
    from brandlint.linter import Linter

    paths = corpus(Path(f"/tmp/brandlint-bench/corpus-{args.docs}"), args.docs)
    texts = [p.read_text(encoding="utf-8") for p in paths]
    lemmas = copy_lemmas(texts)
    documents = [read_document(str(p), p.read_bytes()) for p in paths]
    total = words(paths)
    scale = 100_000 / total
    print(f"copy: {len(paths)} files, {total} words; lint figures per 100,000 words")
    print(f"load average: {os.getloadavg()[0]:.1f}")
    print(
        f"{'terms':>6} {'load s':>7} {'cached s':>8} {'build s':>7} "
        f"{'wall s':>7} {'cpu s':>6} {'× 10 wall':>9} {'× 10 cpu':>8} {'flagged':>8}"
    )
    base: tuple[float, float] | None = None
    counts = [int(c) for c in args.counts.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["XDG_CACHE_HOME"] = str(Path(tmp) / "cache")  # a cold cache of its own
        for count in counts:
            path = Path(tmp) / f"guide-{count}.yaml"
            path.write_text(guide_text(choose_terms(lemmas, count)), encoding="utf-8")
            start = clocks()
            load_guide(path)
            load = since(start)
            start = clocks()
            guide = load_guide(path)
            cached = since(start)
            linter = Linter(guide)
            start = clocks()
            linter.lint(documents[0])  # builds the language's matchers
            build = since(start)
            best = (float("inf"), float("inf"))
            for _ in range(3):
                start = clocks()
                alerts = sum(len(linter.lint(d)) for d in documents)
                taken = since(start)
                best = (min(best[0], taken[0]), min(best[1], taken[1]))
            wall, cpu = best[0] * scale, best[1] * scale
            base = base or (wall, cpu)
            print(
                f"{count:>6} {load[1]:>7.2f} {cached[1]:>8.2f} {build[1]:>7.2f} "
                f"{wall:>7.2f} {cpu:>6.2f} {wall / base[0]:>8.2f}× {cpu / base[1]:>7.2f}× "
                f"{alerts / total:>8.2%}"
            )
        if args.aho:
            raw_matching(args.aho, texts, lemmas, counts, scale)


def raw_matching(
    folder: str, texts: list[str], lemmas: list[str], counts: list[int], scale: float
) -> None:
    """Matching alone: spaCy's PhraseMatcher on docs tokenized beforehand, pyahocorasick
    on the lower-cased text with a whole-word check per hit."""
    sys.path.insert(0, folder)
    import ahocorasick
    import spacy
    from spacy.matcher import PhraseMatcher

    nlp = spacy.blank("en")
    docs = list(nlp.pipe(texts))
    lowered = [t.lower() for t in texts]
    print("\nraw matching per 100,000 words, CPU s (best of three)")
    print(f"{'terms':>6} {'spaCy':>7} {'aho':>7}")
    for count in counts:
        terms = choose_terms(lemmas, count)
        matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        matcher.add("t", list(nlp.pipe(terms)))
        automaton = ahocorasick.Automaton()
        for term in terms:
            automaton.add_word(term, len(term))
        automaton.make_automaton()
        spacy_s = min(_cpu(lambda m=matcher: [m(d) for d in docs]) for _ in range(3))
        aho_s = min(_cpu(lambda a=automaton: [_aho_hits(a, t) for t in lowered]) for _ in range(3))
        print(f"{count:>6} {spacy_s * scale:>7.3f} {aho_s * scale:>7.3f}")


def _aho_hits(automaton: object, text: str) -> list[tuple[int, int]]:
    hits = []
    for end, length in automaton.iter(text):  # type: ignore[attr-defined]
        start = end - length + 1
        before = text[start - 1] if start else " "
        after = text[end + 1] if end + 1 < len(text) else " "
        if not before.isalnum() and not after.isalnum():
            hits.append((start, end + 1))
    return hits


def _cpu(work: object) -> float:
    start = time.process_time()
    work()  # type: ignore[operator]
    return time.process_time() - start


if __name__ == "__main__":
    main()
