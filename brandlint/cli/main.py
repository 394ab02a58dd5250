"""`brandlint` command line.

Exit codes (documented in the README):
  0  no alert at or above the fail level
  1  at least one alert at or above the fail level (default: error)
  2  usage error, or the guide (or a rule file) is broken
  3  brandlint itself failed: a bug, please report it
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from brandlint import __version__
from brandlint.cli.exit_codes import EXIT_BUG, EXIT_CLEAN, EXIT_USAGE

FORMATS = ("text", "json", "jsonl", "sarif", "junit", "github")
LEVELS = ("suggestion", "warning", "error")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="brandlint", description="Check copy against your brand guide."
    )
    parser.add_argument("--version", action="version", version=f"brandlint {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def guide_option(sub: argparse.ArgumentParser) -> None:
        sub.add_argument(
            "--guide",
            metavar="PATH",
            help="guide file to use (default: nearest brandlint.yaml, else the "
            "bundled default guide)",
        )

    check = commands.add_parser("check", help="lint files and folders")
    check.add_argument("paths", nargs="+", metavar="PATH", help="files, folders, or - for stdin")
    guide_option(check)
    check.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="text, json, jsonl, sarif (2.1.0), junit, or github (annotations)",
    )
    check.add_argument(
        "--baseline",
        metavar="FILE",
        help="report only alerts not in this baseline (a --format json output)",
    )
    check.add_argument("--output", metavar="FILE", help="write the report here instead of stdout")
    check.add_argument(
        "--min-level", choices=LEVELS, default="suggestion", help="hide alerts below this level"
    )
    check.add_argument(
        "--fail-level",
        choices=LEVELS,
        default="error",
        help="exit 1 when an alert at or above this level is shown",
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
        "--stdin-filename",
        metavar="NAME",
        default="stdin.md",
        help="name (and so format and guide) for copy read from stdin",
    )
    check.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    check.add_argument(
        "--jobs",
        type=int,
        default=0,
        metavar="N",
        help="processes to lint with (default: one per core for more than 20 files, else 1)",
    )

    fix = commands.add_parser("fix", help="apply the fixes alerts carry, safely")
    fix.add_argument("paths", nargs="+", metavar="PATH")
    guide_option(fix)
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

    audit = commands.add_parser("audit", help="audit a corpus: scores, variants, HTML report")
    audit.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="folders, files, or CMS exports (.csv / .jsonl with a body column)",
    )
    guide_option(audit)
    audit.add_argument(
        "--workers", type=int, default=0, help="processes to lint with (default: one per core)"
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
    audit.add_argument("--lang")
    audit.add_argument("--channel")
    audit.add_argument("--exclude", action="append", default=[], metavar="GLOB")

    stats = commands.add_parser("stats", help="voice summary per document beside the targets")
    stats.add_argument("paths", nargs="+", metavar="PATH")
    guide_option(stats)
    stats.add_argument("--format", choices=("text", "json"), default="text")
    stats.add_argument("--lang", help="language of copy that does not declare one")
    stats.add_argument("--channel", help="channel of copy the guide and front matter leave open")

    rules = commands.add_parser("rules", help="list the active rules and where each comes from")
    guide_option(rules)
    explain = commands.add_parser(
        "explain", help="explain one rule, or a rule kind and its options"
    )
    explain.add_argument("rule")
    guide_option(explain)
    init = commands.add_parser("init", help="write a commented starter brandlint.yaml")
    init.add_argument("path", nargs="?", default="brandlint.yaml")
    init.add_argument("--force", action="store_true", help="overwrite an existing file")
    lsp = commands.add_parser("lsp", help="run the language server (stdio, or --tcp HOST:PORT)")
    lsp.add_argument("--tcp", metavar="HOST:PORT", help="listen on TCP instead of stdio")
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
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return EXIT_USAGE
    from brandlint.core.errors import GuideError, UsageError

    try:
        from brandlint.cli import commands

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
    except Exception:  # a bug in brandlint: say so, and keep exit 1 for "alerts found"
        import traceback

        traceback.print_exc()
        print(
            "brandlint: internal error (a bug); please report it with the trace above.",
            file=sys.stderr,
        )
        return EXIT_BUG


if __name__ == "__main__":
    raise SystemExit(main())
