"""Word lists of other linters read as termbases: Vale vocabularies, cspell's
`flagWords`, prh rule files and textlint-rule-terminology's JSON.

Each keeps its tool's meaning: a Vale `accept.txt` word must be written in that exact case
(Vale.Terms) and a `reject.txt` word is banned (Vale.Avoid); a cspell flag word is
banned, with the suggestion its `word->suggestion` form gives; a prh rule replaces its
pattern with `expected`, and its `specs` are run at load as the self-tests they are; a
textlint-rule-terminology term is enforced in its exact case, a [pattern, replacement]
pair replaces the pattern.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import regex

from brandlint.core.located import LocatedYaml, YamlSyntaxError
from brandlint.core.located_yaml import load_located_yaml
from brandlint.guide.termbases.model import (
    Ban,
    Concept,
    Designation,
    LangSection,
    Status,
    Swap,
    Termbase,
    TermbaseError,
)

# a Vale vocabulary entry that is a plain word or phrase, not a regular expression
_PLAIN = re.compile(r"^[\w][\w .'’&+-]*$")


def _named(terms: list[Designation]) -> list[Concept]:
    """One concept per term, named by it."""
    return [Concept(t.text, (LangSection(None, (t,), line=t.line),), line=t.line) for t in terms]


def vale_files(path: Path) -> list[Path]:
    """accept.txt and reject.txt of a vocabulary folder, or the one file named."""
    if path.is_dir():
        return [p for p in (path / "accept.txt", path / "reject.txt") if p.is_file()]
    return [path]


def read_vale(path: Path) -> Termbase:
    concepts: list[Concept] = []
    bans: list[Ban] = []
    notes: list[tuple[int, str]] = []
    files = vale_files(path)
    if not files:
        raise TermbaseError("a Vale vocabulary folder holds accept.txt and/or reject.txt")
    for file in files:
        accept = file.name.lower().startswith("accept")
        if not accept and not file.name.lower().startswith("reject"):
            raise TermbaseError(f"{file.name}: a Vale vocabulary file is accept.txt or reject.txt")
        terms = []
        for number, raw in enumerate(file.read_text(encoding="utf-8-sig").splitlines(), 1):
            entry = raw.strip()
            if not entry or entry.startswith("#"):
                continue
            if _PLAIN.match(entry):
                status: Status = "preferred" if accept else "deprecated"
                terms.append(Designation(entry, status, exact=accept, line=number))
            elif not accept:
                bans.append(Ban(entry, number))
            elif not entry.startswith("(?i)"):
                notes.append(
                    (
                        number,
                        f"{file.name}: '{entry}' is a pattern, not a word; brandlint enforces "
                        "the case of plain words only, so this entry only accepts",
                    )
                )
        concepts += _named(terms)
    return Termbase(str(path), "vale", tuple(concepts), bans=tuple(bans), notes=tuple(notes))


def load_data(path: Path) -> LocatedYaml:
    """A YAML or JSON file with the line of every value (JSON is read as YAML where it
    can be, for the lines; else as JSON with every value on line 1)."""
    text = path.read_text(encoding="utf-8-sig")
    try:
        return load_located_yaml(text, str(path))
    except YamlSyntaxError as exc:
        if path.suffix.lower() != ".json":
            raise TermbaseError(exc.problem.message, exc.problem.line, exc.problem.column) from None
    try:
        return LocatedYaml(str(path), json.loads(text))
    except json.JSONDecodeError as exc:
        raise TermbaseError(f"JSON: {exc.msg}", exc.lineno, exc.colno) from None


def read_cspell(path: Path) -> Termbase:
    doc = load_data(path)
    if not isinstance(doc.data, dict):
        raise TermbaseError("a cspell configuration is a mapping with 'flagWords'")
    terms = []
    for index, item in enumerate(doc.data.get("flagWords") or []):
        line = doc.where(("flagWords", index))[0]
        word, _, suggestion = str(item).partition("->")
        suggestions = [s.strip() for s in suggestion.split(",") if s.strip()]
        terms.append(Designation(word.strip(), "deprecated", line=line))
        terms += [Designation(s, "preferred", line=line) for s in suggestions]
    concepts = []
    for term in terms:
        if term.status == "deprecated":
            concepts += _named([term])
        else:
            last = concepts[-1]
            section = last.sections[0]
            concepts[-1] = Concept(
                last.id,
                (LangSection(None, (*section.terms, term), line=section.line),),
                line=last.line,
            )
    unread = [k for k in ("words", "ignoreWords", "suggestWords") if doc.data.get(k)]
    notes = (
        ((1, f"cspell's {', '.join(unread)} are spelling settings; only flagWords are read"),)
        if unread
        else ()
    )
    return Termbase(str(path), "cspell", tuple(concepts), notes=notes)


def _js_regex(text: str) -> tuple[str, bool] | None:
    """A `/pattern/flags` literal as (pattern, ignorecase); None for a plain string."""
    found = re.fullmatch(r"/(.+)/([a-z]*)", text, re.S)
    return (found.group(1), "i" in found.group(2)) if found else None


def read_prh(path: Path) -> Termbase:
    doc = load_data(path)
    data = doc.data
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise TermbaseError("a prh file is a mapping with 'rules:' (a list)")
    notes: list[tuple[int, str]] = []
    if data.get("imports"):
        notes.append(
            (
                doc.where(("imports",))[0],
                "prh 'imports' are not followed; list those files under termbases:",
            )
        )
    swaps = []
    for index, rule in enumerate(data["rules"]):
        at = ("rules", index)
        if isinstance(rule, str):
            rule = {"expected": rule}
        if not isinstance(rule, dict) or not rule.get("expected"):
            raise TermbaseError("a prh rule needs 'expected'", *doc.where(at))
        unknown = sorted(set(rule) - {"expected", "pattern", "patterns", "specs", "prh", "options"})
        for key in unknown:
            notes.append((doc.where((*at, key), key=True)[0], f"prh key '{key}' is not read"))
        expected = str(rule["expected"])
        given = rule.get("patterns", rule.get("pattern"))
        patterns = given if isinstance(given, list) else [given] if given else []
        examples = tuple(
            (str(s.get("from", "")), str(s.get("to", "")), doc.where((*at, "specs", n))[0])
            for n, s in enumerate(rule.get("specs") or [])
            if isinstance(s, dict)
        )
        sources: list[tuple[str, bool]] = []
        if not patterns:
            # prh: with no pattern, `expected` in any case is the pattern
            sources.append((regex.escape(expected), True))
        for pattern in patterns:
            found = _js_regex(str(pattern))
            sources.append(found if found else (regex.escape(str(pattern)), False))
        line = doc.where(at)[0]
        swap_list = [Swap(p, expected, i, line) for p, i in sources]
        _run_specs(swap_list, examples)
        if swap_list:
            swap_list[0] = Swap(
                swap_list[0].pattern,
                swap_list[0].replacement,
                swap_list[0].ignorecase,
                line,
                examples,
            )
        swaps += swap_list
    return Termbase(str(path), "prh", swaps=tuple(swaps), notes=tuple(notes))


def _run_specs(swaps: list[Swap], examples: tuple[tuple[str, str, int], ...]) -> None:
    """prh's `specs`: each `from` must become `to` with the rule's patterns applied."""
    for source, wanted, line in examples:
        text = source
        for swap in swaps:
            try:
                pattern = regex.compile(swap.pattern, regex.I if swap.ignorecase else 0)
            except regex.error as exc:
                raise TermbaseError(f"pattern /{swap.pattern}/: {exc}", swap.line) from None
            text = pattern.sub(regex.sub(r"\$(\d)", r"\\\1", swap.replacement), text)
        if text != wanted:
            raise TermbaseError(
                f"spec failed: '{source}' becomes '{text}', not '{wanted}'; fix the rule or "
                "the spec",
                line,
            )


def read_textlint(path: Path) -> Termbase:
    doc = load_data(path)
    data: Any = doc.data
    if isinstance(data, dict):
        data = data.get("terms")
    if not isinstance(data, list):
        raise TermbaseError(
            "a textlint-rule-terminology file is a list of terms and [pattern, replacement] pairs"
        )
    concepts = []
    swaps = []
    for index, item in enumerate(data):
        line = doc.where((index,))[0]
        if isinstance(item, str):
            concepts += _named([Designation(item, "preferred", exact=True, line=line)])
        elif isinstance(item, list) and len(item) == 2:
            swaps.append(Swap(str(item[0]), str(item[1]), True, line))
        else:
            raise TermbaseError("an entry is a term, or a [pattern, replacement] pair", line)
    return Termbase(str(path), "textlint", tuple(concepts), swaps=tuple(swaps))
