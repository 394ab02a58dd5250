"""`brandlint terms import|export`: termbases into a guide fragment, a guide's terms out
as TBX v3 or CSV. The conversions live in `brandlint.guide.termbases`; this parses
arguments and writes files."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from brandlint.cli.exit_codes import EXIT_CLEAN
from brandlint.core.errors import UsageError


def add_parser(commands: argparse._SubParsersAction, guide_option: object) -> None:  # type: ignore[type-arg]
    """The `terms` command and its subcommands."""
    terms = commands.add_parser("terms", help="import termbases, export the guide's terms")
    actions = terms.add_subparsers(dest="terms_command", metavar="ACTION", required=True)
    importer = actions.add_parser(
        "import", help="write a guide fragment (YAML) with the terms of termbases"
    )
    importer.add_argument("sources", nargs="+", metavar="SOURCE", help="termbase files")
    importer.add_argument("-o", "--output", required=True, metavar="FILE.yaml")
    importer.add_argument(
        "--format", help="the sources' format, when their names do not tell (tbx, csv, …)"
    )
    importer.add_argument("--lang", default="en", help="language of untagged terms (default en)")
    exporter = actions.add_parser("export", help="write the guide's terms as TBX v3 or CSV")
    exporter.add_argument("--format", choices=("tbx", "csv"), required=True)
    exporter.add_argument("-o", "--output", required=True, metavar="FILE")
    assert callable(guide_option)
    guide_option(exporter)
    finder = actions.add_parser(
        "discover", help="find terms a corpus spells several ways, with counts and places"
    )
    finder.add_argument("paths", nargs="+", metavar="PATH", help="files and folders")
    finder.add_argument("--format", choices=("json", "yaml"), default="json")
    finder.add_argument(
        "--write-proposals",
        metavar="FILE.yaml",
        help="also write the clusters as commented consistency groups to review",
    )
    finder.add_argument("--lang", help="language of copy that does not declare one")
    finder.add_argument("--exclude", action="append", default=[], metavar="GLOB")
    guide_option(finder)


def terms(args: argparse.Namespace) -> int:
    if args.terms_command == "import":
        return _import(args)
    if args.terms_command == "discover":
        return _discover(args)
    return _export(args)


def _import(args: argparse.Namespace) -> int:
    from brandlint.guide.sections import slug
    from brandlint.guide.termbases import FORMATS, load_termbase
    from brandlint.guide.termbases.exchange import guide_fragment
    from brandlint.guide.termbases.model import TermbaseError

    if args.format and args.format not in FORMATS:
        raise UsageError(f"--format {args.format}: use one of {', '.join(FORMATS)}")
    termbases = []
    for source in args.sources:
        path = Path(source)
        if not path.exists():
            raise UsageError(f"{source}: no such file or folder")
        try:
            termbases.append(load_termbase(path, args.format))
        except TermbaseError as exc:
            raise UsageError(f"{source}:{exc.line}:{exc.column}: {exc.message}") from None
    text = guide_fragment(termbases, slug(Path(args.output).stem), args.lang)
    _write(args.output, text.encode("utf-8"))
    return EXIT_CLEAN


def _export(args: argparse.Namespace) -> int:
    from brandlint.cli.commands import _workspace
    from brandlint.guide.termbases.exchange import guide_concepts, write_csv
    from brandlint.guide.termbases.tbx import write_tbx

    guide = _workspace(args).linter_for(os.path.join(os.getcwd(), "terms")).guide
    concepts = guide_concepts(guide)
    data = write_tbx(concepts) if args.format == "tbx" else write_csv(concepts).encode("utf-8")
    _write(args.output, data)
    return EXIT_CLEAN


def _discover(args: argparse.Namespace) -> int:
    import json
    import sys

    import yaml

    from brandlint.cli.commands import _note_skip, _require_paths, _workspace
    from brandlint.discover import discover, proposals

    _require_paths(args.paths)
    clusters = discover(_workspace(args), args.paths, on_skip=_note_skip)
    records = [c.record() for c in clusters]
    if args.format == "json":
        json.dump(records, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        yaml.safe_dump(records, sys.stdout, allow_unicode=True, sort_keys=False)
    if args.write_proposals:
        _write(args.write_proposals, proposals(clusters).encode("utf-8"))
    return EXIT_CLEAN


def _write(target: str, data: bytes) -> None:
    folder = os.path.dirname(os.path.abspath(target))
    if not os.path.isdir(folder):
        raise UsageError(f"-o {target}: no such folder {folder}")
    try:
        Path(target).write_bytes(data)
    except OSError as exc:
        raise UsageError(f"-o {target}: cannot write: {exc.strerror or exc}") from None
