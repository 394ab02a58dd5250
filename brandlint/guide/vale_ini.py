"""Vale projects: a `.vale.ini` (with its StylesPath, vocabularies and local packages) read
into a `ValeProject`, which gives every file the Guide Vale would lint it with.

The ini is read as Vale's INI library reads it: keys before any section are core settings,
keys and section names are case-sensitive, a repeated key adds a value (lists gather every
value), `#` and `;` start a comment at the start of a line or after a space, and a key's
value may be quoted. Section names are globs (`[*]`, `[*.md]`, `[*.{md,txt}]`, paths).

For one file Vale merges every section whose glob matches, in order: rule switches and
levels merge (a later section wins), while the last matching section that sets
`BasedOnStyles` names the styles (else `[*]`). So the effective rule set depends only on the
set of sections a file matches; `guide_for` builds one Guide per such set and caches it, and
the rules are compiled once per project and shared. As in Vale, a level set for a rule in any
section (`Style.Rule = warning`) is the rule's level everywhere.

Vale's built-in `Vale` style is built here: `Vale.Terms` (each accepted word in its exact
case), `Vale.Avoid` (each rejected word), `Vale.Repetition` and `Vale.Spelling` (when the
`spelling` rule kind is available). Accepted words are also exceptions to every rule of a
kind Vale applies them to, unless the rule sets `vocab: false`.

What brandlint cannot apply is a warning naming the file, line and key; what Vale itself
refuses (a missing StylesPath, style or vocabulary, a broken glob, regex or line) is an
error, so `brandlint check` exits with code 2.
"""

from __future__ import annotations

import os
import tempfile
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path, PurePosixPath
from typing import Any

import regex

from brandlint.core.alerts import Level
from brandlint.core.errors import GuideError, Problem
from brandlint.core.patterns import PatternError, UserPattern
from brandlint.core.rule import Rule
from brandlint.core.scopes import ValeMarkup
from brandlint.core.spec import RuleSpec
from brandlint.document.reader import format_of
from brandlint.guide.model import Guide
from brandlint.guide.rule_files import RULE_SUFFIX, load_rule_file, load_style
from brandlint.guide.vale_names import VALE_CONFIG_NAMES

STYLES_ENV = "VALE_STYLES_PATH"
BUILTIN_STYLE = "Vale"
_BUILTIN_RULES = ("Terms", "Avoid", "Repetition", "Spelling")
PACKAGE_HINT = "Packages are not downloaded; put the package under StylesPath"

_LEVELS = ("suggestion", "warning", "error")
_CORE_KEYS = frozenset(
    {
        "StylesPath",
        "MinAlertLevel",
        "IgnoredScopes",
        "WordTemplate",
        "SkippedScopes",
        "IgnoredClasses",
        "Vocab",
        "NLPEndpoint",
    }
)
_ROOT_ONLY = _CORE_KEYS | {"Packages"}
_SYNTAX_KEYS = frozenset(
    {
        "BasedOnStyles",
        "IgnorePatterns",
        "BlockIgnores",
        "TokenIgnores",
        "CommentDelimiters",
        "Transform",
        "Lang",
    }
)
# Vale kinds whose rules take the accepted words as exceptions (unless `vocab: false`)
_VOCAB_KINDS = frozenset(
    {"existence", "substitution", "repetition", "capitalization", "conditional"}
)
# brandlint formats Vale applies BlockIgnores and TokenIgnores to (its Transform: Markdown,
# Org, reStructuredText, AsciiDoc)
_IGNORE_FORMATS = frozenset({"markdown", "org", "rst"})
# why a setting is read but not applied (each is a warning at its line)
_NOT_APPLIED = {
    "WordTemplate": "brandlint builds its own word boundaries; the template is not applied",
    "NLPEndpoint": "brandlint tokenizes with spaCy in-process; the endpoint is not used",
    "CommentDelimiters": "Vale's comment switches are read in each format's own comments, "
    "not between custom delimiters",
    "Transform": "brandlint does not lint XML through XSLT; the transform is not applied",
}


@dataclass(frozen=True)
class IniKey:
    """How brandlint reads one `.vale.ini` key, for the compatibility table."""

    where: str  # "core" (above any section) or "section"
    support: str  # "supported", "partly" or "not"
    reason: str


# Every key Vale 3.7.1 reads (internal/core/ini.go), plus its two special sections
INI_KEYS: dict[str, IniKey] = {
    "StylesPath": IniKey("core", "supported", "relative to the ini; VALE_STYLES_PATH without it"),
    "MinAlertLevel": IniKey(
        "core",
        "supported",
        "rules below it are not loaded; `warning` by default, as in Vale's source",
    ),
    "Vocab": IniKey(
        "core",
        "supported",
        "config/vocabularies/NAME (Vale 3) or Vocab/NAME: Vale.Terms, Vale.Avoid and exceptions",
    ),
    "Packages": IniKey("core", "partly", "local folders and .zip files only; " + PACKAGE_HINT),
    "IgnoredScopes": IniKey(
        "core",
        "supported",
        "inline tags of Markdown, HTML, and Org and reStructuredText as their HTML writes them",
    ),
    "SkippedScopes": IniKey(
        "core",
        "supported",
        "block tags of Markdown, HTML, and reStructuredText as rst2html writes them",
    ),
    "IgnoredClasses": IniKey(
        "core",
        "partly",
        "HTML, Markdown's raw HTML and reStructuredText's classes (with Vale's own classes)",
    ),
    "WordTemplate": IniKey("core", "not", _NOT_APPLIED["WordTemplate"]),
    "NLPEndpoint": IniKey("core", "not", _NOT_APPLIED["NLPEndpoint"]),
    "BasedOnStyles": IniKey("section", "supported", "the last matching section's, else [*]'s"),
    "Style.Rule": IniKey("section", "supported", "YES, NO or a level; a later section wins"),
    "Style": IniKey(
        "section",
        "supported",
        "YES or NO for all of a style's rules (Vale 3.7.1 reads the key but does not act on it)",
    ),
    "BlockIgnores": IniKey(
        "section", "partly", "Markdown, Org, reStructuredText, and code comments read as them"
    ),
    "TokenIgnores": IniKey(
        "section", "partly", "Markdown, Org, reStructuredText, and code comments read as them"
    ),
    "IgnorePatterns": IniKey("section", "partly", "Vale's old name of BlockIgnores, as it"),
    "Lang": IniKey("section", "supported", "the language of the section's files"),
    "CommentDelimiters": IniKey("section", "not", _NOT_APPLIED["CommentDelimiters"]),
    "Transform": IniKey("section", "not", _NOT_APPLIED["Transform"]),
    "[formats]": IniKey(
        "section", "partly", "where brandlint reads the target format; another target is a warning"
    ),
    "[asciidoctor]": IniKey("section", "not", "brandlint does not read AsciiDoc"),
}


