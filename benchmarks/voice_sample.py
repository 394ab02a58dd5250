"""Build the voice benchmark's sample (benchmarks/data/voice/) from three public corpora.

Run once, with the three repositories cloned (or fetched) beside each other:

    python benchmarks/voice_sample.py --go-website PATH --peps PATH --hugo-docs PATH

Each corpus is a house style of its own:

* `go-blog`: the Go blog (github.com/golang/website, `_content/blog/`), a project blog in
  the first person plural. Content licensed CC BY 4.0 (the site's footer); code BSD-3-Clause.
* `peps`: Python Enhancement Proposals (github.com/python/peps, `peps/`), formal
  specifications. Each PEP is "placed in the public domain or under the CC0-1.0-Universal
  license, whichever is more permissive".
* `hugo-docs`: Hugo's documentation (github.com/gohugoio/hugoDocs, `content/en/`),
  second-person product documentation. Apache License 2.0 (`content/LICENSE.md`).

The selection is deterministic: files of 2–12 KB, sorted by path, every k-th so that
`--per-voice` of them are spread over the whole corpus. Files are copied unchanged.

`--check FOLDER` builds a second sample into FOLDER instead: the same corpora and size
limits less the files the benchmark's sample holds, every k-th of the rest from the middle
of the first step. It is for an independent check of choices made while looking at the
benchmark's own figures (`python benchmarks/voice_auc.py --check FOLDER`), and is not
stored in the repository:

    python benchmarks/voice_sample.py --go-website PATH --peps PATH --hugo-docs PATH \\
        --check /tmp/voice-check
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

OUT = Path(__file__).parent / "data" / "voice"
CORPORA = {
    "go-blog": ("go_website", "_content/blog", "*.md"),
    "peps": ("peps", "peps", "pep-*.rst"),
    "hugo-docs": ("hugo_docs", "content/en", "**/*.md"),
}


def pick(root: Path, pattern: str, count: int) -> list[Path]:
    found = sorted(
        p for p in root.glob(pattern) if p.is_file() and 2_000 <= p.stat().st_size <= 12_000
    )
    found = [p for p in found if p.name != "_index.md"]
    step = max(1, len(found) // count)
    return found[::step][:count]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--go-website", type=Path, required=True)
    parser.add_argument("--peps", type=Path, required=True)
    parser.add_argument("--hugo-docs", type=Path, required=True)
    parser.add_argument("--per-voice", type=int, default=60)
    parser.add_argument("--check", type=Path, metavar="FOLDER", help="build the check sample")
    args = parser.parse_args()
    for voice, (option, folder, pattern) in CORPORA.items():
        root = getattr(args, option) / folder
        if args.check:
            taken = {p.name for p in (OUT / voice).iterdir()}
            every = pick(root, pattern, len(list(root.glob(pattern))) or 1)
            rest = [p for p in every if _name(p, root) not in taken]
            step = max(1, len(rest) // args.per_voice)
            chosen = rest[step // 2 :: step][: args.per_voice]
            target = args.check / voice
        else:
            chosen = pick(root, pattern, args.per_voice)
            target = OUT / voice
        shutil.rmtree(target, ignore_errors=True)
        target.mkdir(parents=True)
        for path in chosen:
            shutil.copyfile(path, target / _name(path, root))
        print(f"{voice}: {len(chosen)} files")


def _name(path: Path, root: Path) -> str:
    """The file's name in the sample: sub-folders joined in, so two "introduction.md" stay
    two."""
    return "-".join(path.relative_to(root).parts)


if __name__ == "__main__":
    main()
