"""The public engine API shared by the CLI and the language server.

A `Workspace` owns the linters of the guides it meets (each file uses the guide nearest to
it, unless one is forced), resolves each document's language and channel, and walks folders
honouring `.brandlintignore`, the guide's `ignore:` and `--exclude`.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from brandlint.core.alerts import Alert, Level
from brandlint.core.document import Document, LineIndex
from brandlint.core.errors import GuideError
from brandlint.core.globs import glob_match
from brandlint.document.reader import UnreadableFile, format_of, parse_document, read_document
from brandlint.fixer import FixResult, fix_source
from brandlint.guide.loader import discover_guide, load_guide
from brandlint.guide.model import Guide
from brandlint.linter import Linter, relative_to_guide
from brandlint.nlp.pipelines import Pipelines
from brandlint.packs import default_guide_path
from brandlint.safe_write import read_for_update, write_back
from brandlint.stats import VoiceMetrics

UNREADABLE = "brandlint.unreadable"
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


@dataclass(frozen=True)
class Settings:
    """What the user asked for on the command line or in the editor."""

    guide: str | None = None
    lang: str | None = None
    channel: str | None = None
    exclude: tuple[str, ...] = ()


@dataclass
class Workspace:
    settings: Settings = field(default_factory=Settings)
    pipelines: Pipelines = field(default_factory=Pipelines)
    _linters: dict[str, Linter] = field(default_factory=dict)

    # -- guides -----------------------------------------------------------------
    def guide_path_for(self, path: str | Path) -> Path:
        if self.settings.guide:
            return Path(self.settings.guide)
        return discover_guide(Path(path).parent if path else Path.cwd()) or default_guide_path()

    def linter_for(self, path: str | Path) -> Linter:
        guide_path = str(self.guide_path_for(path).resolve())
        linter = self._linters.get(guide_path)
        if linter is None:
            linter = Linter(load_guide(guide_path), self.pipelines)
            self._linters[guide_path] = linter
        return linter

    def reload_guides(self) -> list[GuideError]:
        """Load every guide in use again (one changed on disk). A guide that is now broken
        keeps its last good version, and its errors are returned."""
        failures = []
        for guide_path in list(self._linters):
            try:
                self._linters[guide_path] = Linter(load_guide(guide_path), self.pipelines)
            except GuideError as exc:
                failures.append(exc)
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
            or guide.lang
        )
        return replace(document, channel=str(channel) if channel else None, lang=str(lang))

    def document(
        self,
        path: str,
        text: str | None = None,
        *,
        format: str | None = None,
        lang: str | None = None,
        channel: str | None = None,
    ) -> Document:
        """The one document pipeline: read (unless `text` is given), decode, detect the
        format, parse the markup and its suppression comments, then settle language and
        channel. `check`, `fix`, `stats`, audit workers, `test-rules` and the language
        server all start here, so a document reads the same everywhere.

        `lang` and `channel` are declared by the caller (an audit export's columns, a rule
        example) and count as the document's own words. Raises `UnreadableFile`."""
        if text is None:
            try:
                with open(path, "rb") as handle:
                    data = handle.read()
            except OSError as exc:
                raise UnreadableFile(f"Cannot read this file: {exc.strerror or exc}.") from None
            document = read_document(path, data, format)
        else:
            document = parse_document(path, text, format)
        if channel:
            document = replace(document, meta={**document.meta, "channel": channel})
        if lang:
            document = replace(document, lang=lang)
        return self.prepare(document, self.linter_for(_guide_anchor(path)).guide)

    def lint(self, document: Document) -> list[Alert]:
        return self.linter_for(_guide_anchor(document.path)).lint(document)

    def lint_text(self, text: str, path: str = "<text>", format: str | None = None) -> list[Alert]:
        """Lint copy held in memory (an editor buffer, stdin); `path` picks guide and format."""
        return self.lint(self.document(path, text, format=format))

    def lint_file(self, path: str | Path) -> list[Alert]:
        path = str(path)
        try:
            document = self.document(path)
        except UnreadableFile as exc:
            return [unreadable_alert(path, str(exc))]
        return self.lint(document)

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
        try:
            original = read_for_update(path)
        except (OSError, UnicodeDecodeError) as exc:
            raise UnreadableFile(f"cannot be read as UTF-8 text ({exc})") from None
        result = self.fix_text(path, original.text, select=select, ignore=ignore)
        if write and result.changed:
            write_back(original, result.fixed)
        return result

    # -- folders -------------------------------------------------------------------
    def files(
        self, paths: Sequence[str], also: Callable[[str], bool] = lambda name: False
    ) -> Iterator[str]:
        """Files to lint under `paths`: named files always, folders by supported type (and
        files `also` accepts, such as an audit's CMS exports). A named HTML file brings the
        local stylesheets it links, so `check email.html` checks the CSS it is styled with
        (a folder's own CSS files are found by type). Each file comes once."""
        seen: set[str] = set()

        def first_time(path: str) -> bool:
            key = os.path.abspath(path)
            if key in seen:
                return False
            seen.add(key)
            return True

        for given in paths:
            if os.path.isdir(given):
                ignore = self._ignore_spec(given)
                for folder, dirs, names in os.walk(given):
                    dirs[:] = sorted(d for d in dirs if d not in _SKIP_DIRS)
                    for name in sorted(names):
                        full = os.path.join(folder, name)
                        if (
                            (format_of(name) or also(name))
                            and not ignore(full)
                            and first_time(full)
                        ):
                            yield full
            elif not self._ignored(given):
                if first_time(given):
                    yield given
                if format_of(given) == "html":
                    for sheet in linked_stylesheets(given):
                        if not self._ignored(sheet) and first_time(sheet):
                            yield sheet

    def _ignored(self, path: str) -> bool:
        return self._ignore_spec(os.path.dirname(path) or ".")(path)

    def _ignore_spec(self, root: str) -> Callable[[str], bool]:
        import pathspec

        guide = self.linter_for(os.path.join(root, "x")).guide
        specs: list[tuple[str, pathspec.PathSpec]] = []
        for base in {guide.root, os.path.abspath(root)}:
            ignore_file = os.path.join(base, ".brandlintignore")
            lines = list(guide.ignore) if base == guide.root else []
            if os.path.isfile(ignore_file):
                with open(ignore_file, encoding="utf-8") as handle:
                    lines += handle.read().splitlines()
            if lines:
                specs.append((base, pathspec.GitIgnoreSpec.from_lines(lines)))
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
