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
    args = parser.parse_args()
    for voice, (option, folder, pattern) in CORPORA.items():
        target = OUT / voice
        shutil.rmtree(target, ignore_errors=True)
        target.mkdir(parents=True)
        root = getattr(args, option) / folder
        chosen = pick(root, pattern, args.per_voice)
        for path in chosen:  # sub-folders joined into the name: two "introduction.md" stay two
            shutil.copyfile(path, target / "-".join(path.relative_to(root).parts))
        print(f"{voice}: {len(chosen)} files")


if __name__ == "__main__":
    main()
