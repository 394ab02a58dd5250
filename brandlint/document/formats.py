"""The formats where copy lives besides markup: source code, reStructuredText, Org mode,
Jupyter notebooks, JSON, localisation files (gettext, XLIFF) and Word documents.

Each parser is imported only when a file of its format is read, so its library (a
tree-sitter grammar, docutils, translate-toolkit, python-docx) costs nothing otherwise.
"""

from __future__ import annotations

from brandlint.core.document import Document
from brandlint.core.scopes import ValeMarkup
from brandlint.document.code import CODE_FORMATS, EXTENSIONS, STRINGS

OTHER_EXTENSIONS: dict[str, str] = {
    **EXTENSIONS,
    ".rst": "rst",
    ".rest": "rst",
    ".org": "org",
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
    "org",
    "json",
    "notebook",
    "po",
    "xliff",
    "docx",
}
"""The format names this module parses (a code format also as `LANG+strings`)."""

NAMED_ONLY_EXTENSIONS: dict[str, str] = {".json": "json"}
"""Extensions read when a file is named (on the command line, in the editor, from stdin) but
left out of folder walks: a project's JSON is mostly manifests and lock files, not copy."""

BINARY_FORMATS = frozenset({"docx"})
"""Formats read from bytes: their files are not text."""


def parse_other(path: str, source: str, format: str, vale: ValeMarkup | None = None) -> Document:
    """Parse decoded source of one of OTHER_FORMATS (not a binary one); `vale` as in
    `parse_document`."""
    if format == "rst":
        from brandlint.document.rst import rst_document

        return rst_document(path, source, vale)
    if format == "org":
        from brandlint.document.org import org_document

        return org_document(path, source, vale)
    if format == "json":
        from brandlint.document.json_copy import json_document

        return json_document(path, source)
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

    return code_document(path, source, format, vale)


def read_binary(path: str, data: bytes, format: str) -> Document:
    """Parse a file of one of BINARY_FORMATS from its bytes."""
    from brandlint.document.word import docx_document

    return docx_document(path, data)
