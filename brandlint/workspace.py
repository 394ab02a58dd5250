"""The public engine API shared by the CLI and the language server.

A `Workspace` owns the linters of the guides it meets (each file uses the guide nearest to
it, unless one is forced), resolves each document's language and channel, and walks folders
honouring `.brandlintignore`, the guide's `ignore:` and `--exclude`.

A Vale project counts as a guide: a `.vale.ini` (or another of Vale's names) with no
brandlint guide nearer to the file, `VALE_CONFIG_PATH`, or `--vale-config`. Its linters are
cached per (ini, set of sections the file matches), and its BlockIgnores, TokenIgnores and
[formats] apply in the one document pipeline.
"""

from __future__ import annotations

import bisect
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from brandlint.core.alerts import Alert, Level
from brandlint.core.document import Block, Document, LineIndex
from brandlint.core.errors import GuideError, UsageError
from brandlint.core.globs import glob_match
from brandlint.core.limits import Limits, exceeds, variable
from brandlint.core.settings import Settings
from brandlint.document.code import CODE_FORMATS
from brandlint.document.formats import BINARY_FORMATS
from brandlint.document.reader import (
    UnreadableFile,
    format_of,
    parse_document,
    read_bounded,
    read_document,
)
from brandlint.guide.loader import GUIDE_NAMES, load_guide
from brandlint.guide.model import Guide
from brandlint.guide.vale_names import CONFIG_ENV, VALE_CONFIG_NAMES, is_vale_config
from brandlint.linter import BlockMemo, Linter, collector_paused, relative_to_guide
from brandlint.nlp.detect import DetectorCache
from brandlint.nlp.pipelines import Pipelines
from brandlint.packs import default_guide_path

if TYPE_CHECKING:  # the fixer and the voice summary: `fix` and `stats`, not `check`
    from brandlint.fixer import FixResult
    from brandlint.guide.vale_ini import ValeProject  # loaded for Vale projects only
    from brandlint.stats import VoiceMetrics

UNREADABLE = "brandlint.unreadable"
TOO_LARGE = "brandlint.too-large"
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
ASSET_FORMATS = frozenset({"css", "svg"})
CHANNEL_FOLDERS = {
    "web": "web",
    "email": "email",
    "sms": "sms",
    "social": "social",
    "push": "push",
    "ads": "search-ads",
    "search-ads": "search-ads",
    "print": "print",
}
_SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", ".tox"}


