"""`check --diff REF`: which lines of which files changed since a git revision.

A legacy content repository can adopt brandlint by holding only new copy to the guide: the
rules still read whole documents (a missing unsubscribe line, a page's length), and only
the alerts that start on an added or changed line are reported. Git says what changed:

- `git diff --unified=0 -M REF -- PATHS` gives each file's added lines against the working
  tree (so staged and unstaged edits both count), following renames: a file moved with
  light edits reports only the edited lines, not the whole file;
- `git ls-files --others --directory -- PATHS` gives the files git does not track (ignored
  ones too): they are wholly new, as is a changed file git shows as binary (a Word file
  has no lines to compare).
"""

from __future__ import annotations

import codecs
import os
import re
import subprocess
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from brandlint.core.alerts import Alert
from brandlint.core.errors import UsageError

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")
_BINARY = re.compile(r"^Binary files (?:.+) and (.+) differ$")


@dataclass(frozen=True)
class ChangedLines:
    """Changed lines per file (real, absolute paths), and the files new as a whole."""

    lines: dict[str, frozenset[int]] = field(default_factory=dict)
    new_files: frozenset[str] = frozenset()
    new_folders: tuple[str, ...] = ()  # untracked folders, each path ending in a separator

    def is_new(self, path: str) -> bool:
        real = _real(path)
        return real in self.new_files or real.startswith(self.new_folders)

    def keeps(self, alert: Alert) -> bool:
        """Whether the alert starts on a line added or changed since the revision."""
        if self.is_new(alert.path):
            return True
        return alert.span.line in self.lines.get(_real(alert.path), frozenset())

    def only_changed(self, alerts: Iterable[Alert]) -> list[Alert]:
        return [alert for alert in alerts if self.keeps(alert)]


def _real(path: str) -> str:
    return os.path.realpath(os.path.abspath(path))


def _git(args: Sequence[str], ref: str, cwd: str) -> str:
    """Run git; a failure (no repository, an unknown revision) is the user's to fix."""
    try:
        done = subprocess.run(
            ["git", "-c", "core.quotePath=false", *args],
            cwd=cwd,
            capture_output=True,
            check=False,
        )
    except FileNotFoundError:
        raise UsageError(f"--diff {ref}: git is not installed (or not on PATH)") from None
    if done.returncode != 0:
        said = done.stderr.decode("utf-8", "replace").strip().splitlines()
        why = said[0] if said else "not a revision of this repository"
        raise UsageError(f"--diff {ref}: {why}")
    return done.stdout.decode("utf-8", "surrogateescape")


def _unquote(name: str) -> str:
    """A path as git prints it in a diff header: C-quoted when it holds a tab, a newline,
    a quote or a backslash (core.quotePath=false keeps other characters as they are)."""
    if not (name.startswith('"') and name.endswith('"')):
        return name
    raw = codecs.escape_decode(name[1:-1].encode("utf-8", "surrogateescape"))[0]
    return bytes(raw).decode("utf-8", "surrogateescape")


def parse_diff(text: str, root: str) -> tuple[dict[str, frozenset[int]], frozenset[str]]:
    """Added line numbers per file (real path under `root`) from `git diff --unified=0`
    output, and the files it shows as binary. Paths carry git's `b/` prefix."""
    added: dict[str, set[int]] = {}
    binary: set[str] = set()
    current: str | None = None
    for line in text.splitlines():
        if line.startswith("+++ "):
            name = _unquote(line[4:].rstrip("\t"))
            current = None if name == "/dev/null" else _real(os.path.join(root, name[2:]))
            if current is not None:
                added.setdefault(current, set())
        elif (hunk := _HUNK.match(line)) and current is not None:
            start, count = int(hunk.group(1)), int(hunk.group(2) or 1)
            added[current].update(range(start, start + count))
        elif found := _BINARY.match(line):
            name = _unquote(found.group(1))
            if name != "/dev/null":
                binary.add(_real(os.path.join(root, name[2:])))
    return {path: frozenset(lines) for path, lines in added.items()}, frozenset(binary)


def changed_lines(ref: str, paths: Sequence[str], cwd: str | None = None) -> ChangedLines:
    """What changed under `paths` since git revision `ref`, in the repository at `cwd`."""
    cwd = cwd or os.getcwd()
    if ref.startswith("-"):
        raise UsageError(f"--diff {ref}: a revision does not start with '-'")
    root = _git(["rev-parse", "--show-toplevel"], ref, cwd).strip()
    _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], ref, cwd)
    pathspec = ["--", *paths]
    diff = _git(
        ["diff", "--unified=0", "-M", "--no-color", "--no-ext-diff", ref, *pathspec], ref, cwd
    )
    lines, binary = parse_diff(diff, root)
    others = _git(["ls-files", "-z", "--others", "--directory", *pathspec], ref, cwd)
    names = [name for name in others.split("\0") if name]
    files = {_real(os.path.join(cwd, name)) for name in names if not name.endswith("/")}
    folders = tuple(_real(os.path.join(cwd, name)) + os.sep for name in names if name.endswith("/"))
    return ChangedLines(lines, frozenset(files) | binary, folders)
