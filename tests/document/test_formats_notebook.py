"""Jupyter notebooks: Markdown cells, positions in the notebook's JSON, and the cell."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from brandlint.cli.main import main
from brandlint.document.reader import format_of, parse_document
from brandlint.workspace import Workspace

FIXTURES = Path(__file__).parent.parent / "fixtures" / "formats"
GUIDE = "name: t\nterms:\n  - avoid: [leverage]\n    suggest: use\n"


def read(source: str | None = None):
    path = FIXTURES / "onboarding.ipynb"
    return parse_document(str(path), source or path.read_text(encoding="utf-8"))


def test_markdown_cells_are_copy_at_their_place_in_the_json():
    document = read()
    assert format_of("x.ipynb") == document.format == "notebook"
    got = []
    for block in document.blocks:
        span = document.source_span(block.start, block.end)
        where = (span.line, span.column, span.end_line, span.end_column)
        got.append((sorted(block.scopes), document.block_text(block), where, block.location))
    # the code cell, its output and the raw JSON are not copy; `\"` reads `"`; the code
    # span is a mask; the link's URL is not copy; `\u2014` reads as the dash
    assert got == [
        (["heading", "heading.h1"], "Welcome to Kestrel", (7, 8, 7, 26), "cell 1, line 1"),
        (
            ["paragraph"],
            'This notebook shows how to leverage the "orders" API to sync stock.',
            (9, 6, 9, 75),
            "cell 1, line 3",
        ),
        (["heading", "heading.h2"], "Next steps", (34, 9, 34, 19), "cell 3, line 1"),
        (["list", "paragraph"], "Run  every hour.", (36, 8, 36, 40), "cell 3, line 3"),
        (
            ["list", "paragraph"],
            "Read the guide \u2014 it is short.",
            (37, 8, 37, 75),
            "cell 3, line 4",
        ),
        (["paragraph"], "We leverage this line on purpose.", (43, 53, 43, 86), "cell 4, line 2"),
    ]
    quoted = document.text.index('"orders"')
    span = document.source_span(quoted, quoted + len('"orders"'))
    assert document.source[span.offset : span.end_offset] == '\\"orders\\"'


def test_alert_names_the_cell_and_the_directive_in_a_cell_applies(tmp_path, capsys):
    (tmp_path / "brandlint.yaml").write_text(GUIDE)
    path = tmp_path / "onboarding.ipynb"
    shutil.copy(FIXTURES / "onboarding.ipynb", path)
    alerts = Workspace().lint_file(path)
    assert [(a.span.line, a.span.column, a.match, a.location) for a in alerts] == [
        (9, 33, "leverage", "cell 1, line 3")
    ]
    assert main(["check", "--format", "json", str(path)]) == 0  # warnings only
    (record,) = json.loads(capsys.readouterr().out)
    assert record["location"] == "cell 1, line 3"
    assert main(["check", str(path)]) == 0
    assert "Avoid 'leverage'; use 'use'. (cell 1, line 3)" in capsys.readouterr().out


def test_fix_writes_valid_json(tmp_path):
    (tmp_path / "brandlint.yaml").write_text(GUIDE)
    path = tmp_path / "onboarding.ipynb"
    shutil.copy(FIXTURES / "onboarding.ipynb", path)
    assert main(["fix", str(path)]) == 0
    notebook = json.loads(path.read_text())
    assert notebook["cells"][0]["source"][2].startswith("This notebook shows how to use the")
    assert notebook["cells"][1]["source"][0] == "# leverage the client\n"  # code: left alone


def test_a_broken_notebook_is_one_error():
    document = read('{"cells": [')
    assert document.blocks == ()
    (notice,) = document.notices
    assert notice.rule == "brandlint.notebook"
    assert "not valid JSON" in notice.message
