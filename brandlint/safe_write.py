"""Writing a fixed file back without ever losing it.

The file is read as bytes; its BOM and encoding (UTF-8) are remembered, and line endings
survive because edits are made in the decoded text as it was. The new content goes to a
temporary file in the same folder, is flushed to disk and then renamed over the original
(atomic on POSIX), with the original's permissions. If the file changed on disk since it was
read, nothing is written.

A symbolic link is written through: the temporary file goes beside the file the link points
to and replaces that file, so the link stays a link. Only regular files are read: a named
pipe or a device is refused before it is opened (reading a pipe would wait forever).
"""

from __future__ import annotations

import os
import stat
import tempfile
from dataclasses import dataclass

BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class ReadFile:
    path: str
    raw: bytes
    text: str
    bom: bool


class ChangedOnDisk(Exception):
    """The file is not what we read any more; it was left alone."""


class NotRegularFile(OSError):
    """A pipe, a device, a socket or a folder: not a file brandlint reads or rewrites."""


def read_for_update(path: str) -> ReadFile:
    if not stat.S_ISREG(os.stat(path).st_mode):
        raise NotRegularFile(f"{path}: not a regular file")
    # Opened without blocking and checked again: a pipe put there since is refused too.
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise NotRegularFile(f"{path}: not a regular file")
        raw = handle.read()
    bom = raw.startswith(BOM)
    return ReadFile(path, raw, raw.decode("utf-8-sig"), bom)


def write_back(original: ReadFile, text: str) -> None:
    with open(original.path, "rb") as handle:
        if handle.read() != original.raw:
            raise ChangedOnDisk(original.path)
    data = (BOM if original.bom else b"") + text.encode("utf-8")
    target = os.path.realpath(original.path)  # through links: the link stays a link
    folder = os.path.dirname(target)
    mode = stat.S_IMODE(os.stat(target).st_mode)
    handle_fd, temporary = tempfile.mkstemp(dir=folder, prefix=".brandlint-")
    try:
        with os.fdopen(handle_fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
