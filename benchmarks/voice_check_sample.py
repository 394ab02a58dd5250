"""Build a second sample of the voice benchmark's three corpora, none of its documents, for
an independent check of choices made while looking at the benchmark's own figures.

    python benchmarks/voice_check_sample.py --go-website PATH --peps PATH --hugo-docs PATH \\
        --out /tmp/voice-check
    python benchmarks/voice_auc.py --check /tmp/voice-check

The same corpora, commits and size limits as benchmarks/voice_sample.py (licences in
benchmarks/data/voice/NOTICE.md), less the files the benchmark's sample holds; of the rest,
every k-th from the middle of the first step, so that `--per-voice` of them are spread over
the corpus. Not stored in the repository: it is a check to run, not a fixture.
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

from voice_sample import CORPORA, OUT, pick


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--go-website", type=Path, required=True)
    parser.add_argument("--peps", type=Path, required=True)
    parser.add_argument("--hugo-docs", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--per-voice", type=int, default=60)
    args = parser.parse_args()
    for voice, (option, folder, pattern) in CORPORA.items():
        root = getattr(args, option) / folder
        taken = {p.name for p in (OUT / voice).iterdir()}
        every = pick(root, pattern, len(list(root.glob(pattern))) or 1)
        rest = [p for p in every if "-".join(p.relative_to(root).parts) not in taken]
        step = max(1, len(rest) // args.per_voice)
        chosen = rest[step // 2 :: step][: args.per_voice]
        target = args.out / voice
        shutil.rmtree(target, ignore_errors=True)
        target.mkdir(parents=True)
        for path in chosen:
            shutil.copyfile(path, target / "-".join(path.relative_to(root).parts))
        print(f"{voice}: {len(chosen)} of {len(rest)} files the benchmark does not hold")


if __name__ == "__main__":
    main()