@dataclass
class Workspace:
    """The engine for one set of settings: the guides and Vale projects it met, their
    linters, and the language pipelines they share (see the module's docstring)."""

    settings: Settings = field(default_factory=Settings)
    pipelines: Pipelines = field(default_factory=Pipelines)
    _linters: dict[str, Linter] = field(default_factory=dict)
    _vale_projects: dict[str, ValeProject] = field(default_factory=dict)
    _detectors: DetectorCache = field(default_factory=DetectorCache)
    _vale_linters: dict[tuple[str, tuple[int, ...]], Linter] = field(default_factory=dict)
    # (working folder, the guide or .vale.ini the settings force) → its resolved path
    _forced_paths: dict[tuple[str, str], Path] = field(default_factory=dict)

    # -- guides -----------------------------------------------------------------
    def guide_path_for(self, path: str | Path) -> Path:
        """The guide, or the Vale configuration file, that decides how `path` is linted."""
        if self.settings.guide:
            return Path(self.settings.guide)
        if self.settings.vale_config:
            return Path(self.settings.vale_config)
        folder = Path(path).parent if path else Path.cwd()
        found = discover_config(folder)
        if found is None and self.settings.vale_compat:
            where = folder.resolve()
            raise UsageError(
                f"E100 [.vale.ini not found] {where}: no .vale.ini, _vale.ini or vale.ini here "
                "or above; give --vale-config PATH, or drop --vale-compat to lint with the "
                "bundled guide"
            )
        return found or default_guide_path()

    def linter_for(self, path: str | Path) -> Linter:
        return self._linter_at(self._resolved_guide_path(path), path)

    def _resolved_guide_path(self, path: str | Path) -> Path:
        """`guide_path_for(path).resolve()`. A guide the settings force is the same for
        every file: resolving it (a system call per folder of its path) is done once per
        working folder, not for each file and each look-up of a file."""
        forced = self.settings.guide or self.settings.vale_config
        if not forced:
            return self.guide_path_for(path).resolve()
        return self._resolved(forced)

    def _resolved(self, forced: str) -> Path:
        """The resolved path of a guide or `.vale.ini` the settings name."""
        key = (os.getcwd(), forced)
        resolved = self._forced_paths.get(key)
        if resolved is None:
            resolved = self._forced_paths[key] = Path(forced).resolve()
        return resolved

    def _linter_at(self, guide_path: Path, path: str | Path) -> Linter:
        project = self._vale_project(guide_path)
        if project is not None:
            key = (str(guide_path), project.section_key(path))
            linter = self._vale_linters.get(key)
            if linter is None:
                linter = self._vale_linters[key] = self._linter(project.guide_for_key(key[1]))
            return linter
        linter = self._linters.get(str(guide_path))
        if linter is None:
            linter = self._linters[str(guide_path)] = self._linter(self._load_guide(guide_path))
        return linter

    def _linter(self, guide: Guide) -> Linter:
        accepts = None
        if self.settings.rule_filter:
            from brandlint.rule_filter import parse_filter

            accepts = parse_filter(self.settings.rule_filter).accepts
        linter = Linter(guide, self.pipelines, accepts, self.settings.vale_compat)
        return linter

    def _load_guide(self, guide_path: Path) -> Guide:
        """The guide at `guide_path` (resolved), as the editor holds it if it is unsaved."""
        return load_guide(guide_path, text=dict(self.settings.guide_texts).get(str(guide_path)))

    def adopt_guide(self, guide_path: Path, guide: Guide) -> None:
        """Lint with `guide` as the guide at `guide_path`, never reading its files: a Dask
        worker on another machine is sent the guide its client compiled."""
        self._linters[str(guide_path.resolve())] = self._linter(guide)

    def _vale_project(self, guide_path: Path) -> ValeProject | None:
        """The Vale project at `guide_path` (loaded once), or None for a brandlint guide.
        Raises GuideError when the project is broken."""
        project = self._vale_projects.get(str(guide_path))
        if project is not None:
            return project  # looked up for every file: the checks below passed once
        vale_config = self.settings.vale_config
        forced = vale_config is not None and self._resolved(vale_config) == guide_path
        if not (forced or _named_as_vale_config(str(guide_path))):
            return None
        from brandlint.guide.vale_ini import load_vale_project

        project = self._vale_projects[str(guide_path)] = load_vale_project(
            guide_path, min_level=self._min_level()
        )
        return project

    def _min_level(self) -> Level | None:
        return Level.parse(self.settings.min_level) if self.settings.min_level else None

    def vale_project_for(self, path: str | Path) -> ValeProject | None:
        """The Vale project `path` is linted with, if its configuration is one."""
        return self._vale_project(self.guide_path_for(path).resolve())

    def reload_guides(self) -> list[GuideError]:
        """Load every guide in use again (one changed on disk). A guide that is now broken
        keeps its last good version, and its errors are returned."""
        failures = []
        for guide_path in list(self._linters):
            try:
                self._linters[guide_path] = self._linter(self._load_guide(Path(guide_path)))
            except GuideError as exc:
                failures.append(exc)
        from brandlint.guide.vale_ini import load_vale_project

        for ini in list(self._vale_projects):
            try:
                project = self._vale_projects[ini] = load_vale_project(
                    ini, min_level=self._min_level()
                )
            except GuideError as exc:
                failures.append(exc)
                continue
            for key in [k for k in self._vale_linters if k[0] == ini]:
                self._vale_linters[key] = self._linter(project.guide_for_key(key[1]))
        return failures

    # -- documents ----------------------------------------------------------------
    def prepare(self, document: Document, guide: Guide) -> Document:
        """Settle language and channel: the document's own words win, then the guide's
        path globs, then the command line, then the guide default / folder names.

        A stylesheet or an SVG is an asset, not a piece of copy for a channel: it gets no
        channel, so piece rules (an email's "Unsubscribe", a web page's H1) leave it alone
        while the palette and font rules still apply."""
        relative = relative_to_guide(document.path, guide.root)
        channel = (
            None
            if document.format in ASSET_FORMATS
            else (
                document.meta.get("channel")
                or _glob_value(relative, guide.channel_globs)
                or self.settings.channel
                or _channel_from_folders(document.path)
            )
        )
        lang = (
            document.lang
            or _glob_value(relative, guide.lang_globs)
            or self.settings.lang
            or self._detected_lang(document, guide)
            or guide.lang
        )
        return replace(document, channel=str(channel) if channel else None, lang=str(lang))

    def document(
        self,
        path: str,
        text: str | None = None,
        *,
        data: bytes | None = None,
        format: str | None = None,
        lang: str | None = None,
        channel: str | None = None,
    ) -> Document:
        """The one document pipeline: read (unless `text` is given), decode, detect the
        format, parse the markup and its suppression comments, then settle language and
        channel. `check`, `fix`, `stats`, audit workers, `test-rules` and the language
        server all start here, so a document reads the same everywhere.

        `lang` and `channel` are declared by the caller (an audit export's columns, a rule
        example) and count as the document's own words. Raises `UnreadableFile`.

        With a Vale project, [formats] picks the format of a mapped extension, and the copy
        its BlockIgnores and TokenIgnores match is masked (positions unchanged)."""
        return self._read(path, text, data, format, lang, channel)[0]

    def _read(
        self,
        path: str,
        text: str | None,
        data: bytes | None,
        format: str | None,
        lang: str | None,
        channel: str | None,
    ) -> tuple[Document, Linter]:
        """`document`, and the linter of its guide, found once for both."""
        anchor = _guide_anchor(path)
        guide_path = self._resolved_guide_path(anchor)
        project = self._vale_project(guide_path)
        try:
            linter: Linter | None = self._linter_at(guide_path, anchor)
        except GuideError:
            linter = None  # raised below, once the file is read, as if looked up then
        if not (format or self.settings.read_as) and linter is not None:
            format = _mapped_format(path, linter.guide)
        format = format or self.settings.read_as
        if format is None and project is not None:
            format = project.format_for(path)
            if format_of(path) in CODE_FORMATS and format not in CODE_FORMATS:
                format = None  # Vale lints a code file mapped to markup in its comments
        markup = project.markup if project is not None else None  # IgnoredScopes…
        ceiling = Limits.from_environment().document_bytes
        if text is None:
            try:
                if data is None:  # `data`: the file's bytes, read by an audit's client
                    data = read_bounded(path, ceiling)  # no more than the limit is ever read
            except OSError as exc:
                raise UnreadableFile(f"Cannot read this file: {exc.strerror or exc}.") from None
            if len(data) > ceiling:
                raise DocumentTooLarge(ceiling)
            document = read_document(path, data, format, markup)
        else:
            if exceeds(text, ceiling):
                raise DocumentTooLarge(ceiling)
            # an editor's JSON can carry lone surrogates (half an emoji), which are no
            # text: each is read as U+FFFD, one code point for one, so positions hold
            text = _LONE_SURROGATE.sub("\ufffd", text)
            document = parse_document(path, text, format, markup)
        if channel:
            document = replace(document, meta={**document.meta, "channel": channel})
        if lang:
            document = replace(document, lang=lang)
        if project is not None:
            regions = project.ignored_regions(anchor, document.source, document.format)
            document = mask_regions(document, regions)
        linter = linter or self._linter_at(guide_path, anchor)
        return self.prepare(document, linter.guide), linter

    def _detected_lang(self, document: Document, guide: Guide) -> str | None:
        """The language detected in copy that declares none, when the guide asks for it."""
        if not guide.detect_languages or document.format in ASSET_FORMATS:
            return None
        from brandlint.nlp.detect import detect

        found = detect(
            document.text[:20_000],
            guide.detect_languages,
            guide.detect_min_confidence,
            self._detectors,
        )
        return found[0] if found else None

    def lint(self, document: Document, memo: BlockMemo | None = None) -> list[Alert]:
        return self.linter_for(_guide_anchor(document.path)).lint(document, memo)

    def lint_text(
        self,
        text: str,
        path: str = "<text>",
        format: str | None = None,
        memo: BlockMemo | None = None,
    ) -> list[Alert]:
        """Lint copy held in memory (an editor buffer, stdin); `path` picks guide and format.
        An editor passes the `memo` it keeps for the buffer (`brandlint.incremental`)."""
        try:
            document = self.document(path, text, format=format)
        except DocumentTooLarge as exc:
            return [too_large_alert(path, exc)]
        return self.lint(document, memo)

    def lint_file(self, path: str | Path) -> list[Alert]:
        path = str(path)
        try:
            with collector_paused():  # a large file is as many lasting objects as its lint
                document, linter = self._read(path, None, None, None, None, None)
        except DocumentTooLarge as exc:
            return [too_large_alert(path, exc)]
        except UnreadableFile as exc:
            return [unreadable_alert(path, str(exc))]
        return linter.lint(document)

    def measure_file(self, path: str | Path) -> VoiceMetrics | None:
        """The voice summary of a file (None when it cannot be read, or is a stylesheet or
        an SVG: a badge's two words have no voice to measure)."""
        try:
            document = self.document(str(path))
        except UnreadableFile:
            return None
        if document.format in ASSET_FORMATS:
            return None
        return self.linter_for(document.path).measure(document)

    def fix_text(
        self, path: str, text: str, *, select: Sequence[str] = (), ignore: Sequence[str] = ()
    ) -> FixResult:
        """Fix copy held in memory as the document at `path` (nothing is written)."""
        from brandlint.fixer import fix_source

        return fix_source(
            path,
            text,
            lambda source: self.lint(self.document(path, source)),
            select=select,
            ignore=ignore,
        )

    def fix_file(
        self,
        path: str,
        *,
        select: Sequence[str] = (),
        ignore: Sequence[str] = (),
        write: bool = True,
    ) -> FixResult:
        """Fix a file: plan, apply, verify by linting again, then (with `write`) replace
        the file atomically. Raises `UnreadableFile`, or `ChangedOnDisk` when the file
        changed while brandlint worked (it is then left alone)."""
        from brandlint.safe_write import read_for_update, write_back

        kind = self.guide_format(path) or format_of(path)
        if kind in BINARY_FORMATS:
            raise UnreadableFile(
                f"brandlint does not write .{kind} files: make the changes `check` lists in "
                "the document's own editor"
            )
        try:
            original = read_for_update(path)
        except (OSError, UnicodeDecodeError) as exc:
            raise UnreadableFile(f"cannot be read as UTF-8 text ({exc})") from None
        result = self.fix_text(path, original.text, select=select, ignore=ignore)
        if kind == "notebook" and result.changed and not _is_json(result.fixed):
            raise UnreadableFile("the fixes would break the notebook's JSON; left alone")
        if write and result.changed:
            write_back(original, result.fixed)
        return result

    # -- folders -------------------------------------------------------------------
    def files(
        self,
        paths: Sequence[str],
        also: Callable[[str], bool] = lambda name: False,
        on_skip: Callable[[str, str], None] | None = None,
    ) -> Iterator[str]:
        """Files to lint under `paths`: named files always, folders by supported type (and
        files `also` accepts, such as an audit's CMS exports). A named HTML file brings the
        local stylesheets it links, so `check email.html` checks the CSS it is styled with
        (a folder's own CSS files are found by type). Each file comes once.

        Only regular files come (symbolic links are followed): a named pipe, a device or a
        socket is never opened (reading a pipe would wait forever); it is passed to
        `on_skip(path, reason)` instead. A path that cannot be examined (a dangling link)
        still comes, so reading it reports why."""
        seen: set[str] = set()

        def first_time(path: str) -> bool:
            key = os.path.abspath(path)
            if key in seen:
                return False
            seen.add(key)
            if not _regular_or_missing(path):
                if on_skip is not None:
                    on_skip(path, "not a regular file")
                return False
            return True

        for given in paths:
            if os.path.isdir(given):
                ignore = self._ignore_spec(given)
                for folder, dirs, names in os.walk(given):
                    dirs[:] = sorted(d for d in dirs if d not in _SKIP_DIRS)
                    maps = bool(self._guide_maps(folder))  # the guide's `formats:` globs
                    vale = self._vale_folder(folder)  # Vale lints files of any type
                    for name in sorted(names):
                        full = os.path.join(folder, name)
                        if (
                            (
                                format_of(name)
                                or also(name)
                                or (maps and self.guide_format(full))
                                or (vale is not None and vale.reads_unknown(full))
                            )
                            and not ignore(full)
                            and first_time(full)
                        ):
                            yield full
            elif not self._ignored(given) and first_time(given):
                yield given
                if format_of(given) == "html":
                    for sheet in linked_stylesheets(given):
                        if not self._ignored(sheet) and first_time(sheet):
                            yield sheet

    def guide_format(self, path: str) -> str | None:
        """The format the guide's `formats:` gives `path` (None: none, or no guide)."""
        try:
            guide = self.linter_for(_guide_anchor(path)).guide
        except GuideError:
            return None  # reported when the file is linted
        return _mapped_format(path, guide)

    def _vale_folder(self, folder: str) -> ValeProject | None:
        try:
            return self.vale_project_for(os.path.join(folder, "x"))
        except GuideError:
            return None  # reported when a file is linted

    def _guide_maps(self, folder: str) -> tuple[tuple[str, str], ...]:
        try:
            return self.linter_for(os.path.join(folder, "x")).guide.format_globs
        except GuideError:
            return ()

    def _ignored(self, path: str) -> bool:
        return self._ignore_spec(os.path.dirname(path) or ".")(path)

    def _ignore_spec(self, root: str) -> Callable[[str], bool]:
        guide = self.linter_for(os.path.join(root, "x")).guide
        found: list[tuple[str, list[str]]] = []
        for base in {guide.root, os.path.abspath(root)}:
            ignore_file = os.path.join(base, ".brandlintignore")
            lines = list(guide.ignore) if base == guide.root else []
            if os.path.isfile(ignore_file):
                with open(ignore_file, encoding="utf-8") as handle:
                    lines += handle.read().splitlines()
            if lines:
                found.append((base, lines))
        if not found and not self.settings.exclude:
            return lambda path: False  # nothing to ignore: pathspec is not even imported
        import pathspec

        specs = [(base, pathspec.GitIgnoreSpec.from_lines(lines)) for base, lines in found]
        exclude = pathspec.GitIgnoreSpec.from_lines(self.settings.exclude)

        def ignored(path: str) -> bool:
            full = os.path.abspath(path)
            if exclude.match_file(os.path.relpath(full)) or exclude.match_file(path):
                return True
            return any(
                spec.match_file(os.path.relpath(full, base))
                for base, spec in specs
                if not os.path.relpath(full, base).startswith("..")
            )

        return ignored

    def lint_paths(self, paths: Sequence[str]) -> Iterator[tuple[str, list[Alert]]]:
        for path in self.files(paths):
            yield path, self.lint_file(path)


