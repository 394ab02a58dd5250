"""The formats where copy lives besides markup: source code, reStructuredText, Jupyter
notebooks, localisation files (gettext, XLIFF) and Word documents.

Each parser is imported only when a file of its format is read, so its library (a
tree-sitter grammar, docutils, translate-toolkit, python-docx) costs nothing otherwise.
"""

from __future__ import annotations

from brandlint.core.document import Document
from brandlint.document.code import CODE_FORMATS, EXTENSIONS, STRINGS

OTHER_EXTENSIONS: dict[str, str] = {
    **EXTENSIONS,
    ".rst": "rst",
    ".rest": "rst",
    ".ipynb": "notebook",
    ".po": "po",
    ".pot": "po",
    ".xlf": "xliff",
    ".xliff": "xliff",
    ".docx": "docx",
}
"""Extensions of the formats this module reads, and their format."""

OTHER_FORMATS = frozenset({*CODE_FORMATS, *(f + STRINGS for f in CODE_FORMATS)}) | {
    "rst",
    "notebook",
    "po",
    "xliff",
    "docx",
}
"""The format names this module parses (a code format also as `LANG+strings`)."""

BINARY_FORMATS = frozenset({"docx"})
"""Formats read from bytes: their files are not text."""


def parse_other(path: str, source: str, format: str) -> Document:
    """Parse decoded source of one of OTHER_FORMATS (not a binary one)."""
    if format == "rst":
        from brandlint.document.rst import rst_document

        return rst_document(path, source)
    if format == "notebook":
        from brandlint.document.notebook import notebook_document

        return notebook_document(path, source)
    if format in ("po", "xliff"):
        from brandlint.document.l10n import l10n_document

        return l10n_document(path, source, format)
    if format in BINARY_FORMATS:
        from brandlint.document.reader import UnreadableFile

        raise UnreadableFile(f"A .{format} file is binary: brandlint reads it from the file.")
    from brandlint.document.code import code_document

    return code_document(path, source, format)


def read_binary(path: str, data: bytes, format: str) -> Document:
    """Parse a file of one of BINARY_FORMATS from its bytes."""
    from brandlint.document.word import docx_document

    return docx_document(path, data)