# -- reading the INI ------------------------------------------------------------------------


@dataclass(frozen=True)
class IniEntry:
    key: str
    value: str
    line: int
    column: int


@dataclass
class IniSection:
    name: str
    line: int
    entries: list[IniEntry] = field(default_factory=list)

    def key_names(self) -> list[str]:
        return list(dict.fromkeys(e.key for e in self.entries))

    def all(self, key: str) -> list[IniEntry]:
        return [e for e in self.entries if e.key == key]

    def first(self, key: str) -> IniEntry:
        return self.all(key)[0]

    def values(self, key: str) -> list[str]:
        """Every value of a list key (repeated keys add values), split at commas, trimmed,
        without blanks or repeats: Vale's `mergeValues(StringsWithShadows(","))`."""
        out: list[str] = []
        for entry in self.all(key):
            for part in entry.value.split(","):
                part = part.strip()
                if part and part not in out:
                    out.append(part)
        return out


def read_ini(text: str, path: str) -> tuple[list[IniSection], list[Problem]]:
    """Sections of a Vale ini in file order (the first, named "", holds the core keys);
    a section named twice is one section. Errors are problems at their line."""
    problems: list[Problem] = []
    root = IniSection("", 1)
    sections: dict[str, IniSection] = {"": root}
    current = root
    lines = text.lstrip("\ufeff").split("\n")
    index = 0
    while index < len(lines):
        raw = lines[index]
        number = index + 1
        index += 1
        stripped = raw.lstrip()
        column = len(raw) - len(stripped) + 1
        stripped = stripped.rstrip("\r")
        if not stripped.strip() or stripped[0] in "#;":
            continue
        if stripped[0] == "[":
            close = stripped.rfind("]")
            if close < 0:
                problems.append(
                    Problem(path, number, column, f"unclosed section: {stripped.strip()}")
                )
                continue
            name = stripped[1:close]
            name = "" if name == "DEFAULT" else name
            current = sections.setdefault(name, IniSection(name, number))
            continue
        key, rest = _key_name(stripped)
        if key is None:
            problems.append(
                Problem(
                    path,
                    number,
                    column,
                    f"not a 'key = value' line, a [section] or a comment: {stripped.strip()}",
                )
            )
            continue
        value, index = _value(rest, lines, index)
        current.entries.append(IniEntry(key, value, number, column))
    return list(sections.values()), problems


def _key_name(line: str) -> tuple[str | None, str]:
    """The key of a `key = value` (or `key: value`) line, and the rest after the delimiter."""
    quote = '"""' if line.startswith('"""') else line[0] if line[0] in '"`' else ""
    if quote:
        end = line.find(quote, len(quote))
        if end < 0:
            return None, ""
        at = min((i for i in (line.find("=", end), line.find(":", end)) if i >= 0), default=-1)
        if at < 0:
            return None, ""
        return line[len(quote) : end].strip(), line[at + 1 :]
    at = min((i for i in (line.find("="), line.find(":")) if i >= 0), default=-1)
    if at < 0:
        return None, ""
    return line[:at].strip(), line[at + 1 :]


def _value(rest: str, lines: list[str], index: int) -> tuple[str, int]:
    """A value as go-ini reads it: a triple-quoted or backquoted value may span lines; a
    trailing backslash continues on the next line; ` #` or ` ;` starts a comment; one pair
    of surrounding quotes is removed. Returns the value and the index of the next line."""
    line = rest.lstrip().rstrip("\r")
    if not line:
        return "", index
    quote = '"""' if line.startswith('"""') and len(line) > 3 else "`" if line[0] == "`" else ""
    if quote:
        body = line[len(quote) :]
        end = body.rfind(quote)
        if end >= 0:
            return body[:end], index
        value = body + "\n"
        while index < len(lines):
            following = lines[index]
            index += 1
            end = following.rfind(quote)
            if end >= 0:
                return value + following[:end], index
            value += following + "\n"
        return value, index
    line = line.strip()
    if line.endswith("\\"):
        value = line[:-1]
        while index < len(lines):
            following = lines[index].strip()
            if not following:
                break
            index += 1
            value += following
            if not value.endswith("\\"):
                break
            value = value[:-1]
        return value, index
    cut = line.find(" #")
    cut = line.find(" ;") if cut < 0 else cut  # go-ini looks for " #" first
    if cut >= 0:
        line = line[:cut].strip()
    for mark in ("'", '"'):
        if len(line) >= 2 and line[0] == mark == line[-1] and mark not in line[1:-1]:
            line = line[1:-1]
            break
    return line, index


