"""Time tokenizing long runs with no space, spaCy's tokenizer alone beside brandlint's guard.

usage: python benchmarks/hostile_tokens.py [--rounds 3]

spaCy strips a word's punctuation one character at a time, each step scanning what is left,
so a run of quotes, brackets, emoji or `'s` pasted into copy costs time quadratic in its
length. brandlint hands runs over `RUN` characters to no tokenizer (brandlint/nlp/
chunks.py). For each kind of run and length, this prints the best time of spaCy's English
pipeline on the text (the guard off: `run` above the length) and of brandlint's guarded
tokenizing, beside ordinary prose of the same length (the peer: what a text that long
should cost). Runs longer than 8,000 characters are timed with the guard only: unguarded,
100,000 quotes take minutes.
"""

from __future__ import annotations

import argparse
import base64
import random
import time
from collections.abc import Callable
from functools import partial

from brandlint.nlp.chunks import tokenize_long
from brandlint.nlp.pipelines import Pipelines

PROSE = "Orders ship within two days, and you can track each one from your account. "
UNGUARDED_UP_TO = 8_000


def runs(length: int) -> dict[str, str]:
    """Runs of `length` characters with no space, each a kind that costs spaCy the most
    (or, base64, the least), as a paste into copy would hold them."""
    rng = random.Random(length)
    blob = base64.b64encode(rng.randbytes(length)).decode()[:length]
    return {
        "quotes": '"' * length,
        "brackets+emoji": "".join(rng.choice('"([😀*#') for _ in range(length)),
        "word's's…": "a" + "'s" * ((length - 1) // 2),
        "base64": blob,
        "prose (peer)": (PROSE * (length // len(PROSE) + 1))[:length],
    }


def best(rounds: int, work: Callable[[], object], forget: Callable[[], object]) -> float:
    """The best wall time of `rounds` runs of `work`, in ms, each after `forget` (untimed)."""
    times = []
    for _ in range(rounds):
        forget()
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    nlp = Pipelines().get("en").nlp
    nlp.tokenizer("warm up")
    rules = nlp.tokenizer.rules

    def forget() -> None:
        """Empty the tokenizer's cache of the words it has seen (setting its special cases
        does), so no round reads the previous round's tokens."""
        nlp.tokenizer.rules = rules

    print(f"{'run':<16}{'length':>9}{'spaCy alone ms':>16}{'brandlint ms':>14}{'tokens':>9}")
    for length in (1_000, 2_000, 4_000, 7_000, 100_000):
        for kind, run in runs(length).items():
            text = f"Paste: {run} done."
            alone = (
                f"{best(args.rounds, partial(tokenize_long, [text], nlp, run=length), forget):.0f}"
                if length <= UNGUARDED_UP_TO or kind == "prose (peer)"
                else "-"
            )
            guarded = best(args.rounds, partial(tokenize_long, [text], nlp), forget)
            (doc,) = tokenize_long([text], nlp)
            print(f"{kind:<16}{length:>9,}{alone:>16}{guarded:>14.0f}{len(doc):>9,}")


if __name__ == "__main__":
    main()
