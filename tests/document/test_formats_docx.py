"""Word documents through python-docx: one paragraph per line of the extracted text."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document as WordDocument
from docx.oxml import OxmlElement
from docx.shared import Inches
from PIL import Image

from brandlint.cli.main import main
from brandlint.document.reader import UnreadableFile, format_of, parse_document, read_document
from brandlint.workspace import Workspace

GUIDE = "name: t\nterms:\n  - avoid: [leverage]\n    suggest: use\n"


def launch_brief(path: Path) -> bytes:
    """A real-looking brief: headings, a list, a table with a header row, an image."""
    doc = WordDocument()
    doc.core_properties.language = "en-GB"
    doc.add_heading("Kestrel spring launch", level=1)
    doc.add_paragraph("We leverage real-time sync so every shop stays in stock.")
    doc.add_heading("What changes", level=2)
    doc.add_paragraph("Orders sync every five minutes.", style="List Bullet")
    table = doc.add_table(rows=2, cols=2)
    header = table.rows[0]._tr.get_or_add_trPr()
    header.append(OxmlElement("w:tblHeader"))
    rows = (("Plan", "Sync"), ("Pro", "Leverage instant retries"))
    for row, texts in zip(table.rows, rows, strict=True):
        for cell, text in zip(row.cells, texts, strict=True):
            cell.text = text
    picture = io.BytesIO()
    Image.new("RGB", (4, 4), "teal").save(picture, "PNG")
    picture.seek(0)
    doc.add_picture(picture, width=Inches(1))
    doc.inline_shapes[0]._inline.docPr.set("descr", "The sync status panel")
    line_break = doc.add_paragraph("Questions? Write to us,")
    line_break.runs[0].add_break()
    line_break.add_run("we answer within a day.")
    doc.save(str(path))
    return path.read_bytes()


def test_paragraphs_headings_tables_and_alt_text(tmp_path):
    data = launch_brief(tmp_path / "launch.docx")
    document = read_document("launch.docx", data)
    assert format_of("brief/launch.DOCX") == document.format == "docx"
    assert document.lang == "en-GB"
    assert document.source.split("\n") == [
        "Kestrel spring launch",
        "We leverage real-time sync so every shop stays in stock.",
        "What changes",
        "Orders sync every five minutes.",
        "Plan",
        "Sync",
        "Pro",
        "Leverage instant retries",
        "",  # the picture's paragraph
        "Questions? Write to us, we answer within a day.",
        "The sync status panel",
    ]
    got = []
    for block in document.blocks:
        span = document.source_span(block.start, block.end)
        got.append(
            (sorted(block.scopes), (span.line, span.column, span.end_column), block.location)
        )
    header = ["table.header"]
    assert got == [
        (["heading", "heading.h1"], (1, 1, 22), "paragraph 1"),
        (["paragraph"], (2, 1, 57), "paragraph 2"),
        (["heading", "heading.h2"], (3, 1, 13), "paragraph 3"),
        (["list", "paragraph"], (4, 1, 32), "paragraph 4"),
        (header, (5, 1, 5), "table 1, row 1, cell 1"),
        (header, (6, 1, 5), "table 1, row 1, cell 2"),
        (["table.cell"], (7, 1, 4), "table 1, row 2, cell 1"),
        (["table.cell"], (8, 1, 25), "table 1, row 2, cell 2"),
        (["paragraph"], (10, 1, 48), "paragraph 10"),
        (["alt"], (11, 1, 22), "alt text of the image in paragraph 9"),
    ]


def test_alerts_say_paragraph_and_character(tmp_path, capsys):
    (tmp_path / "brandlint.yaml").write_text(GUIDE)
    path = tmp_path / "launch.docx"
    launch_brief(path)
    alerts = Workspace().lint_file(path)
    assert [(a.span.line, a.span.column, a.match, a.location) for a in alerts] == [
        (2, 4, "leverage", "paragraph 2"),
        (8, 1, "Leverage", "table 1, row 2, cell 2"),
    ]
    assert main(["check", str(path)]) == 0
    out = capsys.readouterr().out
    assert f"{path}:8:1: warning t.terms.leverage" in out
    assert "(table 1, row 2, cell 2)" in out
    assert "\n    Leverage instant retries\n" in out  # the paragraph, not the zip's bytes


def test_folder_walks_find_word_files_and_fix_refuses_them(tmp_path, capsys):
    (tmp_path / "brandlint.yaml").write_text(GUIDE)
    path = tmp_path / "launch.docx"
    data = launch_brief(path)
    assert list(Workspace().files([str(tmp_path)])) == [str(path)]
    assert main(["fix", str(path)]) == 0
    assert path.read_bytes() == data  # left as it was
    err = capsys.readouterr().err
    assert "skipped, brandlint does not write .docx files" in err


def test_not_a_word_file():
    with pytest.raises(UnreadableFile, match="not a Word document"):
        read_document("x.docx", b"PK\x03\x04 not really a zip")
    with pytest.raises(UnreadableFile, match="binary"):
        parse_document("x.docx", "text given for a Word file")