def split_escaped(value: str) -> list[str]:
    """go-ini's `Strings(",")`: split at commas not escaped with a backslash."""
    out: list[str] = []
    buffer: list[str] = []
    escape = False
    for char in value:
        if escape:
            escape = False
            if char not in "\\,":
                buffer.append("\\")
            buffer.append(char)
        elif char == "\\":
            escape = True
        elif char == ",":
            out.append("".join(buffer).strip())
            buffer = []
        else:
            buffer.append(char)
    if buffer:
        out.append("".join(buffer).strip())
    return out


# -- section globs ---------------------------------------------------------------------------


class ValeGlob:
    """A section's glob as Vale matches it: with `**`, doublestar rules (`*` stays inside a
    folder, `**` spans folders); without, gobwas rules (`*` matches anything, `/` too).
    `{a,b}` alternatives, `?`, `[...]` and a leading `!` (negation) work in both."""

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self.negated = pattern.startswith("!")
        body = pattern.lstrip("!")
        self._regex = regex.compile(_glob_regex(body, "**" in body) + r"\Z", regex.DOTALL)

    def match(self, path: str) -> bool:
        return bool(self._regex.match(path)) != self.negated


def _glob_regex(pattern: str, doublestar: bool) -> str:
    out: list[str] = []
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\" and i + 1 < len(pattern):
            out.append(regex.escape(pattern[i + 1]))
            i += 2
        elif pattern.startswith("**", i):
            end = i + 2
            segment = i == 0 or pattern[i - 1] == "/"
            if doublestar and segment and pattern.startswith("/", end):
                out.append("(?:.*/)?")
                end += 1
            else:
                out.append(".*")
            i = end
        elif char == "*":
            out.append("[^/]*" if doublestar else ".*")
            i += 1
        elif char == "?":
            out.append("[^/]" if doublestar else ".")
            i += 1
        elif char == "[":
            close = pattern.find("]", i + 2)
            if close < 0:
                raise ValueError("an unclosed '['")
            body = pattern[i + 1 : close]
            if body[:1] in "!^":
                body = "^" + body[1:]
            out.append("[" + body.replace("\\", "\\\\") + "]")
            i = close + 1
        elif char == "{":
            close, options = _alternatives(pattern, i)
            out.append("(?:" + "|".join(_glob_regex(o, doublestar) for o in options) + ")")
            i = close + 1
        else:
            out.append(regex.escape(char))
            i += 1
    return "".join(out)


def _alternatives(pattern: str, start: int) -> tuple[int, list[str]]:
    depth = 0
    options: list[str] = []
    begin = start + 1
    for i in range(start, len(pattern)):
        char = pattern[i]
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                options.append(pattern[begin:i])
                return i, options
        elif char == "," and depth == 1:
            options.append(pattern[begin:i])
            begin = i + 1
    raise ValueError("an unclosed '{'")


def expand_braces(pattern: str) -> list[str]:
    """`*.{md,txt}` → `*.md`, `*.txt` (for path filters, which have no braces)."""
    start = pattern.find("{")
    if start < 0:
        return [pattern]
    try:
        close, options = _alternatives(pattern, start)
    except ValueError:
        return [pattern]
    head, tail = pattern[:start], pattern[close + 1 :]
    return [p for option in options for p in expand_braces(head + option + tail)]


# -- the project -----------------------------------------------------------------------------


@dataclass
class ValeSection:
    """One glob section of the ini (or `[*]`), as the settings it makes."""

    pattern: str
    line: int
    glob: ValeGlob | None = None  # None for [*], which matches every file
    based_on: tuple[str, ...] | None = None  # None: the section does not set it
    based_on_entry: IniEntry | None = None
    checks: dict[str, bool] = field(default_factory=dict)  # Style.Rule or Style → on/off
    block_ignores: list[UserPattern] = field(default_factory=list)
    token_ignores: list[UserPattern] = field(default_factory=list)
    lang: str | None = None

    def matches(self, paths: Iterable[str]) -> bool:
        return self.glob is None or any(self.glob.match(p) for p in paths)