# rules of the guides this process has loaded, by id (Vale's JSON output shows a rule's
# `action`, which an alert does not carry)


def discover_config(folder: Path) -> Path | None:
    """The configuration nearest to a file's folder: the first folder upwards holding a
    brandlint guide or a Vale configuration file decides (a guide wins in its folder).
    `VALE_CONFIG_PATH`, when set, replaces the search for Vale files (as in Vale)."""
    from_env = os.environ.get(CONFIG_ENV)
    names = GUIDE_NAMES if from_env else GUIDE_NAMES + VALE_CONFIG_NAMES
    candidate = str(folder.resolve())
    while True:  # strings and os.path: this runs for every file linted
        for name in names:
            found = os.path.join(candidate, name)
            if os.path.isfile(found):
                return Path(found)
        parent = os.path.dirname(candidate)
        if parent == candidate:
            return Path(from_env) if from_env else None
        candidate = parent


MASK = "*"


def mask_regions(document: Document, regions: Sequence[tuple[int, int]]) -> Document:
    """The document with its copy from source `regions` masked: each such character (a
    line break aside) becomes `*`, as Vale's code spans read, so no rule matches there;
    a block left with nothing but masked copy is dropped. Offsets and positions of all
    other copy are unchanged."""
    if not regions:
        return document
    starts = [start for start, _ in regions]

    def covered(start: int, end: int) -> bool:
        """Whether source [start, end) overlaps a region (`end == start`: holds start)."""
        index = bisect.bisect_right(starts, start) - 1
        if index >= 0 and start < regions[index][1]:
            return True
        following = index + 1
        return following < len(regions) and regions[following][0] < max(end, start + 1)

    text = list(document.text)
    masked = False
    for segment in document.position_map.segments:
        if not covered(segment.source_start, segment.source_end):
            continue
        for offset in range(segment.text_start, segment.text_end):
            if segment.verbatim:
                source = segment.source_start + offset - segment.text_start
                if not covered(source, source + 1):
                    continue
            if text[offset] != "\n":
                text[offset] = MASK
                masked = True
    if not masked:
        return document
    joined = "".join(text)

    def left(block: Block) -> bool:
        copy = joined[block.start : block.end]
        return bool(copy.replace(MASK, "").strip()) or MASK not in copy

    blocks = tuple(b for b in document.blocks if left(b))
    return replace(document, text=joined, blocks=blocks)


