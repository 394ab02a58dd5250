"""The keys Vale's rule files may set, kind by kind, and where brandlint differs on one.

Whether brandlint reads a key comes from the code: a key its kind's `Options` (or the
settings every rule takes) declares is read. What the code cannot say is which keys Vale
has, and where a declared key behaves only partly as Vale's does: both are declared here,
once, so the compatibility table (`brandlint docs` → docs/reference/vale-compat.md) is
generated from them and a key Vale has that brandlint neither reads nor explains stops the
generation instead of going missing from the table.
"""

from __future__ import annotations

from typing import Literal

PINNED = "v3.7.1"  # Vale's release these lists come from (internal/check/*.go)

# Keys of `Definition`, which every check embeds (Name and Selector are set by Vale itself)
COMMON_KEYS: tuple[str, ...] = (
    "extends",
    "message",
    "description",
    "level",
    "scope",
    "link",
    "limit",
    "action",
)

# Each kind's own keys: the exported fields of its struct, as mapstructure reads them
VALE_KEYS: dict[str, tuple[str, ...]] = {
    "existence": ("tokens", "raw", "append", "ignorecase", "nonword", "exceptions", "vocab"),
    "substitution": ("swap", "ignorecase", "nonword", "exceptions", "vocab", "capitalize"),
    "occurrence": ("token", "max", "min", "ignorecase"),
    "repetition": ("tokens", "max", "ignorecase", "alpha", "vocab", "exceptions"),
    "consistency": ("either", "nonword", "ignorecase"),
    "conditional": ("first", "second", "exceptions", "ignorecase", "vocab"),
    "capitalization": (
        "match",
        "style",
        "exceptions",
        "indicators",
        "threshold",
        "vocab",
        "prefix",
    ),
    "readability": ("metrics", "grade"),
    "metric": ("formula", "condition"),
    "spelling": (
        "filters",
        "ignore",
        "exceptions",
        "dictionaries",
        "aff",
        "dic",
        "dicpath",
        "threshold",
        "custom",
        "append",
    ),
    "sequence": ("tokens", "ignorecase"),
    "script": ("script",),
}

Support = Literal["supported", "partly", "not"]

# Where the declaration alone would mislead: a key read but not quite as Vale reads it, or
# a key Vale has that brandlint does not read (with what happens instead).
KEY_NOTES: dict[tuple[str, str], tuple[Support, str]] = {
    ("sequence", "tokens"): (
        "partly",
        "a token's `tag` reads part-of-speech tags: English copy is tagged by Vale's own "
        "tagger and model, on brandlint's words (Vale's tokenizer splits a few otherwise, "
        "such as curly quotes); copy in another language needs a trained spaCy "
        "pipeline, else the rule says once per file that it did not check it",
    ),
    ("capitalization", "threshold"): (
        "partly",
        "read, not used: brandlint compares every word with the expected case",
    ),
    ("readability", "action"): (
        "not",
        "a readability rule has no fix: the key is a warning and the rule is not loaded",
    ),
    ("metric", "action"): (
        "not",
        "a metric rule has no fix: the key is a warning and the rule is not loaded",
    ),
    ("readability", "metrics"): (
        "partly",
        "on English copy Vale's five formulas on Vale's own counts (twine's syllables, "
        "sentences and words), so grades are Vale's; other languages have no Vale counts, "
        "so their grades come from textstat's where its formulas hold",
    ),
}