class ValeProject:
    """A `.vale.ini` ready to lint with: per file, the Guide of the sections it matches."""

    def __init__(self, path: Path, text: str | None = None, min_level: Level | None = None) -> None:
        self.path = path
        self.min_level_override = min_level  # `--min-level`, over MinAlertLevel (as in Vale)
        self.root = path.resolve().parent
        self.problems: list[Problem] = []
        self.styles_path: Path | None = None
        # where styles and vocabularies are looked for: StylesPath, then the `styles/` of
        # complete local packages; style-only packages are styles of their own
        self.search_paths: list[Path] = []
        self.package_styles: dict[str, Path] = {}
        # Vale's default (internal/core/config.go: MinAlertLevel = 1, "warning"), though its
        # documentation says suggestion
        self.min_level = Level.WARNING
        self.vocab_names: list[str] = []
        self.vocab_entry: IniEntry | None = None
        self.accept: list[str] = []
        self.reject: list[str] = []
        self.vocab_files: list[Path] = []
        self.formats: dict[str, str] = {}  # extension → extension (Vale's [formats])
        # IgnoredScopes, SkippedScopes, IgnoredClasses: how the parsers read markup
        self.markup = ValeMarkup()
        self.global_section = ValeSection("*", 0)
        self.sections: list[ValeSection] = []
        self.levels: dict[str, Level] = {}
        # settings that only the document pipeline applies (not through `extends`)
        self.pipeline_entries: list[IniEntry] = []
        self._check_entries: dict[str, IniEntry] = {}
        self._vale_entry: IniEntry | None = None
        self._specs: list[RuleSpec] = []
        self._compiled: dict[str, Rule] = {}
        self._skipped: dict[str, str] = {}
        self._guides: dict[tuple[int, ...], Guide] = {}
        self._unpacked: list[tempfile.TemporaryDirectory[str]] = []
        self._load(text)

    @property
    def all_sections(self) -> list[ValeSection]:
        return [self.global_section, *self.sections]

    @property
    def specs(self) -> tuple[RuleSpec, ...]:
        """Every rule of the project (levels applied, MinAlertLevel met), whichever files
        it runs on."""
        return tuple(self._specs)

    # -- loading ---------------------------------------------------------------------------
    def _problem(
        self, entry: IniEntry | None, message: str, severity: str = "error", path: str = ""
    ) -> None:
        line, column = (entry.line, entry.column) if entry else (1, 1)
        self.problems.append(Problem(path or str(self.path), line, column, message, severity))

    def _warn(self, entry: IniEntry | None, message: str, path: str = "") -> None:
        self._problem(entry, message, "warning", path)

    def _load(self, text: str | None) -> None:
        try:
            text = text if text is not None else self.path.read_text(encoding="utf-8-sig")
        except FileNotFoundError:
            self._problem(None, "Vale configuration file not found; check the path")
            return
        except (OSError, UnicodeDecodeError) as exc:
            self._problem(None, f"cannot read the Vale configuration: {exc}")
            return
        sections, problems = read_ini(text, str(self.path))
        self.problems.extend(problems)
        if problems:
            return
        self._core(sections[0])
        packages = self._packages(sections[0])
        for section in self._merged_sections(packages, sections)[1:]:
            self._section(section)
        if not self.errors():
            self._load_rules()

    def _core(self, root: IniSection) -> None:
        for key in root.key_names():
            entry = root.first(key)
            if key in _SYNTAX_KEYS:
                self._problem(
                    entry,
                    f"'{key}' is a syntax-specific option; put it under a section such as [*]",
                )
            elif key in _NOT_APPLIED:
                self._warn(entry, f"{key} is read but not applied: {_NOT_APPLIED[key]}")
            elif key not in _ROOT_ONLY:
                self._warn(entry, f"unknown core key '{key}'; it is ignored (as Vale does)")
        if root.all("StylesPath"):
            entry = root.all("StylesPath")[-1]
            styles = _resolve(self.root, entry.value)
            if not styles.exists():
                self._problem(entry, f"StylesPath '{entry.value}' does not exist ({styles})")
            else:
                self.styles_path = styles
        elif os.environ.get(STYLES_ENV) and Path(os.environ[STYLES_ENV]).expanduser().is_dir():
            self.styles_path = Path(os.environ[STYLES_ENV]).expanduser()
        if self.styles_path is not None:
            self.search_paths.append(self.styles_path)
        markup_keys = ("IgnoredScopes", "SkippedScopes", "IgnoredClasses")
        self.markup = ValeMarkup.from_ini(*(root.values(key) for key in markup_keys))
        self.pipeline_entries.extend(root.first(key) for key in markup_keys if root.all(key))
        if root.all("MinAlertLevel"):
            entry = root.first("MinAlertLevel")
            if entry.value not in _LEVELS:
                self._problem(entry, "MinAlertLevel must be 'suggestion', 'warning', or 'error'")
            else:
                self.min_level = Level.parse(entry.value)
        if self.min_level_override is not None:
            self.min_level = self.min_level_override
        if root.all("Vocab"):
            self.vocab_entry = root.first("Vocab")
            self.vocab_names = root.values("Vocab")

    def _packages(self, root: IniSection) -> list[tuple[str, Path]]:
        """Local packages only: a folder or a .zip file, relative to the ini. A name or a
        URL is fine when its style is already under StylesPath (synced by Vale); else it
        is a warning naming it. Returns (name, folder) of each package loaded."""
        found: list[tuple[str, Path]] = []
        if not root.all("Packages"):
            return found
        entry = root.first("Packages")
        for name in split_escaped(entry.value):
            if not name:
                continue
            stem = PurePosixPath(name.rstrip("/")).name
            stem = stem[: -len(".zip")] if stem.lower().endswith(".zip") else stem
            local = None if "://" in name else _resolve(self.root, name)
            folder: Path | None = None
            if local is not None and local.is_dir():
                folder = local
            elif local is not None and local.is_file() and zipfile.is_zipfile(local):
                folder = self._unzip(stem, local, entry)
            elif self.styles_path is not None and (self.styles_path / stem).is_dir():
                continue  # synced by Vale earlier: its style is on StylesPath
            else:
                where = "a URL" if "://" in name else "no such local folder or .zip file"
                self._warn(entry, f"package '{name}' is not loaded ({where}): {PACKAGE_HINT}")
            if folder is not None:
                found.append((stem, folder))
                if (folder / "styles").is_dir():
                    self.search_paths.append(folder / "styles")
                elif not (folder / ".vale.ini").is_file():
                    self.package_styles[stem] = folder  # a style-only package
        return found

    def _unzip(self, name: str, archive: Path, entry: IniEntry) -> Path | None:
        """A package zip holds `NAME/`: a style, or `styles/` and/or `.vale.ini`."""
        scratch = tempfile.TemporaryDirectory(prefix=f"brandlint-vale-{name}-")
        try:
            with zipfile.ZipFile(archive) as zipped:
                names = zipped.namelist()
                if any(n.startswith("/") or ".." in n.split("/") for n in names):
                    self._warn(entry, f"package '{archive}' has unsafe paths; it is not loaded")
                    return None
                zipped.extractall(scratch.name)
        except (OSError, zipfile.BadZipFile) as exc:
            self._warn(entry, f"package '{archive}' cannot be read ({exc}); it is not loaded")
            return None
        self._unpacked.append(scratch)
        folder = Path(scratch.name) / name
        if not folder.is_dir():
            self._warn(entry, f"package '{archive}' holds no folder '{name}/'; it is not loaded")
            return None
        return folder

    def _merged_sections(
        self, packages: list[tuple[str, Path]], sections: list[IniSection]
    ) -> list[IniSection]:
        """A package's own ini comes before the project's (as `vale sync` arranges it):
        its sections merge into the project's, keys adding values; of its core keys only
        Vocab is applied (the project's own settings decide the rest)."""
        merged: dict[str, IniSection] = {}
        for name, folder in packages:
            ini = folder / ".vale.ini"
            if not ini.is_file():
                continue
            found, problems = read_ini(ini.read_text(encoding="utf-8-sig"), str(ini))
            self.problems.extend(problems)
            core = found[0]
            for key in core.key_names():
                if key == "Vocab":
                    self.vocab_names = list(dict.fromkeys(core.values(key) + self.vocab_names))
                elif key == "Packages":
                    self._warn(
                        core.first(key),
                        f"package '{name}' names packages of its own; they are not loaded: "
                        f"{PACKAGE_HINT}",
                        str(ini),
                    )
                elif key not in ("StylesPath", "MinAlertLevel"):
                    self._warn(
                        core.first(key), f"'{key}' of package '{name}' is not applied", str(ini)
                    )
            for section in found[1:]:
                target = merged.setdefault(section.name, IniSection(section.name, section.line))
                target.entries.extend(section.entries)
        for section in sections:
            target = merged.setdefault(section.name, IniSection(section.name, section.line))
            target.line = section.line
            target.entries.extend(section.entries)
        root = merged.pop("", IniSection("", 1))
        return [root, *merged.values()]

    def _section(self, section: IniSection) -> None:
        if section.name == "formats":
            self._formats(section)
            return
        if section.name == "asciidoctor":
            for entry in section.entries[:1]:
                self._warn(entry, "[asciidoctor] is not applied: brandlint does not read AsciiDoc")
            return
        if section.name == "*":
            target = self.global_section
            target.line = section.line
        else:
            try:
                glob = ValeGlob(section.name)
            except (ValueError, regex.error) as exc:
                self.problems.append(
                    Problem(
                        str(self.path),
                        section.line,
                        1,
                        f"the glob pattern '{section.name}' could not be compiled ({exc})",
                    )
                )
                return
            target = ValeSection(section.name, section.line, glob)
            self.sections.append(target)
        for key in section.key_names():
            self._section_key(section, target, key, section.first(key))

    def _section_key(
        self, section: IniSection, target: ValeSection, key: str, entry: IniEntry
    ) -> None:
        if key in _ROOT_ONLY:
            self._problem(
                entry,
                f"'{key}' is a core option; it should be defined above any syntax-specific "
                "options (`[...]`)",
            )
        elif key == "BasedOnStyles":
            target.based_on = tuple(section.values(key))
            target.based_on_entry = entry
            if BUILTIN_STYLE in target.based_on and self._vale_entry is None:
                self._vale_entry = entry
        elif key in ("BlockIgnores", "IgnorePatterns", "TokenIgnores"):
            self.pipeline_entries.append(entry)
            if key == "IgnorePatterns":  # Vale's old name of BlockIgnores
                values = [v for v in split_escaped(entry.value) if v]
            else:
                values = section.values(key)
            patterns = target.token_ignores if key == "TokenIgnores" else target.block_ignores
            for value in values:
                try:
                    patterns.append(UserPattern(value))
                except PatternError as exc:
                    self._problem(entry, f"{key}: '{value}' is not a valid regex ({exc})")
        elif key == "Lang":
            target.lang = entry.value.strip() or None
        elif key == "CommentDelimiters" and len(section.values(key)) != 2:
            self._problem(
                entry,
                "CommentDelimiters must be a comma-separated list of two delimiters, but got "
                f"{len(section.values(key))} items",
            )
        elif key in _NOT_APPLIED:
            self._warn(entry, f"{key} is read but not applied: {_NOT_APPLIED[key]}")
        else:
            self._rule_setting(target, entry)

    def _rule_setting(self, target: ValeSection, entry: IniEntry) -> None:
        """`Style.Rule = YES|NO|suggestion|warning|error`, or `Style = YES|NO`. As in Vale
        a level is the rule's level wherever it runs; any other value switches it off."""
        value = entry.value.strip()
        self._check_entries.setdefault(entry.key, entry)
        if entry.key.startswith(BUILTIN_STYLE) and self._vale_entry is None:
            self._vale_entry = entry
        if value in ("YES", "NO"):
            target.checks[entry.key] = value == "YES"
        elif value in _LEVELS and "." in entry.key:
            target.checks[entry.key] = True
            self.levels[entry.key] = Level.parse(value)
        else:
            target.checks[entry.key] = False
            expected = "YES, NO or a level" if "." in entry.key else "YES or NO"
            self._warn(
                entry,
                f"'{entry.key} = {value}': expected {expected}; Vale reads it as NO, so it is "
                "switched off",
            )

    def _formats(self, section: IniSection) -> None:
        for key in section.key_names():
            entry = section.first(key)
            self.pipeline_entries.append(entry)
            target = entry.value.strip().lstrip(".")
            self.formats[key.lstrip(".")] = target
            if format_of(f"x.{target}") is None:
                self._warn(
                    entry,
                    f"'{key} = {target}': brandlint does not read '.{target}' files, so "
                    f"'.{key}' files are read by their own name",
                )

    # -- rules -----------------------------------------------------------------------------
    def _find_style(self, name: str) -> Path | None:
        if name in self.package_styles:
            return self.package_styles[name]
        for base in self.search_paths:
            if (base / name).is_dir():
                return base / name
        return None

    def _load_rules(self) -> None:
        specs: dict[str, RuleSpec] = {}
        loaded = {BUILTIN_STYLE}  # a Vale folder on StylesPath is not read (as in Vale)
        for section in self.all_sections:
            for style in section.based_on or ():
                if style in loaded:
                    continue
                loaded.add(style)
                folder = self._find_style(style)
                if folder is None:
                    where = ", ".join(str(p) for p in self.search_paths) or "no StylesPath is set"
                    self._problem(
                        section.based_on_entry,
                        f"style '{style}' does not exist on StylesPath ({where})",
                    )
                    continue
                found, problems = load_style(folder)
                self.problems.extend(problems)
                for spec in found:
                    specs.setdefault(spec.id, spec)
        for key in self._check_entries:  # rules named one by one load on their own
            style, _, name = key.partition(".")
            folder = None if style in loaded else self._find_style(style)
            target = folder / f"{name}{RULE_SUFFIX}" if folder and name else None
            if target is not None and target.is_file():
                single = load_rule_file(target, key, self.problems)
                if single is not None:
                    specs[key] = single
        self._load_vocab()
        if self._vale_entry is not None:  # Vale loads its style when a section names it
            for spec in self._builtin_specs():
                specs[spec.id] = spec
        for key, entry in self._check_entries.items():
            builtin = key in (f"{BUILTIN_STYLE}.{name}" for name in _BUILTIN_RULES)
            if "." in key and key not in specs and not builtin:
                self._warn(entry, f"no rule '{key}' on StylesPath; this setting has no effect")
        self._finish(list(specs.values()))

    def _load_vocab(self) -> None:
        for name in self.vocab_names:
            folder = self._find_vocab(name)
            if folder is None:
                searched = ", ".join(
                    str(p / "config" / "vocabularies" / name) for p in self.search_paths
                )
                self._problem(
                    self.vocab_entry,
                    f"vocabulary '{name}' does not exist ({searched or 'no StylesPath is set'})",
                )
                continue
            for file in sorted(folder.rglob("*.txt")):
                if file.name in ("accept.txt", "reject.txt"):
                    words = self.accept if file.name == "accept.txt" else self.reject
                    words.extend(_word_list(file))
                    self.vocab_files.append(file)

    def _find_vocab(self, name: str) -> Path | None:
        for base in self.search_paths:
            # Vale 3's layout, then the older StylesPath/Vocab/NAME
            for candidate in (base / "config" / "vocabularies" / name, base / "Vocab" / name):
                if candidate.is_dir():
                    return candidate
        return None

    def _builtin_specs(self) -> list[RuleSpec]:
        from brandlint.checks.registry import KINDS  # every kind: only for a Vale project

        def spec(rule_id: str, kind: str, message: str, **options: Any) -> RuleSpec:
            return RuleSpec(
                rule_id,
                kind,
                Level.ERROR,
                message,
                options=options,
                origin=str(origins.get(rule_id, self.path)),
                strict=False,
            )

        # the vocabulary rules come from the first file of their list
        origins = {
            "Vale.Terms": next((f for f in self.vocab_files if f.name == "accept.txt"), None),
            "Vale.Avoid": next((f for f in self.vocab_files if f.name == "reject.txt"), None),
        }
        origins = {k: v for k, v in origins.items() if v is not None}

        specs: list[RuleSpec] = []
        # Vale.Terms: each accepted word (not a regex) in its exact case
        swap = {term.lower(): term for term in self.accept if _is_phrase(term)}
        if swap:
            specs.append(
                spec(
                    "Vale.Terms",
                    "substitution",
                    "Use '%s' instead of '%s'.",
                    swap=swap,
                    ignorecase=True,
                    vocab=False,
                )
            )
        if self.reject:
            specs.append(
                spec(
                    "Vale.Avoid",
                    "existence",
                    "Avoid using '%s'.",
                    tokens=list(self.reject),
                    ignorecase=False,
                )
            )
        specs.append(
            spec(
                "Vale.Repetition",
                "repetition",
                "'%s' is repeated!",
                alpha=True,
                tokens=[r"[^\s]+"],
                action={"name": "edit", "params": ["truncate", " "]},
            )
        )
        if "spelling" in KINDS:
            specs.append(
                spec("Vale.Spelling", "spelling", "Did you really mean '%s'?", **self._spelling())
            )
        elif self._spelling_wanted():
            self._warn(self._vale_entry, "Vale.Spelling not loaded: spelling kind unavailable")
            self._skipped["Vale.Spelling"] = "spelling kind unavailable"
        return specs

    def _spelling(self) -> dict[str, Any]:
        """Vale.Spelling's options: as Vale 3, the default dictionary and every dictionary
        in StylesPath/config/dictionaries, and the word lists under StylesPath/config/ignore
        (the accepted words come in `_finish`)."""
        options: dict[str, Any] = {}
        if self.styles_path is not None:
            dictionaries = self.styles_path / "config" / "dictionaries"
            if dictionaries.is_dir():
                options["dicpath"] = str(dictionaries)
                names = sorted(p.stem for p in dictionaries.glob("*.dic"))
                if names:
                    options.update(dictionaries=names, append=True)
            ignore = self.styles_path / "config" / "ignore"
            files = sorted(str(p) for p in ignore.rglob("*.txt")) if ignore.is_dir() else []
            if files:
                options["ignore"] = files
        return options

    def _spelling_wanted(self) -> bool:
        keys = [(), *((i,) for i in range(len(self.sections)))]
        return any(self.enabled("Vale.Spelling", key) for key in keys)

    def _finish(self, specs: list[RuleSpec]) -> None:
        """Levels from the ini, accepted words as exceptions, MinAlertLevel (a rule below it
        never runs, as in Vale); then each rule is compiled once for every file."""
        from brandlint.checks.registry import KINDS

        for spec in specs:
            if spec.id in self.levels:
                spec = replace(spec, level=self.levels[spec.id])
            if spec.kind in _VOCAB_KINDS and self.accept and spec.options.get("vocab") is not False:
                exceptions = [*(spec.options.get("exceptions") or ()), *self.accept]
                spec = replace(spec, options={**spec.options, "exceptions": exceptions})
            elif spec.kind == "spelling" and self.accept:  # every spelling rule, in any case
                accepted = [t if t.startswith("(?i)") else f"(?i){t}" for t in self.accept]
                exceptions = [*(spec.options.get("exceptions") or ()), *accepted]
                spec = replace(spec, options={**spec.options, "exceptions": exceptions})
            if spec.level < self.min_level:
                continue
            self._specs.append(spec)
            rule = KINDS[spec.kind](spec, self.problems)
            if rule.skipped:
                self._skipped[spec.id] = rule.skipped
            else:
                self._compiled[spec.id] = rule

    # -- per file --------------------------------------------------------------------------
    @cached_property
    def warnings(self) -> tuple[Problem, ...]:
        seen: dict[tuple[str, int, int, str], Problem] = {}
        for p in self.problems:
            if p.severity != "error":
                seen.setdefault((p.path, p.line, p.column, p.message), p)
        return tuple(seen.values())

    def errors(self) -> list[Problem]:
        return sorted(
            (p for p in self.problems if p.severity == "error"),
            key=lambda p: (p.path, p.line, p.column),
        )

    def _names(self, path: str | Path) -> list[str]:
        """What a file's sections are matched against: its path relative to the ini's
        folder, and as given (Vale matches paths as given, relative to where it runs)."""
        given = Path(path)
        full = given if given.is_absolute() else Path.cwd() / given
        try:
            names = [os.path.relpath(full, self.root).replace(os.sep, "/")]
        except ValueError:  # another drive on Windows
            names = [full.as_posix()]
        as_given = os.path.normpath(str(path)).replace(os.sep, "/")
        return names if as_given in names else [*names, as_given]

    def normalized(self, path: str) -> str:
        """The path with the extension [formats] maps its own to (`a.mdx` → `a.md`)."""
        stem, ext = os.path.splitext(path)
        target = self.formats.get(ext.lstrip("."))
        return f"{stem}.{target}" if target else path

    def reads_unknown(self, path: str) -> bool:
        """Whether a folder walk takes `path`, a file of no format brandlint knows (`.tex`,
        no extension): Vale lints every file its sections match, an unknown one line by
        line as text; brandlint does too when the file is text (no NUL byte, UTF-8), so
        a picture in the folder is not reported as unreadable."""
        if os.path.basename(path) in VALE_CONFIG_NAMES:
            return False  # a configuration: Vale's lint of it has no copy in Vale's scopes
        everywhere = self.global_section.based_on or self.global_section.checks
        if not (everywhere or self.section_key(path)):
            return False
        try:
            with open(path, "rb") as handle:
                head = handle.read(8192)
        except OSError:
            return False
        if b"\x00" in head:
            return False
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as exc:  # a character cut at the 8 KB mark is still text
            return exc.start >= len(head) - 3
        return True

    def format_for(self, path: str) -> str | None:
        """The brandlint format of a file whose extension [formats] maps, else None."""
        target = self.formats.get(os.path.splitext(path)[1].lstrip("."))
        return format_of(f"x.{target}") if target else None

    def section_key(self, path: str | Path) -> tuple[int, ...]:
        """The sections a file matches, in Vale's order: those its path matches, then
        those its path with the [formats] extension matches."""
        names = self._names(path)
        normed = [self.normalized(n) for n in names if self.normalized(n) != n]
        key = [i for i, s in enumerate(self.sections) if s.matches(names)]
        if normed:
            key += [i for i, s in enumerate(self.sections) if s.matches(normed)]
        return tuple(key)

    def enabled(self, rule_id: str, key: tuple[int, ...]) -> bool:
        """Whether a rule runs on the files matching sections `key` (Vale's `shouldRun`):
        a switch for the rule in a matching section (the last wins), else in [*]; then
        (brandlint's reading of `Style = YES|NO`) one for its style; else whether the last
        matching section's BasedOnStyles (else [*]'s) names its style."""
        style = rule_id.split(".")[0]
        checks: dict[str, bool] = {}
        based_on = self.global_section.based_on or ()
        for index in key:
            section = self.sections[index]
            checks.update(section.checks)
            if section.based_on is not None:
                based_on = section.based_on
        for name in (rule_id, style):
            if name in checks:
                return checks[name]
            if name in self.global_section.checks:
                return self.global_section.checks[name]
        return style in based_on

    def guide_for(self, path: str | Path) -> Guide:
        """The Guide a file is linted with (one per set of matching sections)."""
        return self.guide_for_key(self.section_key(path))

    def guide_for_key(self, key: tuple[int, ...]) -> Guide:
        guide = self._guides.get(key)
        if guide is None:
            lang = self.global_section.lang
            for index in key:
                lang = self.sections[index].lang or lang
            specs = [s for s in self._specs if self.enabled(s.id, key)]
            guide = Guide(
                name="vale",
                path=str(self.path),
                root=str(self.root),
                lang=lang or "en",
                rules=tuple(specs),
                warnings=self.warnings,
                compiled=tuple(self._compiled[s.id] for s in specs if s.id in self._compiled),
                skipped=tuple(
                    (rule_id, reason)
                    for rule_id, reason in self._skipped.items()
                    if self.enabled(rule_id, key)
                ),
            )
            self._guides[key] = guide
        return guide

    def ignored_regions(self, path: str, source: str, format: str) -> list[tuple[int, int]]:
        """Source ranges that BlockIgnores and TokenIgnores match in a file, merged and
        sorted. Vale applies them to its markup formats only: Markdown, Org, reStructuredText."""
        if format not in _IGNORE_FORMATS and self.format_for(path) not in _IGNORE_FORMATS:
            return []  # (a code file mapped to Markdown: Vale applies them to its comments)
        sections = [self.global_section, *(self.sections[i] for i in self.section_key(path))]
        regions = [
            (found.start(), found.end())
            for section in sections
            for pattern in (*section.block_ignores, *section.token_ignores)
            for found in pattern.finditer(source)
            if found.end() > found.start()
        ]
        return _merged(regions)

    # -- through a brandlint guide's `extends` -------------------------------------------------
    def extends_specs(self, guide_root: Path) -> list[RuleSpec]:
        """The project's rules for a brandlint guide that extends the ini, each with `paths`
        filters from the sections that switch it on or off (an approximation of Vale's
        merge: see docs/vale.md). Settings that only the document pipeline applies
        (BlockIgnores, TokenIgnores, [formats]) are warnings here."""
        try:
            prefix = os.path.relpath(self.root, guide_root.resolve()).replace(os.sep, "/")
        except ValueError:
            prefix = self.root.as_posix()
        prefix = "" if prefix == "." else prefix + "/"
        for entry in self.pipeline_entries:
            self._warn(
                entry,
                f"{entry.key} is not applied through 'extends': it applies when the .vale.ini "
                "is the project's configuration (no brandlint guide nearer)",
            )
        out: list[RuleSpec] = []
        for spec in self._specs:
            paths = self._rule_paths(spec.id, prefix)
            if paths is not None and spec.id not in self._skipped:
                out.append(replace(spec, paths=paths))
        return out

    def _rule_paths(self, rule_id: str, prefix: str) -> tuple[str, ...] | None:
        """Path filters for a rule: None when no section switches it on."""
        style = rule_id.split(".")[0]

        def decides(section: ValeSection) -> bool | None:
            for name in (rule_id, style):
                if name in section.checks:
                    return section.checks[name]
            if section.based_on is not None and style in section.based_on:
                return True
            return None

        everywhere = decides(self.global_section) is True
        include: list[str] = []
        exclude: list[str] = []
        for section in self.sections:
            decision = decides(section)
            if decision is None:
                continue
            globs = [_path_filter(p, prefix) for p in expand_braces(section.pattern.lstrip("!"))]
            if section.pattern.startswith("!"):  # on (or off) everywhere but these paths
                everywhere = everywhere or decision
                (exclude if decision else include).extend(globs)
            else:
                (include if decision else exclude).extend(globs)
        if everywhere:
            return tuple(f"~{p}" for p in exclude)
        if not include:
            return None
        return (*include, *(f"~{p}" for p in exclude))


