"""Every rule kind, registered in one place. A new kind is one module plus one line here."""

from __future__ import annotations

from brandlint.checks.base import Rule
from brandlint.checks.capitalization import Capitalization
from brandlint.checks.conditional import Conditional
from brandlint.checks.consistency import Consistency
from brandlint.checks.existence import Existence
from brandlint.checks.occurrence import Occurrence
from brandlint.checks.repetition import Repetition
from brandlint.checks.substitution import Substitution
from brandlint.checks.term import Term

KINDS: dict[str, type[Rule]] = {
    kind.kind: kind
    for kind in (
        Existence,
        Substitution,
        Occurrence,
        Repetition,
        Consistency,
        Capitalization,
        Conditional,
        Term,
    )
}

# Vale kinds brandlint does not run yet: loading a style that uses them warns, never fails.
NOT_YET = frozenset({"spelling", "readability", "sequence", "metric", "script"})

# Keys every rule file may carry, whatever its kind.
COMMON_KEYS = frozenset(
    {
        "extends",
        "message",
        "level",
        "scope",
        "link",
        "description",
        "reason",
        "examples",
        "lang",
        "channels",
        "paths",
        "types",
        "per_channel",
        "id",
    }
)
