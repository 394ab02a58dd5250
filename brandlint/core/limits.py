"""The limits that keep brandlint's time and memory bounded on hostile or broken input.

brandlint runs where nobody watches (pre-commit hooks, CI on strangers' pull requests,
nightly audits), so every input that could grow without end has a ceiling, and going
over it is a clear message naming the file, never a hang. Each ceiling can be raised
through an environment variable, read when a run starts (a project with a very large
termbase, an audit of long exports), so no command line or guide has to carry them:

==============================  ===================  ==========================================
variable                        default              what it bounds
==============================  ===================  ==========================================
BRANDLINT_MAX_YAML_BYTES        8,000,000            one guide, rule file, copy deck or front
                                                     matter, in bytes of UTF-8
BRANDLINT_MAX_YAML_ALIAS_NODES  100,000              values YAML aliases may add by repeating
                                                     what an anchor names ("billion laughs")
BRANDLINT_MAX_YAML_DEPTH        100                  YAML nesting (lists in lists in …)
BRANDLINT_MAX_DOCUMENT_BYTES    8,000,000            one document to lint, in bytes of UTF-8
BRANDLINT_MAX_IMAGE_PIXELS      100,000,000          width × height an image header may declare
==============================  ===================  ==========================================
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields
from functools import lru_cache

from brandlint.core.errors import UsageError

_PREFIX = "BRANDLINT_MAX_"


@dataclass(frozen=True)
class Limits:
    """Ceilings on input size; `from_environment` applies the user's overrides."""

    yaml_bytes: int = 8_000_000
    yaml_alias_nodes: int = 100_000
    yaml_depth: int = 100
    document_bytes: int = 8_000_000
    image_pixels: int = 100_000_000

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] | None = None) -> Limits:
        """The defaults, each replaced by its `BRANDLINT_MAX_*` variable when set.
        Raises UsageError for a value that is not a whole number of 1 or more.

        Asked for each file read; the variables' values are looked up each time (a
        server's environment may change), their reading is done once per set of values."""
        environ = os.environ if environ is None else environ
        return _from_values(tuple(environ.get(name) for name in _VARIABLES))


def variable(limit: str) -> str:
    """The environment variable that sets the limit named `limit` (a field of Limits)."""
    return _PREFIX + limit.upper()


_VARIABLES = tuple(variable(item.name) for item in fields(Limits))


@lru_cache(maxsize=8)
def _from_values(values: tuple[str | None, ...]) -> Limits:
    """The limits the `_VARIABLES`' values (None: unset) give."""
    chosen: dict[str, int] = {}
    for item, name, value in zip(fields(Limits), _VARIABLES, values, strict=True):
        given = (value or "").strip().replace("_", "").replace(",", "")
        if not given:
            continue
        if not given.isdigit() or int(given) < 1:
            raise UsageError(
                f"{name}={value!r} is not a whole number of 1 or more; "
                "set it to a limit such as 8000000, or unset it for the default"
            )
        chosen[item.name] = int(given)
    return Limits(**chosen)


def exceeds(text: str, ceiling: int) -> bool:
    """Whether `text` is over `ceiling` bytes of UTF-8. A character is at least one byte,
    so a text longer than the ceiling is refused without encoding it."""
    return len(text) > ceiling or len(text.encode("utf-8", "surrogatepass")) > ceiling
