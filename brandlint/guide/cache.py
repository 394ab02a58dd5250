"""The compiled-guide cache: a guide is parsed, validated and compiled once, then read back.

Loading a guide parses YAML in pure Python, validates it against the JSON Schema, compiles
every rule and checks the terms against each other: 0.1 s for the example guide, seconds
for a 10,000-term one, paid by every `brandlint check`, every audit worker and every
server start. The loaded `Guide` (its specs, compiled rules and warnings) is kept on disk.

An entry is found by the guide's resolved path, its project root, brandlint's version and
code, and the Python version. It is used only while every input is unchanged: the entry
lists each file the load opened and each folder it listed, with a digest of the file's
bytes or the folder's names, and the names in the folder of each file opened (a rule file
or vocabulary created beside the others changes what the guide holds). The inputs are
recorded as the load runs (a Python audit hook on `open` and folder listings), so no
reader has to declare what it reads. What a load only tests for (`is_file()` on a path that
is absent) is not recorded: such a file, created later in a folder the load never listed or
opened a file in, is seen once any recorded input changes.

Entries are pickles, and unpickling runs code: an entry is unpickled only once its
HMAC-SHA256, under a random key that only this user can read, checks out, and only from a
folder that this user owns and nobody else can write to. An entry that fails the check is
ignored (the guide is loaded from its files) and named in a warning: someone other than
brandlint wrote it.
"""

from __future__ import annotations

import contextvars
import gc
import hashlib
import hmac
import json
import os
import pickle
import secrets
import stat
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from brandlint.core.errors import Problem
from brandlint.core.user_cache import cache_key, not_yours, user_cache_root
from brandlint.guide.model import Guide

# Part of every key: raise it when an entry means something else for the same inputs.
CACHE_FORMAT = 1
MAGIC = b"brandlint compiled guide\n"
KEY_FILE = "hmac.key"
# entries kept: one per guide path; test runs and scratch guides would grow it forever
MAX_ENTRIES = 64
# files whose change is a change of code, covered by the code stamp
_CODE_SUFFIXES = (".py", ".pyc", ".pyi", ".so", ".pyd")

# The files and folders the load in this context reads (None: not recording). The audit
# hook that fills it is process-wide and cannot be removed, so it is installed once and
# records only inside `_recording`.
_READS: contextvars.ContextVar[set[tuple[str, str]] | None] = contextvars.ContextVar(
    "brandlint_guide_reads", default=None
)
_HOOKED: list[bool] = []


def _on_audit(event: str, args: tuple[object, ...]) -> None:
    if event not in ("open", "os.listdir", "os.scandir"):
        return
    reads = _READS.get()
    if reads is None or not args or not isinstance(args[0], str | bytes | os.PathLike):
        return
    path = os.fsdecode(args[0])  # type: ignore[arg-type]
    if event == "open":
        if not path.endswith(_CODE_SUFFIXES):
            reads.add(("file", os.path.abspath(path)))
    else:
        reads.add(("folder", os.path.abspath(path or ".")))


def _recording(load: Callable[[], Guide]) -> tuple[Guide, set[tuple[str, str]]]:
    if not _HOOKED:
        sys.addaudithook(_on_audit)
        _HOOKED.append(True)
    reads: set[tuple[str, str]] = set()
    token = _READS.set(reads)
    try:
        return load(), reads
    finally:
        _READS.reset(token)


def _digest(kind: str, path: str) -> str:
    try:
        if kind == "file":
            return hashlib.sha256(Path(path).read_bytes()).hexdigest()
        names = "\0".join(sorted(os.listdir(path)))
        return hashlib.sha256(names.encode("utf-8", "surrogateescape")).hexdigest()
    except OSError:
        return "-"  # absent or unreadable: that too is a state the guide was loaded in


def _manifest(reads: set[tuple[str, str]]) -> list[tuple[str, str, str]]:
    inputs = set(reads)
    inputs.update(("folder", os.path.dirname(p)) for kind, p in reads if kind == "file")
    return sorted((kind, path, _digest(kind, path)) for kind, path in inputs)


def _name(path: Path, root: Path) -> str:
    return cache_key(str(CACHE_FORMAT), str(path.resolve()), str(root))


