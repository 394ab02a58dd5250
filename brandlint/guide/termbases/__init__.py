"""`termbases:` — terminology kept outside the guide (TBX, CSV/XLSX glossaries, Vale
vocabularies, cspell, prh, textlint-rule-terminology), loaded with the guide as ordinary
rules. Paths are relative to the guide; a broken termbase is a guide error naming the
termbase file and its line (or spreadsheet row).

Rule ids: `NAME.termbase.SOURCE.LANG.CONCEPT` (SOURCE the file's stem, LANG the language
tag): unique per language and termbase, so no entry overwrites another.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from brandlint.core.errors import Problem
from brandlint.core.located import LocatedYaml
from brandlint.core.spec import RuleSpec
from brandlint.guide.rule_files import spec_from_mapping
from brandlint.guide.sections import GuideFile, slug
from brandlint.guide.termbases.model import Termbase, TermbaseError
from brandlint.guide.termbases.rules import RuleEntry, termbase_entries
from brandlint.guide.termbases.tables import Role, csv_rows, parse_role, read_table, xlsx_rows
from brandlint.guide.termbases.tbx import read_tbx
from brandlint.guide.termbases.vocab import read_cspell, read_prh, read_textlint, read_vale

FORMATS = ("tbx", "csv", "xlsx", "vale", "cspell", "prh", "textlint")
_CSPELL_NAMES = {"cspell", ".cspell", "cspell.config", ".cspell.config"}


def detect_format(path: Path) -> str | None:
    """The format of a termbase from its name and, for XML, JSON and YAML, its content."""
    name = path.name.lower()
    suffix = path.suffix.lower()
    if path.is_dir() or name in ("accept.txt", "reject.txt"):
        return "vale"
    if suffix in (".tbx", ".xml"):
        return "tbx"
    if suffix in (".csv", ".tsv"):
        return "csv"
    if suffix in (".xlsx", ".xlsm"):
        return "xlsx"
    if name.rsplit(".", 1)[0] in _CSPELL_NAMES:
        return "cspell"
    if suffix in (".json", ".yml", ".yaml"):
        head = path.read_text(encoding="utf-8-sig", errors="replace")[:4096].lstrip()
        if "flagWords" in head:
            return "cspell"
        if head.startswith("["):
            return "textlint"
        if "rules" in head and "expected" in head:
            return "prh"
    return None


def load_termbase(
    path: Path, fmt: str | None = None, columns: Mapping[str, Role] | None = None
) -> Termbase:
    """Read one termbase; raises TermbaseError (line, column) or OSError."""
    fmt = fmt or detect_format(path)
    if fmt is None:
        raise TermbaseError(
            "cannot tell the termbase's format from its name; give it: "
            f"{{path: {path.name}, format: {'|'.join(FORMATS)}}}"
        )
    if fmt == "tbx":
        return read_tbx(path)
    if fmt == "csv":
        return read_table(path, csv_rows(path), "csv", columns)
    if fmt == "xlsx":
        return read_table(path, xlsx_rows(path), "xlsx", columns)
    if fmt == "vale":
        return read_vale(path)
    if fmt == "cspell":
        return read_cspell(path)
    if fmt == "prh":
        return read_prh(path)
    return read_textlint(path)


def read_termbases(source: GuideFile) -> list[RuleSpec]:
    """The rules of every termbase the guide lists."""
    specs: list[RuleSpec] = []
    base = Path(source.doc.path).parent
    default_lang = str(source.data.get("lang") or "en")
    for index, item in enumerate(source.data.get("termbases") or []):
        at: tuple[str | int, ...] = ("termbases", index)
        settings: dict[str, Any] = item if isinstance(item, dict) else {"path": item}
        if not settings.get("path"):
            continue  # reported by the schema
        columns = _columns(source, at, settings.get("columns"))
        if columns is None:
            continue
        path = base / str(settings["path"])
        if not path.exists():
            source.report(
                (*at, "path") if isinstance(item, dict) else at,
                f"termbase '{settings['path']}' not found (looked for {path})",
            )
            continue
        try:
            termbase = load_termbase(path, settings.get("format"), columns or None)
        except TermbaseError as exc:
            source.problems.append(Problem(str(path), exc.line, exc.column, exc.message))
            continue
        except (OSError, UnicodeDecodeError) as exc:
            source.problems.append(Problem(str(path), 1, 1, f"cannot read the termbase: {exc}"))
            continue
        source.problems.extend(
            Problem(str(path), line, 1, message, "warning") for line, message in termbase.notes
        )
        lang = str(settings.get("lang") or default_lang)
        prefix = f"{source.name}.termbase.{slug(path.stem)}"
        specs += [
            spec
            for entry in termbase_entries(termbase, lang)
            if (spec := _spec(source, path, prefix, entry, settings)) is not None
        ]
    return specs


def _columns(source: GuideFile, at: tuple[str | int, ...], given: Any) -> dict[str, Role] | None:
    """`columns: {HEADER: ROLE}` checked; None when it is wrong (reported)."""
    if not given:
        return {}
    roles = {}
    for header, value in dict(given).items():
        try:
            roles[str(header)] = parse_role(str(value))
        except ValueError as exc:
            source.report((*at, "columns", header), str(exc))
            return None
    return roles


def _spec(
    source: GuideFile, path: Path, prefix: str, entry: RuleEntry, settings: Mapping[str, Any]
) -> RuleSpec | None:
    """A rule located at its line of the termbase, so a compile error names it there."""
    where: tuple[str | int, ...] = ("line", entry.line)
    located = LocatedYaml(str(path), None, {where: (entry.line, 1)})
    data = dict(entry.data)
    if settings.get("level"):
        data["level"] = settings["level"]
    rule_id = f"{prefix}.{entry.key}"
    return spec_from_mapping(located, where, data, rule_id, entry.kind, source.problems, str(path))
