"""`brandlint` command line.

Exit codes (documented in docs/cli.md):
  0  no alert at or above the fail level
  1  at least one alert at or above the fail level (default: error)
  2  usage error, or the guide (or a rule file) is broken
  3  brandlint itself failed: a bug, please report it (the trace only with --debug)

Every error is one line on stderr; numeric options are checked while parsing.
"""

from __future__ import annotations

import argparse
import gc
import math
import os
import sys
import types
from collections.abc import Sequence
from typing import NoReturn

from brandlint import __version__
from brandlint.cli.exit_codes import EXIT_BUG, EXIT_CLEAN, EXIT_USAGE

FORMATS = ("text", "json", "jsonl", "sarif", "junit", "github", "vale-json")
LEVELS = ("suggestion", "warning", "error")


class _Parser(argparse.ArgumentParser):
    """argparse, with each usage error on one line (exit 2), naming the command's help."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see '{self.prog} --help')\n")


def positive_int(text: str) -> int:
    """A whole number of 1 or more (`--jobs`, `--workers`)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, not '{text}'") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of 1 or more, not '{text}'")
    return value


def score(text: str) -> float:
    """A score threshold: a number of 0 or more (scores run from 0 to 100)."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number, not '{text}'") from None
    if not math.isfinite(value) or value < 0:
        raise argparse.ArgumentTypeError(f"expected a number of 0 or more, not '{text}'")
    return value


def encoding(text: str) -> str:
    """A text encoding Python knows (`latin-1`, `cp1252`, `utf-16`…)."""
    try:
        b"a".decode(text, "replace")  # a text encoding: not base64, rot13 and the like
    except LookupError:
        raise argparse.ArgumentTypeError(f"unknown encoding '{text}'") from None
    return text


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="brandlint", description="Check copy against your brand guide.")
    parser.add_argument("--version", action="version", version=f"brandlint {__version__}")
    parser.add_argument(
        "--debug",
        action="store_true",
        help="on an internal error, print the trace (also accepted after the command)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def guide_option(sub: argparse.ArgumentParser) -> None:
        sub.add_argument(
            "--guide",
            metavar="PATH",
            help="guide file to use (default: nearest brandlint.yaml, else the "
            "bundled default guide)",
        )

    def vale_config_option(sub: argparse.ArgumentParser) -> None:
        sub.add_argument(
            "--vale-config",
            metavar="PATH",
            help="a .vale.ini to lint every file with (default: the nearest brandlint.yaml "
            "or .vale.ini, found upwards; VALE_CONFIG_PATH names one too)",
        )

    def read_as_option(sub: argparse.ArgumentParser) -> None:
        sub.add_argument(
            "--read-as",
            metavar="FORMAT",
            help="read every file as this format, whatever its name: a format (markdown, "
            "text, org…) or an extension (.md); 'text' lints markup as plain text",
        )

    check = commands.add_parser("check", help="lint files and folders")
    check.add_argument("paths", nargs="+", metavar="PATH", help="files, folders, or - for stdin")
    guide_option(check)
    vale_config_option(check)
    check.add_argument(
        "--vale-compat",
        action="store_true",
        help="Vale drop-in mode: alerts at the positions Vale gives them (its string search, "
        "its duplicates dropped; not fixable where that is not the real span), and exit 2 "
        "when no configuration is found, as Vale does",
    )
    check.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="text, json, jsonl, sarif (2.1.0), junit, github (annotations), or vale-json "
        "(Vale's --output=JSON)",
    )
    check.add_argument(
        "--baseline",
        metavar="FILE",
        help="report only alerts not in this baseline (a --format json output)",
    )
    check.add_argument(
        "--diff",
        metavar="REF",
        help="report only alerts on lines added or changed since git revision REF "
        "(untracked files count as new); see docs/ci.md",
    )
    check.add_argument(
        "--score-min",
        type=score,
        metavar="N",
        help="exit 1 when a file's brand score is below N (0 to 100; see docs/scores.md)",
    )
    check.add_argument("--output", metavar="FILE", help="write the report here instead of stdout")
    check.add_argument(
        "--min-level",
        choices=LEVELS,
        default=None,
        help="hide alerts below this level (default: suggestion); with a .vale.ini it "
        "replaces MinAlertLevel, as Vale's --minAlertLevel does",
    )
    check.add_argument(
        "--fail-level",
        choices=LEVELS,
        default="error",
        help="exit 1 when an alert at or above this level is shown",
    )
    check.add_argument(
        "--filter",
        metavar="EXPR|FILE",
        help="run only the rules this expression accepts, as Vale's --filter: e.g. "
        "'.Level in [\"error\"]' or '\"heading\" in .Scope' (or a file holding one)",
    )
    check.add_argument("--lang", help="language of copy that does not declare one")
    check.add_argument("--channel", help="channel of copy the guide and front matter leave open")
    check.add_argument(
        "--exclude",
        action="append",
        default=[],
        metavar="GLOB",
        help="skip paths matching this glob (repeatable)",
    )
    check.add_argument(
        "--include",
        action="append",
        default=[],
        metavar="GLOB",
        help="lint only files matching this glob, as Vale's --glob ('*.{md,txt}'; '*' "
        "spans folders unless the glob has '**'; repeatable)",
    )
    read_as_option(check)
    check.add_argument(
        "--stdin-filename",
        metavar="NAME",
        default="stdin.md",
        help="name (and so format and guide) for copy read from stdin",
    )
    check.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    check.add_argument(
        "--jobs",
        type=positive_int,
        default=None,
        metavar="N",
        help="processes to lint with (default: one per core for more than 20 files, else 1)",
    )

    fix = commands.add_parser("fix", help="apply the fixes alerts carry, safely")
    fix.add_argument("paths", nargs="+", metavar="PATH")
    guide_option(fix)
    vale_config_option(fix)
    fix.add_argument("--diff", action="store_true", help="print a unified diff; write nothing")
    fix.add_argument(
        "--select",
        action="append",
        default=[],
        metavar="RULE",
        help="only fixes of these rules (globs; repeatable)",
    )
    fix.add_argument(
        "--ignore",
        action="append",
        default=[],
        metavar="RULE",
        help="no fixes of these rules (globs; repeatable)",
    )
    fix.add_argument(
        "--fail-level",
        choices=LEVELS,
        default="error",
        help="exit 1 when an alert at or above this level remains",
    )
    fix.add_argument("--lang")
    fix.add_argument("--channel")
    fix.add_argument("--exclude", action="append", default=[], metavar="GLOB")
    read_as_option(fix)

    audit = commands.add_parser("audit", help="audit a corpus: scores, variants, HTML report")
    audit.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="folders, files, or CMS exports (.csv / .jsonl with a body column)",
    )
    guide_option(audit)
    vale_config_option(audit)
    audit.add_argument(
        "--workers",
        type=positive_int,
        default=None,
        metavar="N",
        help="processes to lint with (default: one per core)",
    )
    audit.add_argument(
        "--cache",
        default=".brandlint-cache",
        metavar="DIR",
        help="result cache folder (default .brandlint-cache)",
    )
    audit.add_argument("--no-cache", action="store_true")
    audit.add_argument(
        "--executor",
        choices=("local", "dask"),
        default="local",
        help="local processes, or a Dask cluster (needs brandlint[dask])",
    )
    audit.add_argument(
        "--scheduler", metavar="ADDRESS", help="Dask scheduler address, e.g. tcp://10.0.0.5:8786"
    )
    audit.add_argument("--html", metavar="FILE", help="write the HTML report here")
    audit.add_argument("--json", metavar="FILE", help="write the JSON report here")
    audit.add_argument("--csv", metavar="FILE", help="write the alerts as CSV here")
    audit.add_argument(
        "--history",
        metavar="FILE",
        help="append this run's scores to FILE (JSON Lines); the HTML report draws the trend",
    )
    audit.add_argument(
        "--compare",
        metavar="PREVIOUS.json",
        help="list the alerts new and fixed since a previous audit's --json report",
    )
    audit.add_argument(
        "--encoding",
        type=encoding,
        metavar="NAME",
        help="encoding of CSV/JSONL exports that are not UTF-8, e.g. latin-1 "
        "(UTF-8, with or without a BOM, is tried first)",
    )
    audit.add_argument(
        "--fail-level",
        choices=LEVELS,
        help="exit 1 when an alert at or above this level is found (default: never)",
    )
    audit.add_argument(
        "--score-min",
        type=score,
        metavar="N",
        help="exit 1 when the overall score is below N (0 to 100)",
    )
    audit.add_argument("--lang")
    audit.add_argument("--channel")
    audit.add_argument("--exclude", action="append", default=[], metavar="GLOB")

    stats = commands.add_parser("stats", help="voice summary per document beside the targets")
    stats.add_argument("paths", nargs="+", metavar="PATH")
    guide_option(stats)
    vale_config_option(stats)
    stats.add_argument("--format", choices=("text", "json"), default="text")
    stats.add_argument("--lang", help="language of copy that does not declare one")
    stats.add_argument("--channel", help="channel of copy the guide and front matter leave open")

    rules = commands.add_parser("rules", help="list the active rules and where each comes from")
    guide_option(rules)
    vale_config_option(rules)
    explain = commands.add_parser(
        "explain", help="explain one rule, or a rule kind and its options"
    )
    explain.add_argument("rule")
    guide_option(explain)
    doctor = commands.add_parser(
        "doctor", help="check the install and the project: what is found, what to fix"
    )
    guide_option(doctor)
    vale_config_option(doctor)
    doctor.add_argument(
        "--cache",
        default=".brandlint-cache",
        metavar="DIR",
        help="the audit cache folder to check (default .brandlint-cache)",
    )
    init = commands.add_parser("init", help="write a commented starter brandlint.yaml")
    init.add_argument("path", nargs="?", default="brandlint.yaml")
    init.add_argument("--force", action="store_true", help="overwrite an existing file")
    # its options are the server's own (`brandlint.lsp.start.parser`, which `--help` shows)
    commands.add_parser(
        "lsp", help="run the language server (stdio, or --tcp HOST:PORT)", add_help=False
    )
    commands.add_parser("schema", help="print the JSON Schema of brandlint.yaml (for editors)")
    docs = commands.add_parser(
        "docs", help="write the generated reference pages (rule kinds, packs) under a folder"
    )
    docs.add_argument("--dir", default="docs", help="the docs folder (default: docs)")
    test_rules = commands.add_parser(
        "test-rules", help="run the examples of every rule (built-in and yours)"
    )
    test_rules.add_argument(
        "folder",
        nargs="?",
        metavar="DIR",
        help="a folder of rule files to test instead of the guide's rules",
    )
    guide_option(test_rules)
    from brandlint.cli.terms import add_parser as add_terms

    add_terms(commands, guide_option)
    from brandlint.cli.score import add_parser as add_score

    add_score(commands, guide_option)
    from brandlint.cli.voice import add_parser as add_voice

    add_voice(commands, guide_option)
    for sub in commands.choices.values():
        sub.add_argument(
            "--debug",
            action="store_true",
            default=argparse.SUPPRESS,  # keeps `brandlint --debug COMMAND` working
            help="on an internal error, print the trace",
        )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args, rest = parser.parse_known_args(argv)
    if rest and args.command != "lsp":
        parser.error(f"unrecognized arguments: {' '.join(rest)}")
    if not args.command:
        parser.print_help()
        return EXIT_USAGE
    if args.command == "lsp":  # its lint worker starts before anything heavy is imported
        from brandlint.lsp.start import run as serve

        return serve(rest)
    from brandlint.core.errors import GuideError, UsageError

    try:
        commands = _commands()
        return int(getattr(commands, args.command.replace("-", "_"))(args))
    except GuideError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print("brandlint: the guide has errors; nothing was checked.", file=sys.stderr)
        return EXIT_USAGE
    except UsageError as exc:
        print(f"brandlint: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_CLEAN
    except Exception as exc:  # a bug in brandlint: say so, and keep exit 1 for "alerts found"
        if args.debug:
            import traceback

            traceback.print_exc()
        print(_bug_line(exc, args.debug), file=sys.stderr)
        return EXIT_BUG


def _commands() -> types.ModuleType:
    """The commands' module, imported the first time as what lives as long as the process
    (`lasting`: modules, classes and their functions, tens of thousands of objects)."""
    if "brandlint.cli.commands" not in sys.modules:
        from brandlint.core.lifetime import lasting

        with lasting():
            from brandlint.cli import commands
    from brandlint.cli import commands

    return commands


def run() -> int:
    """`main` as the `brandlint` process runs it, which then ends (`_end`). Not in `main`,
    whose callers may stay (tests).

    OpenBLAS, which numpy loads with spaCy, starts a thread per core unless told otherwise:
    40 ms of CPU at start-up on two cores, for threads nothing here uses (spaCy multiplies
    through blis, and `--jobs` runs processes). A user's own setting is kept."""
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    code = main()
    _end(code)
    return code


def _end(code: int) -> None:
    """End the process with `code` without the interpreter's teardown, as mypy ends its
    own: freeing, one by one, every object spaCy, the guide and the rules built takes
    12 ms of a one-line check's 0.4 s, and the system takes the memory back whole. What
    an ordinary exit does that anyone can see is done first: the at-exit handlers run
    (logging's flush, temporary folders, multiprocessing's clean-up) and the standard
    streams are flushed; every file brandlint writes is closed already. Returns, for the
    ordinary exit, while another thread still runs (the exit waits for it) or when a
    stream cannot be flushed (the exit reports it)."""
    import threading

    if threading.active_count() > 1:
        gc.freeze()  # the collections at exit then skip what is frozen
        return
    import atexit

    atexit._run_exitfuncs()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        return
    os._exit(code)


def _bug_line(exc: BaseException, debug: bool) -> str:
    """One line for an internal error: what failed, and how to report it."""
    detail = " ".join(str(exc).split())
    if len(detail) > 200:
        detail = detail[:199] + "…"
    what = f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__
    how = "with the trace above" if debug else "(run again with --debug for the trace)"
    return f"brandlint: internal error ({what}); this is a bug, please report it {how}"


if __name__ == "__main__":
    raise SystemExit(run())