def _regular_or_missing(path: str) -> bool:
    """False for what exists and is not a regular file (after links): a folder, a pipe, a
    device, a socket. os.stat never opens the file, so it cannot block on a pipe."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return True


def linked_stylesheets(path: str) -> list[str]:
    """Local CSS files an HTML file links with `<link rel="stylesheet">` that exist."""
    from brandlint.assets.image_files import resolve

    try:
        with open(path, "rb") as handle:
            document = read_document(path, handle.read())
    except (UnreadableFile, OSError):
        return []  # reported when the file itself is linted
    found = (resolve(path, href) for href in document.stylesheets)
    return [str(p) for p in found if p is not None and format_of(str(p)) == "css"]


def _guide_anchor(path: str) -> str:
    """The path whose folder decides the guide: copy with no file of its own (stdin, an
    editor's untitled buffer) uses the guide of the current folder."""
    return path if path != "<text>" else str(Path.cwd() / "stdin")


def unreadable_alert(path: str, message: str) -> Alert:
    return Alert(path, UNREADABLE, Level.ERROR, message, LineIndex("").span(0, 0), "")


class DocumentTooLarge(UnreadableFile):
    """A document over the size limit: not read further, so a huge file costs nothing."""

    def __init__(self, ceiling: int) -> None:
        super().__init__(
            f"Not checked: this document is over {ceiling:,} bytes, brandlint's limit "
            f"(split it, or raise {variable('document_bytes')})."
        )


def too_large_alert(path: str, exc: DocumentTooLarge) -> Alert:
    """One warning at the file's start: it was not checked, and why (not an error: a file
    nobody can split must not fail every run, but it is never skipped in silence)."""
    return Alert(path, TOO_LARGE, Level.WARNING, str(exc), LineIndex("").span(0, 0), "")


def _is_json(text: str) -> bool:
    import json

    try:
        json.loads(text)
    except ValueError:
        return False
    return True


@lru_cache(maxsize=64)
def _named_as_vale_config(path: str) -> bool:
    """`is_vale_config`, asked for every file about the few guides a run has."""
    return is_vale_config(path)


def _mapped_format(path: str, guide: Guide) -> str | None:
    """The format the guide's `formats:` globs give `path`, or None."""
    if not guide.format_globs:
        return None
    return _glob_value(relative_to_guide(path, guide.root), guide.format_globs)


def _glob_value(relative: str, globs: Iterable[tuple[str, str]]) -> str | None:
    for pattern, value in globs:
        if glob_match(pattern, relative):
            return value
    return None


def _channel_from_folders(path: str) -> str | None:
    for part in reversed(Path(path).parent.parts):
        if part.lower() in CHANNEL_FOLDERS:
            return CHANNEL_FOLDERS[part.lower()]
    return None
