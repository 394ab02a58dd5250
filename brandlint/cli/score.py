"""`brandlint score`: the brand scores of files and their total (`brandlint.scores` holds
the formula; this walks the paths and prints), and `check --score-min`'s verdict."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from brandlint.cli.exit_codes import EXIT_CLEAN
from brandlint.cli.main import positive_int

if TYPE_CHECKING:  # the scores need the engine: imported when a command runs
    from brandlint.scores import Scored


def add_parser(commands: argparse._SubParsersAction, guide_option: object) -> None:  # type: ignore[type-arg]
    """The `score` command."""
    score = commands.add_parser(
        "score", help="brand scores per file and category, with traffic lights"
    )
    score.add_argument("paths", nargs="+", metavar="PATH", help="files and folders")
    assert callable(guide_option)
    guide_option(score)
    score.add_argument("--format", choices=("text", "json"), default="text")
    score.add_argument("--lang", help="language of copy that does not declare one")
    score.add_argument("--channel", help="channel of copy the guide and front matter leave open")
    score.add_argument("--exclude", action="append", default=[], metavar="GLOB")
    score.add_argument(
        "--jobs",
        type=positive_int,
        default=None,
        metavar="N",
        help="processes to score with (default: one per core for more than 20 files, else 1)",
    )


def score(args: argparse.Namespace) -> int:
    from brandlint.cli.commands import _note_skip, _require_paths, _workspace
    from brandlint.scores import score_files, total_score

    workspace = _workspace(args)
    _require_paths(args.paths)
    paths = list(workspace.files(args.paths, on_skip=_note_skip))
    jobs = args.jobs or ((os.cpu_count() or 1) if len(paths) > 20 else 1)
    files = [scored for _, _, scored in score_files(workspace, paths, jobs) if scored]
    total = total_score(files)
    if args.format == "json":
        report = {
            "files": [f.record() for f in files],
            "total": total.record() if total else None,
        }
        json.dump(report, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return EXIT_CLEAN
    for scored in files:
        print(_line(scored.path, scored))
    if total is not None:
        print(_line(f"total ({len(files)} {'file' if len(files) == 1 else 'files'})", total))
    else:
        print("no file with words to score")
    return EXIT_CLEAN


def _line(name: str, scored: Scored) -> str:
    parts = ", ".join(
        f"{category} {part.score:.1f} ({part.issues})"
        for category, part in scored.categories.items()
    )
    return f"{name}: {scored.score:.1f} {scored.light}, {scored.words} words; {parts}"


def below(scored: Sequence[Scored], minimum: float) -> list[str]:
    """`--score-min`: one line per file scoring below `minimum`, lowest first."""
    return [
        f"brandlint: {s.path} scores {s.score:.1f}, below {minimum:g} (--score-min)"
        for s in sorted(scored, key=lambda s: (s.score, s.path))
        if s.score < minimum
    ]
