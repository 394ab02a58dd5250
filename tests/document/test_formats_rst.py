"""reStructuredText through docutils, with exact positions."""

from __future__ import annotations

import shutil
from pathlib import Path

from brandlint.document.reader import format_of, parse_document
from brandlint.workspace import Workspace

FIXTURES = Path(__file__).parent.parent / "fixtures" / "formats"
GUIDE = "name: t\nterms:\n  - avoid: [leverage]\n    suggest: use\n"


def blocks(document):
    out = []
    for block in document.blocks:
        span = document.source_span(block.start, block.end)
        where = (span.line, span.column, span.end_line, span.end_column)
        out.append((sorted(block.scopes), document.block_text(block), where))
    return out


def test_release_notes_blocks_scopes_and_positions():
    path = FIXTURES / "release-notes.rst"
    document = parse_document(str(path), path.read_text(encoding="utf-8"))
    assert format_of("docs/index.rst") == document.format == "rst"
    item = ["list", "paragraph"]
    cell = ["table.cell"]
    header = ["table.header"]
    assert blocks(document) == [
        (["heading", "heading.h1"], "Kestrel 3.2 release notes", (2, 2, 2, 27)),
        (
            ["paragraph"],
            "Kestrel 3.2 makes stock sync faster for every shop. Orders now sync every five "
            "minutes, and you can leverage the new bulk edit view to fix prices.",
            (7, 1, 8, 75),
        ),
        (["heading", "heading.h2"], "What's new", (10, 1, 10, 11)),
        (
            ["admonition", "paragraph"],
            "Sync runs in the background, so you can keep working.",
            (14, 4, 14, 57),
        ),
        # the link's URL is not copy; its text is, marked as a link
        (
            item,
            "Bulk edit: change up to 500 prices at once with the price editor.",
            (16, 3, 16, 104),
        ),
        # Sphinx text roles are read for their text
        (
            item,
            "Faster search: results appear as you type. See search and Search tips.",
            (17, 3, 17, 94),
        ),
        # inline literals and code roles are masks
        (item, "A new flag shows what would change.", (18, 3, 18, 71)),
        (["heading", "heading.h3"], "Plans", (24, 1, 24, 6)),
        (header, "Plan", (28, 3, 28, 7)),
        (header, "Sync interval", (28, 16, 28, 29)),
        (cell, "Starter", (30, 3, 30, 10)),
        (cell, "Every hour", (30, 16, 30, 26)),
        (cell, "Pro", (32, 3, 32, 6)),
        (cell, "Every five minutes, with instant retries", (32, 16, 33, 36)),
        (["alt"], "The sync status panel", (37, 10, 37, 31)),
        (
            ["paragraph"],
            "Questions? Write to support@kestrel.example and leverage our help centre.",
            (41, 1, 41, 74),
        ),
    ]
    link = document.blocks[4].inline[0]
    assert document.text[link[1] : link[2]] == "the price editor"


def test_alerts_and_a_comment_directive(tmp_path):
    (tmp_path / "brandlint.yaml").write_text(GUIDE)
    path = tmp_path / "notes.rst"
    shutil.copy(FIXTURES / "release-notes.rst", path)
    alerts = Workspace().lint_file(path)
    # line 41's is switched off by `.. brandlint-disable-next-line *.terms.leverage`
    assert [(a.rule, a.span.line, a.span.column, a.span.end_column, a.match) for a in alerts] == [
        ("t.terms.leverage", 8, 27, 35, "leverage")
    ]


def test_literal_blocks_escapes_and_simple_tables():
    source = (
        "Title\n=====\n\nRun this::\n\n    kestrel sync --leverage\n\n"
        "A \\*starred\\* word.\n\n"
        "=====  ================\nPlan   Price\n=====  ================\n"
        "Free   Nothing, ever\nPro    Ten a month, Pro\n=====  ================\n"
    )
    document = parse_document("x.rst", source)
    assert blocks(document) == [
        (["heading", "heading.h1"], "Title", (1, 1, 1, 6)),
        (["paragraph"], "Run this:", (4, 1, 4, 10)),
        (["paragraph"], "A *starred* word.", (8, 1, 8, 20)),
        (["table.header"], "Plan", (11, 1, 11, 5)),
        (["table.header"], "Price", (11, 8, 11, 13)),
        (["table.cell"], "Free", (13, 1, 13, 5)),
        (["table.cell"], "Nothing, ever", (13, 8, 13, 21)),
        (["table.cell"], "Pro", (14, 1, 14, 4)),
        # searched in its own column: not the "Pro" of the first column
        (["table.cell"], "Ten a month, Pro", (14, 8, 14, 24)),
    ]
    starred = document.text.index("*starred*")
    span = document.source_span(starred, starred + len("*starred*"))
    assert source[span.offset : span.end_offset] == "\\*starred\\*"
