"""`brandlint voice learn|score`: a voice profile from approved copy, and copy scored
against it. The measuring, learning and scoring live in `brandlint.voice`; this parses
arguments, reads files through the workspace and writes the results."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from brandlint.cli.exit_codes import EXIT_CLEAN
from brandlint.core.errors import UsageError

if TYPE_CHECKING:
    from brandlint.core.rule import LintContext


def add_parser(commands: argparse._SubParsersAction, guide_option: object) -> None:  # type: ignore[type-arg]
    """The `voice` command and its subcommands."""
    voice = commands.add_parser("voice", help="learn a voice profile, score copy against it")
    actions = voice.add_subparsers(dest="voice_command", metavar="ACTION", required=True)
    learn = actions.add_parser("learn", help="write a voice profile learned from approved copy")
    learn.add_argument("paths", nargs="+", metavar="PATH", help="approved copy: files, folders")
    learn.add_argument("-o", "--output", required=True, metavar="voice.json")
    score = actions.add_parser("score", help="score copy 0–100 against a voice profile")
    score.add_argument("paths", nargs="+", metavar="PATH")
    score.add_argument("--profile", required=True, metavar="voice.json")
    score.add_argument("--format", choices=("text", "json"), default="text")
    assert callable(guide_option)
    for sub in (learn, score):
        sub.add_argument("--lang", help="the copy's language, when files do not declare it")
        guide_option(sub)


def voice(args: argparse.Namespace) -> int:
    if args.voice_command == "learn":
        return _learn(args)
    return _score(args)


def _contexts(args: argparse.Namespace) -> Iterator[LintContext]:
    """Each readable copy file under the paths, tokenized as the rules see it."""
    from brandlint.cli.commands import _workspace
    from brandlint.workspace import ASSET_FORMATS, UnreadableFile

    for path in args.paths:
        if not Path(path).exists():
            raise UsageError(f"{path}: no such file or folder")
    workspace = _workspace(args)
    for path in workspace.files(args.paths):
        try:
            document = workspace.document(path)
        except UnreadableFile as exc:
            print(f"{path}: skipped: {exc}", file=sys.stderr)
            continue
        if document.format in ASSET_FORMATS:
            continue  # a stylesheet has no voice
        yield workspace.linter_for(document.path).context(document)


def _learn(args: argparse.Namespace) -> int:
    from brandlint.voice.profile import TooSmall, learn
    from brandlint.voice.score import sample

    try:
        profile = learn(sample(ctx) for ctx in _contexts(args))
    except TooSmall as exc:
        raise UsageError(str(exc)) from None
    for note in profile.notes:
        print(f"brandlint: {note}", file=sys.stderr)
    target = Path(args.output)
    if not target.resolve().parent.is_dir():
        raise UsageError(f"-o {args.output}: no such folder {target.resolve().parent}")
    target.write_text(profile.dumps(), encoding="utf-8")
    names = [f"{v.lang}/{v.channel}" if v.channel else v.lang for v in profile.voices]
    print(
        f"{args.output}: voice profile from {profile.documents} documents, "
        f"{profile.words} words ({', '.join(names)})"
    )
    return EXIT_CLEAN


def _score(args: argparse.Namespace) -> int:
    from brandlint.voice.profile import ProfileError, load_profile
    from brandlint.voice.score import breakdown, score_context

    try:
        profile = load_profile(args.profile)
    except ProfileError as exc:
        raise UsageError(str(exc)) from None
    scores = [score_context(ctx, profile) for ctx in _contexts(args)]
    if args.format == "json":
        json.dump([s.record() for s in scores], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return EXIT_CLEAN
    for found in scores:
        print(f"{found.path}: {breakdown(found.document)}")
        for paragraph in found.paragraphs:
            if paragraph.differences:
                print(f"  {paragraph.line_hint}: {paragraph.score}/100: {paragraph.reasons()}")
    return EXIT_CLEAN
