"""Word documents (`.docx`), through python-docx.

A `.docx` file is a zip of XML, not text, so the Document's source is the text brandlint
extracts: one paragraph per line, in the order Word numbers them (the body's paragraphs,
with those of each table cell in place), so an alert's line is the paragraph's number and
its column the character in that paragraph. A line break inside a paragraph reads as a
space. The alt text of each image (its description, else its title) comes after the last
paragraph, one per line; each block also says where it is (`location`: "paragraph 12",
"table 1, row 2, cell 3", "alt text of the image in paragraph 7").

Copy: paragraphs (`paragraph`; a list item, by its numbering or a `List…` style: `list`),
headings by style level (`Heading 1`…: `heading`, `heading.hN`; `Title`: `heading.h1`),
table cells (`table.cell`; a row marked as a header row: `table.header`), alt text
(`alt`). Headers, footers, footnotes, comments and text boxes are not read. The document's
language is its core property `language` when set.

brandlint only reads Word files: `fix` leaves them alone (see `Workspace.fix_file`).
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import TYPE_CHECKING, Any

from brandlint.core.document import BlockDraft, Document, assemble

if TYPE_CHECKING:
    from docx.text.paragraph import Paragraph

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DOC_PR = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"
_HEADING = re.compile(r"^heading (\d)$", re.I)
_BREAKS = re.compile(r"[\r\n\v\f]")


class _Extract:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.blocks: list[tuple[int, frozenset[str], str]] = []  # (line index, scopes, where)
        self.alts: list[tuple[str, str]] = []  # (alt text, where)
        self.tables = 0

    def paragraph(self, paragraph: Paragraph, scopes: frozenset[str], where: str = "") -> None:
        number = len(self.lines) + 1
        text = _BREAKS.sub(" ", paragraph.text)
        self.lines.append(text)
        self.blocks.append(
            (number - 1, scopes or _scopes(paragraph), where or f"paragraph {number}")
        )
        for shape in paragraph._p.iter(_DOC_PR):
            alt = (shape.get("descr") or shape.get("title") or "").strip()
            if alt:
                self.alts.append(
                    (_BREAKS.sub(" ", alt), f"alt text of the image in paragraph {number}")
                )

    def body(self, element: Any, document: Any) -> None:
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        for child in element.iterchildren():
            if child.tag == f"{_W}p":
                self.paragraph(Paragraph(child, document), frozenset())
            elif child.tag == f"{_W}tbl":
                self.table(Table(child, document), document)
            elif child.tag == f"{_W}sdt":  # a content control: its content in place
                content = child.find(f"{_W}sdtContent")
                if content is not None:
                    self.body(content, document)

    def table(self, table: Any, document: Any) -> None:
        self.tables += 1
        number = self.tables
        for row_number, row in enumerate(table.rows, start=1):
            header = row._tr.trPr is not None and row._tr.trPr.find(f"{_W}tblHeader") is not None
            scopes = frozenset({"table.header"} if header else {"table.cell"})
            seen: set[int] = set()
            for cell_number, cell in enumerate(row.cells, start=1):
                if id(cell._tc) in seen:  # a merged cell comes once per column it spans
                    continue
                seen.add(id(cell._tc))
                where = f"table {number}, row {row_number}, cell {cell_number}"
                for paragraph in cell.paragraphs:
                    self.paragraph(paragraph, scopes, where)


def _scopes(paragraph: Paragraph) -> frozenset[str]:
    style = paragraph.style
    while style is not None:
        name = str(style.name or "")
        heading = _HEADING.match(name)
        if heading:
            return frozenset({"heading", f"heading.h{min(6, int(heading.group(1)))}"})
        if name.lower() == "title":
            return frozenset({"heading", "heading.h1"})
        if name.lower() == "subtitle":
            return frozenset({"heading", "heading.h2"})
        if name.lower().startswith("list"):
            return frozenset({"list", "paragraph"})
        style = style.base_style
    p_pr = paragraph._p.pPr
    if p_pr is not None and p_pr.numPr is not None:
        return frozenset({"list", "paragraph"})
    return frozenset({"paragraph"})


def docx_document(path: str, data: bytes) -> Document:
    """A Word document's copy, one paragraph per line of the Document's source."""
    from docx import Document as open_docx

    from brandlint.document.reader import UnreadableFile

    try:
        document = open_docx(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise UnreadableFile(f"This is not a Word document brandlint can read ({exc}).") from None
    extract = _Extract()
    extract.body(document.element.body, document)
    for alt, where in extract.alts:
        extract.lines.append(alt)
        extract.blocks.append((len(extract.lines) - 1, frozenset({"alt"}), where))
    starts = [0]
    for line in extract.lines:
        starts.append(starts[-1] + len(line) + 1)
    drafts = []
    for index, scopes, where in extract.blocks:
        text = extract.lines[index]
        draft = BlockDraft(scopes, location=where)
        left = len(text) - len(text.lstrip())
        draft.add(text.strip(), starts[index] + left)
        drafts.append(draft)
    lang = document.core_properties.language
    return assemble(
        path, "\n".join(extract.lines), drafts, format="docx", lang=str(lang) if lang else None
    )
