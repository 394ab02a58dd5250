"""The audit's result cache: a result is reused when the piece and its guide are unchanged.

The key hashes the brandlint version and the cache format, the guide (its file and every
rule file it loads), the piece's path and its bytes, and the channel and language it was
given. A result also records the size and time of the image files it judged (see
`audit.run`), which must still match. A rerun of an unchanged corpus reads results instead
of linting. Results are kept as readable JSON (`AuditedFile.to_json`); one that does not
read back as a record is a miss.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

from brandlint import __version__
from brandlint.audit.records import AuditedFile
from brandlint.guide.model import Guide

# Part of every key: raise it when a result means something else for the same input
# (2: words counted as `brandlint stats` counts them, not split on white space).
CACHE_FORMAT = 2


def guide_fingerprint(guide: Guide) -> str:
    digest = hashlib.sha256(f"{__version__}\0{CACHE_FORMAT}".encode())
    for path in sorted({guide.path or "", *(r.origin for r in guide.rules)}):
        digest.update(path.encode())
        try:
            digest.update(Path(path).read_bytes())
        except OSError:
            digest.update(b"?")
    return digest.hexdigest()


class ResultCache:
    def __init__(self, folder: str | None) -> None:
        self.folder = Path(folder) if folder else None
        self._root = str(self.folder) if self.folder else ""

    def key(
        self, guide: str, path: str, content: bytes, channel: str | None, lang: str | None
    ) -> str:
        digest = hashlib.sha256(guide.encode())
        for part in (path, channel or "", lang or ""):
            digest.update(part.encode() + b"\0")
        digest.update(content)
        return digest.hexdigest()

    def get(self, key: str) -> AuditedFile | None:
        if self.folder is None:
            return None
        try:
            # plain strings and bytes: a cached rerun reads one entry per piece, and
            # pathlib and decoding were a tenth of it
            with open(os.path.join(self._root, key[:2], key + ".json"), "rb") as handle:
                data = json.loads(handle.read())
            return AuditedFile.from_json(data)
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None  # missing, or not a record of this shape

    def put(self, key: str, result: AuditedFile) -> None:
        if self.folder is None:
            return
        target = self.folder / key[:2] / f"{key}.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(result.to_json(), out, ensure_ascii=False)
        os.replace(temporary, target)
