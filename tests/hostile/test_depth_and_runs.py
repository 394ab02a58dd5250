# ruff: noqa: E501 (the expected messages are kept whole, as a user reads them)
"""Documents nested deeper than a reader goes, and runs of characters with no space that
would make spaCy's tokenizer quadratic: each gives one exact notice for what was not read
(never a silent skip, a RecursionError or a hang), and the copy around it keeps its alerts
at their exact places (issue 15).
"""

from __future__ import annotations

import base64
import json
import random
from pathlib import Path

import pytest

QUOTES = "> " * 25
DEEP_LIST = "".join("  " * i + f"- item {i}\n" for i in range(30))
MD_NOTE = "Markdown nested over 20 levels deep (lists or quotes inside each other): brandlint did not read {}; flatten the nesting to have {} checked."
CSS_NOTE = "CSS nested over 100 brackets deep: brandlint did not check the colours and fonts of this stylesheet; flatten the nesting to have them checked."


def alerts(out: str) -> list[tuple[int, int, int, str, str]]:
    """(line, column, end column, rule, message) of each JSONL alert."""
    found = [json.loads(line) for line in out.splitlines()]
    return [(a["line"], a["column"], a["end_column"], a["rule"], a["message"]) for a in found]


def synergy(line: int, column: int) -> tuple[int, int, int, str, str]:
    return (line, column, column + 7, "t.terms.synergy", "Avoid 'synergy'.")


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        (
            "quote.md",
            f"# Launch\n\nOur synergy.\n\n{QUOTES}Deep synergy here.\n\nAfter the quote, synergy.\n",
            [
                synergy(3, 5),
                (5, 51, 69, "brandlint.too-deep", MD_NOTE.format("line 5", "it")),
                synergy(7, 18),
            ],
        ),
        (
            "list.md",
            f"Top synergy.\n\n{DEEP_LIST}\nAfter the list, synergy.\n",
            [
                synergy(1, 5),
                (12, 19, 27, "brandlint.too-deep", MD_NOTE.format("lines 12 to 34", "them")),
            ],
        ),
        (
            "deep.json",
            "[" * 150 + '"Our synergy."' + "]" * 150,
            [
                (
                    1,
                    101,
                    102,
                    "brandlint.not-json",
                    "This is not valid JSON (nested over 100 levels deep, more than brandlint reads here); brandlint read it as plain text.",
                ),
                synergy(1, 156),
            ],
        ),
        (
            "deep.css",
            "/* Our synergy. */\n" + "a {" * 150 + "color: #f00;" + "}" * 150 + "\n",
            [synergy(1, 8), (2, 303, 304, "brandlint.too-deep", CSS_NOTE)],
        ),
        (
            "style.html",
            "<style>"
            + "a {" * 150
            + "color: #f00;"
            + "}" * 150
            + "</style>\n<p>Our synergy.</p>\n",
            [(1, 310, 311, "brandlint.too-deep", CSS_NOTE), synergy(2, 8)],
        ),
        (
            "values.css",
            "a { color: " + "(" * 150 + "red" + ")" * 150 + " }\n",
            [(1, 111, 112, "brandlint.too-deep", CSS_NOTE)],
        ),
    ],
    ids=["markdown-quotes", "markdown-lists", "json", "css-rules", "html-style", "css-values"],
)
def test_nesting_past_a_readers_depth_is_one_exact_notice(
    project: Path, brandlint, name, text, expected
):
    (project / name).write_text(text, encoding="utf-8")
    done = brandlint("check", "--format", "jsonl", name)
    assert alerts(done.out) == expected


def test_nesting_markdown_reads_to_its_depth_is_read_without_a_notice(project: Path, brandlint):
    (project / "ok.md").write_text("> " * 19 + "Deep synergy here.\n", encoding="utf-8")
    done = brandlint("check", "--format", "jsonl", "ok.md")
    assert alerts(done.out) == [synergy(1, 44)]


def test_html_nested_thousands_deep_is_read_whole(project: Path, brandlint):
    depth = 5000
    (project / "deep.html").write_text(
        "<div>" * depth + "Deep synergy." + "</div>" * depth + "\n<p>After, synergy.</p>\n",
        encoding="utf-8",
    )
    done = brandlint("check", "--format", "jsonl", "deep.html")
    assert alerts(done.out) == [synergy(1, 5 * depth + 6), synergy(2, 11)]


@pytest.mark.parametrize(
    "run",
    [
        '"' * 7000,
        "word" + "'s" * 3500,
        "".join(random.Random(15).choice('"([😀*#') for _ in range(7000)),
        base64.b64encode(random.Random(15).randbytes(75_000)).decode(),
    ],
    ids=["quotes", "possessives", "brackets-emoji", "base64-100kb"],
)
def test_a_long_run_with_no_space_leaves_the_alerts_around_it_exact(project: Path, brandlint, run):
    (project / "paste.md").write_text(
        f"Our synergy: {run} is synergy.\n\nNext synergy.\n", encoding="utf-8"
    )
    done = brandlint("check", "--format", "jsonl", "paste.md")
    assert alerts(done.out) == [synergy(1, 5), synergy(1, len(run) + 18), synergy(3, 6)]


def test_a_notebook_cell_nested_too_deep_is_one_exact_notice_in_the_file(project: Path, brandlint):
    cells = [
        {"cell_type": "markdown", "metadata": {}, "source": ["Our synergy.\n"]},
        {"cell_type": "markdown", "metadata": {}, "source": [f"{QUOTES}Deep synergy here.\n"]},
    ]
    text = json.dumps({"cells": cells, "metadata": {}, "nbformat": 4}, indent=1) + "\n"
    (project / "deep.ipynb").write_text(text, encoding="utf-8")
    lines = text.splitlines()
    first = next(n for n, line in enumerate(lines, 1) if "Our synergy" in line)
    deep = next(n for n, line in enumerate(lines, 1) if "Deep synergy" in line)
    column = lines[deep - 1].index("Deep") + 1
    done = brandlint("check", "--format", "jsonl", "deep.ipynb")
    assert alerts(done.out) == [
        synergy(first, lines[first - 1].index("synergy") + 1),
        (
            deep,
            column,
            column + len("Deep synergy here."),
            "brandlint.too-deep",
            "Cell 2: " + MD_NOTE.format("line 1", "it"),
        ),
    ]
