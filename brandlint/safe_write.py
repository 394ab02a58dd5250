"""Writing a fixed file back without ever losing it.

The file is read as bytes; its BOM and encoding (UTF-8) are remembered, and line endings
survive because edits are made in the decoded text as it was. The new content goes to a
temporary file in the same folder, is flushed to disk and then renamed over the original
(atomic on POSIX), with the original's permissions. If the file changed on disk since it was
read, nothing is written.
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


def read_for_update(path: str) -> ReadFile:
    with open(path, "rb") as handle:
        raw = handle.read()
    bom = raw.startswith(BOM)
    return ReadFile(path, raw, raw.decode("utf-8-sig"), bom)


def write_back(original: ReadFile, text: str) -> None:
    with open(original.path, "rb") as handle:
        if handle.read() != original.raw:
            raise ChangedOnDisk(original.path)
    data = (BOM if original.bom else b"") + text.encode("utf-8")
    folder = os.path.dirname(os.path.abspath(original.path))
    mode = stat.S_IMODE(os.stat(original.path).st_mode)
    handle_fd, temporary = tempfile.mkstemp(dir=folder, prefix=".brandlint-")
    try:
        with os.fdopen(handle_fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, original.path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