def _path_filter(pattern: str, prefix: str) -> str:
    """A Vale section glob as a path filter (gitignore syntax, relative to the guide)."""
    pattern = pattern.lstrip("./") if pattern.startswith("./") else pattern
    if not prefix:
        return pattern
    return f"{prefix}{pattern}" if "/" in pattern else f"{prefix}**/{pattern}"


def _merged(regions: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(regions):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def _resolve(base: Path, value: str) -> Path:
    """A path from the ini: `~` expanded, relative to the ini's folder, `..` folded."""
    path = Path(os.path.expanduser(value.strip()))
    return Path(os.path.normpath(path if path.is_absolute() else base / path))


def _word_list(path: Path) -> list[str]:
    """A vocabulary file: one entry a line; blank lines and lines starting '# ' skipped."""
    words = []
    for line in path.read_text(encoding="utf-8-sig", errors="replace").splitlines():
        word = line.strip()
        if word and not word.startswith("# "):
            words.append(word)
    return words


def _is_phrase(term: str) -> bool:
    """Vale's IsPhrase: letters, digits, spaces and hyphens only (not a regex)."""
    return all(c.isalpha() or c.isdigit() or c in " -" for c in term)


def load_vale_project(
    path: str | Path, text: str | None = None, min_level: Level | None = None
) -> ValeProject:
    """Load a Vale project; raises GuideError (with every error found) when it is broken.
    `min_level` replaces the ini's MinAlertLevel (Vale's `--minAlertLevel`)."""
    project = ValeProject(Path(path), text, min_level)
    errors = project.errors()
    if errors:
        raise GuideError(errors + list(project.warnings))
    return project
