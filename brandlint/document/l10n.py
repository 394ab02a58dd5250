"""Localisation files: gettext PO/POT and XLIFF 1.2 and 2.0, through translate-toolkit.

translate-toolkit reads the file (its units, their state, the languages it declares); the
copy is then found in the source, string by string, so every piece keeps its exact place:
a PO string's escapes (`\\"`, `\\n`) and an XLIFF text's entities (`&amp;`) map to what
is written.

What is copy: each translation (a PO `msgstr`, each plural form; an XLIFF `<target>`), in
the scope `target`, linted in the file's target language (the PO header's `Language:`,
XLIFF's `target-language` / `trgLang`). A document has one language, so source strings are
linted only where there is nothing else: in a template (`.pot`, or a PO or XLIFF file with
no translation yet), the source strings (`msgid`, `<source>`) are the copy, in the scope
`source`, in the source language (XLIFF's `source-language` / `srcLang`; a PO file names
none: the guide's language). The header entry, obsolete entries (`#~`), contexts, notes and
alternative translations (`<alt-trans>`) are not copy; in XLIFF, placeholders (`<x/>`,
`<ph>`, `<bpt>`…) are masks and other inline elements (`<g>`, `<pc>`, `<mrk>`) stand for
nothing.

`brandlint-disable` directives work in PO translator comments (`# brandlint-disable…`) and
XLIFF comments; in a PO file, `brandlint-disable-next-line` covers the whole entry below.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from brandlint.core.document import (
    BlockDraft,
    Document,
    LineIndex,
    Notice,
    Suppression,
    assemble,
)
from brandlint.document.html import add_copy
from brandlint.document.masking import add_mask, settle
from brandlint.document.suppressions import SuppressionCollector

_PO_LINE = re.compile(r"[^\r\n]*(?:\r\n?|\n|$)")
_PO_KEYWORD = re.compile(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)[ \t]*(?=")')
_PO_STRING = re.compile(r'"((?:[^"\\\r\n]|\\.)*)"')
_PO_ESCAPES = {"n": " ", "t": " ", "r": " ", '"': '"', "\\": "\\", "a": "", "b": "", "f": ""}
_DIRECTIVE = re.compile(r"^#[ \t]?(brandlint-[\w-]+.*)$")

_XML_TOKEN = re.compile(
    r"<!--(?P<comment>.*?)-->|<!\[CDATA\[(?P<cdata>.*?)\]\]>|<\?.*?\?>|<!.*?>"
    r"|<(?P<close>/)?(?P<name>[A-Za-z_][\w.:-]*)(?P<attrs>[^>]*?)(?P<empty>/)?>",
    re.S,
)
_ATTR = re.compile(r"""([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
# XLIFF inline elements that hold or stand for code (1.2: x bx ex ph bpt ept it sub; 2.0:
# ph sc ec cp): a mask. The others (g, pc, mrk, sm, em) stand for nothing.
_PLACEHOLDERS = frozenset({"x", "bx", "ex", "ph", "bpt", "ept", "it", "sc", "ec", "cp"})
_NOT_COPY = frozenset({"alt-trans", "note", "notes", "seg-source", "ignorable", "context-group"})


@dataclass
class _PoEntry:
    first_line: int
    last_line: int = 0
    strings: dict[str, list[tuple[int, int]]] = field(default_factory=dict)  # keyword -> spans
    directives: list[tuple[str, int]] = field(default_factory=list)


def _po_entries(source: str) -> list[_PoEntry]:
    """The PO entries that are not obsolete, each keyword's strings (content spans)."""
    entries: list[_PoEntry] = []
    entry: _PoEntry | None = None
    keyword = ""
    pending: list[tuple[str, int]] = []  # directives before the next entry
    for number, found in enumerate(_PO_LINE.finditer(source), start=1):
        if found.start() == len(source):
            break
        text = found.group().rstrip("\r\n")
        stripped = text.strip()
        if stripped.startswith("#"):  # a comment, a flag, a reference or obsolete (#~)
            directive = _DIRECTIVE.match(stripped)
            if directive:
                pending.append((directive.group(1), number))
            keyword = ""
            continue
        head = _PO_KEYWORD.match(text)
        if head:
            keyword = head.group(1)
            # a context, or a msgid after anything but a lone context, starts an entry
            starts = keyword == "msgctxt" or keyword == "msgid"
            if entry is None or (starts and entry.strings and set(entry.strings) != {"msgctxt"}):
                entry = _PoEntry(number)
                entries.append(entry)
            offset = head.end()
        elif stripped.startswith('"') and entry is not None and keyword:
            offset = len(text) - len(text.lstrip())
        else:
            keyword = ""
            continue
        entry.directives += pending
        pending = []
        string = _PO_STRING.match(text, offset)
        if string is None:
            continue
        start = found.start()
        entry.strings.setdefault(keyword, []).append(
            (start + string.start(1), start + string.end(1))
        )
        entry.last_line = number
    return entries


def _po_draft(source: str, spans: list[tuple[int, int]], scopes: frozenset[str]) -> BlockDraft:
    """A PO string (its quoted parts joined) as copy: escapes map to their two characters."""
    draft = BlockDraft(scopes)
    for start, end in spans:
        position = start
        for escape in re.finditer(r"\\(.)", source[start:end]):
            at = start + escape.start()
            _add_words(draft, source[position:at], position)
            decoded = _PO_ESCAPES.get(escape.group(1), "")
            if decoded == " ":
                draft.add_space(at, at + 2)
            elif decoded:
                draft.add(decoded, at, at + 2)
            position = at + 2
        _add_words(draft, source[position:end], position)
    return draft


def _add_words(draft: BlockDraft, text: str, offset: int) -> None:
    position = 0
    for run in re.finditer(r"\S+", text):
        if run.start() > position:
            draft.add_space(offset + position, offset + run.start())
        draft.add(run.group(), offset + run.start())
        position = run.end()
    if position < len(text):
        draft.add_space(offset + position, offset + len(text))


def _po_document(path: str, source: str) -> Document:
    from translate.storage import pypo

    try:
        store = pypo.pofile.parsestring(source.encode("utf-8"))
    except Exception as exc:  # translate-toolkit's parse errors have no common type
        return _broken(path, source, "po", f"this PO file cannot be read ({exc})")
    units = [u for u in store.units if not u.isheader() and not u.isobsolete()]
    translated = any(u.target for u in units)
    entries = [e for e in _po_entries(source) if _is_message(e)]
    keys = ("msgstr",) if translated else ("msgid", "msgid_plural")
    scopes = frozenset({"target"} if translated else {"source"})
    drafts = []
    comments = SuppressionCollector()
    suppressions: list[Suppression] = []
    for entry in entries:
        for keyword, spans in entry.strings.items():
            if keyword.split("[")[0] in keys or (translated and keyword.startswith("msgstr")):
                drafts.append(_po_draft(source, spans, scopes))
        for body, line in entry.directives:
            if body.startswith("brandlint-disable-next-line"):
                named = body[len("brandlint-disable-next-line") :]
                rules = tuple(r for r in re.split(r"[\s,]+", named) if r)
                suppressions.append(Suppression(rules, entry.first_line, entry.last_line))
            else:
                comments.comment(body, line, line)
    lang = store.gettargetlanguage() if translated else store.getsourcelanguage()
    return assemble(
        path,
        source,
        [settle(d, links=True) for d in drafts],
        format="po",
        lang=lang or None,
        suppressions=[*suppressions, *comments.finish()],
    )


def _is_message(entry: _PoEntry) -> bool:
    """Not the header (an empty msgid with no context)."""
    msgid = entry.strings.get("msgid", [])
    return bool("msgctxt" in entry.strings or any(end > start for start, end in msgid))


# -- XLIFF ---------------------------------------------------------------------------------
class _XliffWalker:
    def __init__(self, source: str, comments: SuppressionCollector) -> None:
        self.source = source
        self.comments = comments
        self.lines = LineIndex(source)
        self.sources: list[BlockDraft] = []
        self.targets: list[BlockDraft] = []
        self.languages: dict[str, str] = {}

    def walk(self) -> None:
        stack: list[str] = []
        draft: BlockDraft | None = None
        depth = 0  # the element (source/target) being read: its depth in `stack`
        code: int | None = None  # a placeholder element being skipped: its depth
        code_start = 0
        position = 0
        source = self.source
        for token in _XML_TOKEN.finditer(source):
            if draft is not None and code is None and token.start() > position:
                add_copy(draft, source[position : token.start()], position, entities=True)
            position = token.end()
            if token.group("comment") is not None:
                body = token.group("comment")
                line = self.lines.position(token.start())[0]
                self.comments.comment(body, line, line + body.count("\n"))
                continue
            if token.group("cdata") is not None:
                if draft is not None and code is None:
                    add_copy(draft, token.group("cdata"), token.start("cdata"), entities=False)
                continue
            name = token.group("name")
            if name is None:
                continue  # a declaration or a processing instruction
            local = name.split(":")[-1]
            if token.group("close"):
                if stack and stack[-1] == local:
                    stack.pop()
                if code is not None and len(stack) < code:
                    if draft is not None:
                        add_mask(draft, code_start, token.end())
                    code = None
                if draft is not None and len(stack) < depth:
                    draft = None
                continue
            attrs = {k.split(":")[-1]: v or w for k, v, w in _ATTR.findall(token.group("attrs"))}
            self._languages(local, attrs)
            empty = bool(token.group("empty"))
            if draft is not None:
                if code is None and local in _PLACEHOLDERS:
                    if empty:
                        add_mask(draft, token.start(), token.end())
                    else:
                        code, code_start = len(stack) + 1, token.start()
                if not empty:
                    stack.append(local)
                continue
            if not empty:
                stack.append(local)
            if local in ("source", "target") and not empty and not _NOT_COPY & set(stack):
                draft = BlockDraft(frozenset({local}))
                (self.sources if local == "source" else self.targets).append(draft)
                depth = len(stack)

    def _languages(self, name: str, attrs: dict[str, str]) -> None:
        pairs = (("source-language", "source"), ("target-language", "target"))
        if name == "xliff":
            pairs = (("srcLang", "source"), ("trgLang", "target"))
        for attr, key in pairs:
            if attrs.get(attr) and key not in self.languages:
                self.languages[key] = attrs[attr]


def _xliff_document(path: str, source: str) -> Document:
    from translate.storage import xliff, xliff2

    data = source.encode("utf-8")
    version = re.search(r"<xliff\b[^>]*\bversion\s*=\s*[\"']([\d.]+)", source)
    store: Any
    try:
        if version and version.group(1).startswith("2"):
            store = xliff2.Xliff2File.parsestring(data)
        else:
            store = xliff.xlifffile.parsestring(data)
    except Exception as exc:  # lxml's and translate-toolkit's errors have no common type
        return _broken(path, source, "xliff", f"this XLIFF file cannot be read ({exc})")
    comments = SuppressionCollector()
    walker = _XliffWalker(source, comments)
    walker.walk()
    translated = any(d.text.strip() for d in walker.targets)
    drafts = walker.targets if translated else walker.sources
    if translated:
        lang = walker.languages.get("target") or store.gettargetlanguage()
    else:
        lang = walker.languages.get("source") or store.getsourcelanguage()
    return assemble(
        path,
        source,
        [settle(d, links=True) for d in drafts],
        format="xliff",
        lang=lang or None,
        suppressions=comments.finish(),
    )


def _broken(path: str, source: str, format: str, why: str) -> Document:
    notice = Notice("brandlint.unreadable", f"{why[0].upper()}{why[1:]}.", 0, 0, "error")
    return assemble(path, source, [], format=format, notices=[notice])


def l10n_document(path: str, source: str, format: str) -> Document:
    """A PO/POT (`po`) or XLIFF (`xliff`) source as a Document."""
    if format == "po":
        return _po_document(path, source)
    return _xliff_document(path, source)
