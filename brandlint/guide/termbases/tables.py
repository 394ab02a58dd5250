"""Glossaries as tables: CSV (delimiter sniffed) and XLSX (openpyxl, read-only), in the
column layouts translation-management and localisation platforms export (see
docs/termbases.md), or in any layout a `columns:` mapping describes.

Every column gets a role: which field it holds (term, status, definition, note, part of
speech, language, concept id, forbidden, case sensitive) and, for fields of one language,
the language tag. A row is one concept (a one-column-per-language layout) or one term
(a layout with a language column); rows with the same concept id are one concept.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from brandlint.core.locale import canonical_tag
from brandlint.guide.termbases.model import (
    Concept,
    Designation,
    LangSection,
    Status,
    Termbase,
    TermbaseError,
)

FIELDS = (
    "term",
    "status",
    "definition",
    "note",
    "part_of_speech",
    "language",
    "concept",
    "forbidden",
    "case_sensitive",
    "ignore",
)
# fields that may belong to one language: `term:en`, `Term [en]`, `en_description`
_PER_LANGUAGE = ("term", "status", "definition", "note", "part_of_speech")

_NAMES = {
    "term": "term",
    "terms": "term",
    "source term": "term",
    "language": "language",
    "lang": "language",
    "locale": "language",
    "language code": "language",
    "termlocale": "language",
    "concept": "concept",
    "concept id": "concept",
    "concept_id": "concept",
    "entryid": "concept",
    "entry_id": "concept",
    "status": "status",
    "administrative status": "status",
    "administrativestatus": "status",
    "definition": "definition",
    "description": "definition",
    "entrydescription": "definition",
    "concept definition": "definition",
    "concept description": "definition",
    "note": "note",
    "notes": "note",
    "usage note": "note",
    "entry_note": "note",
    "concept note": "note",
    "part of speech": "part_of_speech",
    "part_of_speech": "part_of_speech",
    "partofspeech": "part_of_speech",
    "forbidden": "forbidden",
    "case sensitive": "case_sensitive",
    "casesensitive": "case_sensitive",
    "case_sensitive": "case_sensitive",
}
# Crowdin's per-language columns: `Term [en]`, `Status [en]`, `Description [en]`
_BRACKETED = re.compile(r"^(term|status|description|part of speech|note)\s*\[([^\]]+)\]$", re.I)
_BRACKET_FIELDS = {
    "term": "term",
    "status": "status",
    "description": "definition",
    "part of speech": "part_of_speech",
    "note": "note",
}
# Lokalise's `en_description`, and the same for the other per-language fields
_SUFFIXED = re.compile(r"^(.+?)[_ ](description|definition|note|status)$", re.I)
_TAG = re.compile(r"^[a-z]{2,3}(?:[-_](?:[A-Za-z]{2}|[A-Za-z]{4}|\d{3}))*$")
# memoQ's CSV names language columns in English (`English`, `Hungarian`, `English_United_States`)
_MEMOQ_LANGUAGES = {
    "english": "en",
    "hungarian": "hu",
    "norwegian": "no",
    "norwegian_bokmal": "nb",
    "norwegian_nynorsk": "nn",
    "german": "de",
    "french": "fr",
    "spanish": "es",
    "italian": "it",
    "dutch": "nl",
    "swedish": "sv",
    "danish": "da",
    "finnish": "fi",
    "polish": "pl",
    "portuguese": "pt",
    "azerbaijani": "az",
    "yoruba": "yo",
}
_MEMOQ_REGIONS = {"united_states": "US", "united_kingdom": "GB", "norway": "NO", "hungary": "HU"}

_STATUS_WORDS: dict[str, Status] = {
    "preferred": "preferred",
    "preferred term": "preferred",
    "preferredterm-admn-sts": "preferred",
    "approved": "preferred",
    "admitted": "admitted",
    "admitted term": "admitted",
    "admittedterm-admn-sts": "admitted",
    "allowed": "admitted",
    "accepted": "admitted",
    "deprecated": "deprecated",
    "deprecated term": "deprecated",
    "deprecatedterm-admn-sts": "deprecated",
    "not recommended": "deprecated",
    "forbidden": "deprecated",
    "do not use": "deprecated",
    "rejected": "deprecated",
    "banned": "deprecated",
    "avoid": "deprecated",
    "superseded": "superseded",
    "superseded term": "superseded",
    "supersededterm-admn-sts": "superseded",
    "obsolete": "superseded",
}
_TRUE = {"true", "yes", "y", "1", "x", "wahr", "igaz", "ja"}
_FALSE = {"false", "no", "n", "0", "", "falsch", "hamis", "nei"}


@dataclass(frozen=True)
class Role:
    field: str
    tag: str | None = None


def _memoq_tag(header: str) -> str | None:
    name = header.strip().lower().replace(" ", "_")
    for language, code in _MEMOQ_LANGUAGES.items():
        if name == language:
            return code
        if name.startswith(language + "_") and name[len(language) + 1 :] in _MEMOQ_REGIONS:
            return f"{code}-{_MEMOQ_REGIONS[name[len(language) + 1 :]]}"
    return None


def _tag(text: str) -> str | None:
    text = text.strip()
    if text.lower() == "id" or not _TAG.match(text):
        return None
    return canonical_tag(text)


def detect_role(header: str) -> Role | None:
    """The role a column's header gives it in the layouts brandlint knows; None: unknown."""
    text = " ".join(header.split())
    lowered = text.lower()
    if lowered in _NAMES:
        return Role(_NAMES[lowered])
    bracketed = _BRACKETED.match(text)
    if bracketed:
        tag = _tag(bracketed.group(2))
        if tag:
            return Role(_BRACKET_FIELDS[bracketed.group(1).lower()], tag)
    tag = _tag(text) or _memoq_tag(text)
    if tag:
        return Role("term", tag)
    suffixed = _SUFFIXED.match(text)
    if suffixed:
        tag = _tag(suffixed.group(1)) or _memoq_tag(suffixed.group(1))
        field = {"description": "definition"}.get(suffixed.group(2).lower(), suffixed.group(2))
        if tag:
            return Role(field.lower(), tag)
    if lowered.endswith("_def"):
        tag = _memoq_tag(text[:-4])
        if tag:
            return Role("definition", tag)
    return None


