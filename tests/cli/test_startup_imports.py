"""`brandlint check` of a one-line Markdown file with the bundled guide imports only what
that check uses, so a lean start cannot slip back unnoticed: each module named here once
cost a one-line check milliseconds for work it never does."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

LINE = "We leverage our best-in-class synergy to delight customers.\n"

NOT_FOR_A_CHECK = [
    # spaCy's command line, training code, trained components and filled registry
    "spacy.cli",
    "typer",
    "weasel",
    "requests",
    "httpx",
    "jinja2",
    "spacy.training.initialize",
    "tqdm",
    "spacy.ml",
    "spacy.pipeline.dep_parser",
    "spacy.pipeline.factories",
    "thinc.layers",
    "spacy.lang.ja",
    # reading a guide from its files: the compiled-guide cache holds it
    "brandlint.guide.reading",
    "brandlint.guide.validate",
    "jsonschema",
    "brandlint.checks.registry",
    "brandlint.checks.palette",
    # other commands and options: stats, fix, --baseline, --score-min, an ignore file
    "brandlint.stats",
    "brandlint.fixer",
    "brandlint.baseline",
    "brandlint.scores",
    "pathspec",
    # parsers of other formats, and of guides and Vale projects the cache holds compiled
    "yaml",
    "tomllib",
    "html.parser",
    "brandlint.document.deck",
    "brandlint.document.html",
    "brandlint.guide.vale_ini",
]

# `run` ends the process: what it imported is written by an at-exit handler, with the
# exit code the process ends with
PROBE = """
import atexit, json, os, sys
sys.argv = ["brandlint", "check", "--format", "json", sys.argv[1]]

def modules():
    with open(sys.argv[-1] + ".modules.json", "w", encoding="utf-8") as out:
        json.dump([os.environ.get("OPENBLAS_NUM_THREADS"), sorted(sys.modules)], out)

atexit.register(modules)
from brandlint.cli.main import run
run()
raise SystemExit("run returned")
"""


def check(
    copy: Path, cache: Path, threads: str | None = None
) -> tuple[list[dict[str, object]], list[object]]:
    """The alerts of `brandlint check` on `copy`, and its exit code, OpenBLAS's thread
    setting and modules at its end; `threads`: OPENBLAS_NUM_THREADS as the user set it."""
    env = {key: value for key, value in os.environ.items() if key != "OPENBLAS_NUM_THREADS"}
    env["XDG_CACHE_HOME"] = str(cache)
    if threads is not None:
        env["OPENBLAS_NUM_THREADS"] = threads
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(copy)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env=env,
        cwd=copy.parent,
    )
    assert done.stderr == ""
    alerts = [
        {key: alert[key] for key in ("rule", "line", "column", "end_column", "message")}
        | {"replacements": alert["replacements"]}
        for alert in json.loads(done.stdout)
    ]
    threads, modules = json.loads(Path(f"{copy}.modules.json").read_text(encoding="utf-8"))
    return alerts, [done.returncode, threads, modules]


ALERTS = [
    {
        "rule": "brandlint.plain-language.jargon",
        "line": 1,
        "column": 4,
        "end_column": 12,
        "message": "Use 'use' instead of 'leverage'.",
        "replacements": ["use"],
    },
    {
        "rule": "brandlint.hype.superlatives",
        "line": 1,
        "column": 17,
        "end_column": 30,
        "message": "'best-in-class' is hype; show the benefit instead.",
        "replacements": [],
    },
    {
        "rule": "brandlint.plain-language.jargon",
        "line": 1,
        "column": 31,
        "end_column": 38,
        "message": "Use 'teamwork' instead of 'synergy'.",
        "replacements": ["teamwork"],
    },
]


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    page = tmp_path / "site" / "post.md"
    page.parent.mkdir()
    page.write_text(LINE, encoding="utf-8")
    return page


def test_a_one_line_check_imports_only_what_it_uses(copy: Path, tmp_path: Path) -> None:
    cold, _ = check(copy, tmp_path / "cache")  # reads the guide's files, fills the cache
    warm, (code, _, modules) = check(copy, tmp_path / "cache")
    assert cold == warm == ALERTS
    assert code == 0  # warnings only
    assert isinstance(modules, list)
    assert [name for name in NOT_FOR_A_CHECK if name in modules] == []


def test_openblas_starts_one_thread_unless_the_user_says_otherwise(
    copy: Path, tmp_path: Path
) -> None:
    alerts, (_, threads, _) = check(copy, tmp_path / "cache")
    assert (alerts, threads) == (ALERTS, "1")
    alerts, (_, threads, _) = check(copy, tmp_path / "cache", threads="3")
    assert (alerts, threads) == (ALERTS, "3")