@dataclass(frozen=True)
class GuideCache:
    """Compiled guides in `folder`, signed with this user's key."""

    folder: Path

    @classmethod
    def for_user(cls) -> GuideCache:
        return cls(user_cache_root() / "guides")

    def load(self, path: Path, root: Path, load: Callable[[], Guide]) -> Guide:
        """The guide at `path` (in the project at `root`): from its entry when every input
        is unchanged, else from `load()` (which reads its files), then stored. A load that
        raises stores nothing."""
        entry = self.folder / f"{_name(path, root)}.pickle"
        key, note = self._key()
        if key is not None:
            cached, note = self._read(entry, key)
            if cached is not None:
                return cached
        guide, reads = _recording(load)
        if key is not None:
            self._write(entry, key, guide, _manifest(reads))
        if note is not None:
            guide = replace(guide, warnings=(*guide.warnings, note))
        return guide

    # -- the key and the folder ---------------------------------------------------------------
    def _unsafe(self) -> Problem | None:
        """Why the folder or the key cannot be trusted, as a warning; None when they can
        (or when they do not exist yet)."""
        for target, private in ((self.folder, False), (self.folder / KEY_FILE, True)):
            shown = not_yours(target, 0o077 if private else 0o022, folder=not private)
            if shown is not None:
                return Problem(
                    str(target),
                    1,
                    1,
                    "the compiled-guide cache is not used: this "
                    f"{'key file' if private else 'folder'} is not yours alone (owner, "
                    f"permissions {shown}); delete it and brandlint creates a new one",
                    severity="warning",
                )
        return None

    def _key(self) -> tuple[bytes | None, Problem | None]:
        """This user's signing key, created on first use; None when the cache is off (with
        a warning when the folder or key is open to others)."""
        try:
            self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError:
            return None, None  # no writable cache folder (a read-only home): load from files
        unsafe = self._unsafe()
        if unsafe is not None:
            return None, unsafe
        key_path = self.folder / KEY_FILE
        try:
            handle = os.open(key_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass
        except OSError:
            return None, None
        else:
            with os.fdopen(handle, "wb") as out:
                out.write(secrets.token_bytes(32))
        try:
            key = key_path.read_bytes()
        except OSError:
            return None, None
        if len(key) != 32:
            message = "this key file of the compiled-guide cache is damaged; delete it"
            return None, Problem(str(key_path), 1, 1, message, severity="warning")
        return key, None

    # -- entries ------------------------------------------------------------------------------
    def _read(self, entry: Path, key: bytes) -> tuple[Guide | None, Problem | None]:
        """The entry's guide when it is signed and current; else None, with a warning when
        the entry was written by someone else."""
        try:
            info = os.lstat(entry)
            blob = entry.read_bytes() if stat.S_ISREG(info.st_mode) else b""
        except OSError:
            return None, None
        head = len(MAGIC)
        signature, body = blob[head : head + 32], blob[head + 32 :]
        expected = hmac.new(key, body, hashlib.sha256).digest()
        if (
            not blob.startswith(MAGIC)
            or info.st_uid != os.getuid()
            or not hmac.compare_digest(signature, expected)
        ):
            return None, Problem(
                str(entry),
                1,
                1,
                "this compiled-guide cache entry was not written by brandlint (its signature "
                "does not match); it was ignored, never loaded, and is replaced now",
                severity="warning",
            )
        size = int.from_bytes(body[:8], "big")
        manifest = [tuple(item) for item in json.loads(body[8 : 8 + size])]
        if any(_digest(kind, path) != digest for kind, path, digest in manifest):
            return None, None
        gc.disable()  # a 10,000-rule guide is a million objects: collecting them is 2/3 of it
        try:
            guide = pickle.loads(body[8 + size :])
        finally:
            gc.enable()
        return (guide if isinstance(guide, Guide) else None), None

    def _write(
        self, entry: Path, key: bytes, guide: Guide, manifest: list[tuple[str, str, str]]
    ) -> None:
        listed = json.dumps(manifest).encode()
        try:
            data = pickle.dumps(guide, protocol=pickle.HIGHEST_PROTOCOL)
        except (pickle.PicklingError, TypeError, AttributeError):
            return  # a rule holding an object pickle cannot carry: this guide loads each time
        body = len(listed).to_bytes(8, "big") + listed + data
        signature = hmac.new(key, body, hashlib.sha256).digest()
        try:
            handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".tmp-")
            with os.fdopen(handle, "wb") as out:
                out.write(MAGIC + signature + body)
            os.replace(temporary, entry)
            self._prune()
        except OSError:
            return  # a full disk: the next run loads from the files again

    def _prune(self) -> None:
        """Keep the MAX_ENTRIES most recently written entries."""
        entries = sorted(
            (e for e in os.scandir(self.folder) if e.name.endswith(".pickle")),
            key=lambda e: e.stat().st_mtime_ns,
            reverse=True,
        )
        for stale in entries[MAX_ENTRIES:]:
            Path(stale.path).unlink(missing_ok=True)