def parse_role(value: str) -> Role:
    """A `columns:` value: a field name, or `FIELD:TAG` for a field of one language."""
    field, _, tag = value.partition(":")
    field = field.strip()
    if field not in FIELDS:
        raise ValueError(f"'{value}' is not a column role; use one of {', '.join(FIELDS)}")
    if tag and field not in _PER_LANGUAGE:
        raise ValueError(f"'{field}' holds no language; write '{field}', not '{value}'")
    return Role(field, canonical_tag(tag) if tag else None)


def read_table(
    path: Path, rows: Iterator[tuple[int, list[str]]], fmt: str, columns: Mapping[str, Role] | None
) -> Termbase:
    """A termbase from a table's rows (row number, cells), the first being the header."""
    try:
        number, header = next(rows)
    except StopIteration:
        raise TermbaseError("the glossary is empty: it needs a header row and terms") from None
    notes: list[tuple[int, str]] = []
    roles: dict[int, Role] = {}
    for index, name in enumerate(header):
        if not name.strip():
            continue
        role = (columns or {}).get(name.strip()) if columns is not None else detect_role(name)
        if role is None:
            if columns is None:
                notes.append(
                    (number, f"column '{name.strip()}' is not read (map it under 'columns:')")
                )
            continue
        if role.field != "ignore":
            roles[index] = role
    if columns is not None:
        missing = set(columns) - {h.strip() for h in header}
        if missing:
            raise TermbaseError(
                f"no column named {', '.join(repr(m) for m in sorted(missing))} in the header "
                f"row (columns: {', '.join(repr(h) for h in header if h.strip())})",
                number,
            )
    if not any(role.field == "term" for role in roles.values()):
        raise TermbaseError(
            "no column of terms: name columns by language (en, hu-HU), 'term' with a "
            "'language' column, or map them under 'columns:'",
            number,
        )
    long = any(role.field == "language" for role in roles.values())
    concepts: dict[str, _Draft] = {}
    for number, cells in rows:
        if not any(c.strip() for c in cells):
            continue
        _read_row(number, cells, roles, long, concepts)
    return Termbase(
        str(path), fmt, tuple(d.concept() for d in concepts.values()), notes=tuple(notes)
    )


@dataclass
class _Draft:
    id: str
    line: int
    definition: str = ""
    note: str = ""

    def __post_init__(self) -> None:
        self.sections: dict[str | None, dict[str, Any]] = {}

    def section(self, tag: str | None, line: int) -> dict[str, Any]:
        return self.sections.setdefault(
            tag, {"terms": [], "definition": "", "note": "", "line": line}
        )

    def concept(self) -> Concept:
        sections = []
        for tag, data in self.sections.items():
            terms: list[Designation] = data["terms"]
            marked = any(t.status == "preferred" for t in terms)
            settled = [
                t if t.status else replace(t, status="admitted" if marked else "preferred")
                for t in terms
            ]
            sections.append(
                LangSection(tag, tuple(settled), data["definition"], data["note"], data["line"])
            )
        # a concept without an id in the file is named by its first term
        name = self.id or next((t.text for s in sections for t in s.terms), "")
        return Concept(name, tuple(sections), self.definition, self.note, self.line)


def _cell(cells: list[str], index: int) -> str:
    return " ".join(cells[index].split()) if index < len(cells) else ""


def _flag(text: str, line: int, column: int, what: str) -> bool:
    if text.lower() in _TRUE:
        return True
    if text.lower() in _FALSE:
        return False
    raise TermbaseError(f"'{text}' in the {what} column is not true or false", line, column)


def _status(text: str, line: int, column: int) -> Status | None:
    if not text:
        return None
    found = _STATUS_WORDS.get(text.lower())
    if found is None:
        raise TermbaseError(
            f"status '{text}' is not one brandlint knows; use preferred, admitted, deprecated "
            "or superseded (or a platform's word for one: approved, not recommended, "
            "forbidden, obsolete)",
            line,
            column,
        )
    return found


def _read_row(
    line: int, cells: list[str], roles: dict[int, Role], long: bool, concepts: dict[str, _Draft]
) -> None:
    values: dict[tuple[str, str | None], tuple[str, int]] = {}
    for index, role in roles.items():
        text = _cell(cells, index)
        if text:
            values.setdefault((role.field, role.tag), (text, index + 1))

    def get(field: str, tag: str | None = None) -> str:
        return values.get((field, tag), ("", 0))[0]

    def at(field: str, tag: str | None = None) -> int:
        return values.get((field, tag), ("", 1))[1]

    forbidden = bool(get("forbidden")) and _flag(
        get("forbidden"), line, at("forbidden"), "forbidden"
    )
    exact = bool(get("case_sensitive")) and _flag(
        get("case_sensitive"), line, at("case_sensitive"), "case sensitive"
    )
    key = get("concept") or f"row {line}"
    draft = concepts.setdefault(key, _Draft(get("concept"), line))
    draft.definition = draft.definition or get("definition")
    row_language: str | None = None
    if long:
        if not get("language"):
            raise TermbaseError("the language column is empty in this row", line)
        try:
            row_language = canonical_tag(get("language"))
        except ValueError as exc:
            raise TermbaseError(str(exc), line, at("language")) from None
    else:
        draft.note = draft.note or get("note")
    tags = {tag for (field, tag) in values if field == "term"}
    for tag in sorted(tags, key=lambda t: t or ""):
        own = row_language if tag is None else tag
        status = _status(get("status", tag), line, at("status", tag)) or _status(
            get("status"), line, at("status")
        )
        if forbidden:
            status = "deprecated"
        section = draft.section(own, line)
        pos = get("part_of_speech", tag) or get("part_of_speech")
        note = get("note", tag) or (get("note") if long else "")
        section["terms"].append(
            Designation(
                text=get("term", tag),
                status=status or "",  # type: ignore[arg-type]  # settled per section
                exact=exact or pos.replace(" ", "").lower() == "propernoun",
                note=note,
                line=line,
            )
        )
        section["definition"] = section["definition"] or get("definition", tag)


def csv_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    """Rows of a CSV file with the line each starts on; the delimiter (comma, semicolon,
    tab) is sniffed, as glossaries come from spreadsheets set to any locale."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise TermbaseError(
            f"not UTF-8 text (byte {exc.start}); save the glossary as CSV UTF-8"
        ) from None
    try:
        dialect: Any = csv.Sniffer().sniff(text[:8192], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    start = 1
    try:
        for row in reader:
            yield start, row
            start = reader.line_num + 1
    except csv.Error as exc:
        raise TermbaseError(f"CSV: {exc}", reader.line_num) from None


def xlsx_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    """Rows of the first sheet of a workbook (read-only: cells stream, formulas are read
    as their cached values)."""
    from zipfile import BadZipFile

    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (BadZipFile, KeyError, OSError, ValueError) as exc:
        raise TermbaseError(f"not an XLSX workbook: {exc}") from None
    try:
        sheet = book.worksheets[0]
        for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield number, ["" if v is None else str(v) for v in row]
    finally:
        book.close()
