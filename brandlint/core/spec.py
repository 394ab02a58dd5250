"""A rule as written in a guide or a rule file, before it is compiled, and the filters
(language, channel, path, content type) that decide where it runs."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Literal

from brandlint.core.alerts import Level
from brandlint.core.categories import Chosen
from brandlint.core.errors import Problem
from brandlint.core.locale import tag_applies
from brandlint.core.located import LocatedYaml, Path
from brandlint.core.options import Options, option


@dataclass(frozen=True)
class RuleSettings(Options):
    """Settings every rule takes, whatever its kind (the kind's own options come on top)."""

    extends: str = option(
        "",
        doc="The rule kind (existence, substitution, term, …) of a rule file or an inline "
        "rule under `rules:`.",
        example="existence",
    )
    id: str = option("", doc="The rule's id, when it should differ from the file or term name.")
    message: str = option(
        "", doc="What the alert says; `%s` stands for the words matched.", example="Avoid '%s'."
    )
    level: Literal["suggestion", "warning", "error"] = option(
        "warning", doc="How serious a finding is; `--fail-level` compares with it."
    )
    scope: tuple[str, ...] = option(
        (),
        doc="Where in a document the rule looks: scope names (heading, paragraph, alt, "
        "meta.title, …), `~` to exclude, `&` to require two at once.",
        example=["heading"],
    )
    link: str = option("", doc="A page that explains the rule, shown with the alert.")
    reason: str = option("", doc="Why the rule exists, in the guide's words.")
    category: Chosen = option(
        "",
        doc="The brand score the rule's alerts count in (none: its kind's, see docs/scores.md).",
        example="clarity",
    )
    description: str = option("", doc="Vale's name for `reason`.")
    lang: tuple[str, ...] = option(
        (), doc="Languages the rule applies to (none: all); `~` excludes.", example=["en"]
    )
    channels: tuple[str, ...] = option(
        (), doc="Channels the rule applies to (none: all); `~` excludes.", example=["sms"]
    )
    paths: tuple[str, ...] = option(
        (),
        doc="Path globs, relative to the guide, the rule applies to; `~` excludes.",
        example=["content/legal/**"],
    )
    types: tuple[str, ...] = option(
        (),
        doc="Content types (front matter `type:`) the rule applies to; `~` excludes.",
        example=["~legal"],
    )
    examples: Mapping[str, tuple[str, ...]] = option(
        None,
        doc="Copy the rule must flag and copy it must pass, run by `brandlint test-rules`.",
        example={"flag": ["We leverage synergy."], "pass": ["We use it."]},
    )
    limit: int = option(0, doc="At most this many alerts of the rule per document (0: all).")
    per_channel: Mapping[str, Mapping[str, Any]] = option(
        None,
        doc="Option values for one channel, over the rule's own.",
        example={"sms": {"max": 15}},
    )


@dataclass(frozen=True)
class RuleSpec:
    """One rule as written in a guide or rule file, before it is compiled.

    `options` holds the kind's own keys (tokens, swap, max, …). `located` and `at` point at
    the rule's mapping in its YAML file so compile errors can name a line and column.
    """

    id: str
    kind: str
    level: Level
    message: str = ""
    options: Mapping[str, Any] = field(default_factory=dict)
    scope: tuple[str, ...] = ()
    link: str = ""
    reason: str = ""
    category: str = ""  # empty: the kind's default (`brandlint.core.categories`)
    langs: tuple[str, ...] = ()
    channels: tuple[str, ...] = ()
    paths: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    flag_examples: tuple[str, ...] = ()
    pass_examples: tuple[str, ...] = ()
    limit: int = 0
    origin: str = ""
    # a Vale rule file may carry keys of newer Vale versions: unknown keys there are
    # warnings (and the rule is not loaded); in a brandlint guide they are errors
    strict: bool = True
    located: LocatedYaml | None = field(default=None, compare=False, repr=False)
    at: Path = ()

    def problem(
        self, key: Path, message: str, severity: str = "error", *, on_key: bool = False
    ) -> Problem:
        """A problem located at one of this rule's keys (or at the rule if unknown)."""
        if self.located is None:
            return Problem(self.origin or self.id, 1, 1, message, severity)
        return self.located.problem((*self.at, *key), message, severity=severity, key=on_key)

    def may_run_in(self, lang: str) -> bool:
        """Whether the rule can run on copy of this pipeline language (`en`): its language
        filter includes that language or one of its regions (`en-US`), or only excludes."""
        include = [a for a in self.langs if not a.startswith("~")]
        return not include or any(
            a.replace("_", "-").split("-")[0].lower() == lang for a in include
        )

    def applies_to(
        self,
        lang: str | None,
        channel: str | None,
        path: str = "",
        kind: str = "",
        tag: str = "",
    ) -> bool:
        """Whether the rule runs on a document of this language, channel, guide-relative
        path and content type (front matter `type:`), with `tag` the document's language
        tag as given (`en-US`) beside its pipeline language `lang` (`en`). Filter entries
        starting with `~` exclude: `types: [~legal]` is every document except legal pages.
        Asked for every rule and document: most rules have no filter at all, which is
        answered first."""
        if not (self.langs or self.channels or self.types or self.paths):
            return True
        return (
            _lang_passes(self.langs, lang or "", tag)
            and passes(self.channels, channel or "")
            and passes(self.types, kind)
            and passes(self.paths, path, globs=True)
        )


@lru_cache(maxsize=1024)
def _lang_passes(allowed: tuple[str, ...], lang: str, tag: str) -> bool:
    """`passes` for language filters. An entry matches the document's language as the
    pipelines name it (`no` copy is `nb`), and its language tag along the fallback chain
    termbases and locales use: `en` takes `en-US` copy, `en-US` only `en-US` copy.
    Remembered as `_passes` is."""
    if not allowed:
        return True
    include = [a for a in allowed if not a.startswith("~")]
    exclude = [a[1:] for a in allowed if a.startswith("~")]

    def hit(entry: str) -> bool:
        return entry == lang or (bool(tag) and tag_applies(entry, tag))

    if any(hit(entry) for entry in exclude):
        return False
    return not include or any(hit(entry) for entry in include)


def passes(allowed: tuple[str, ...], value: str, *, globs: bool = False) -> bool:
    """An empty filter lets everything through; `~x` entries exclude, others include."""
    return not allowed or _passes(allowed, value, globs)


@lru_cache(maxsize=4096)
def _passes(allowed: tuple[str, ...], value: str, globs: bool) -> bool:
    """`passes` for a filter with entries. Rules ask once per document, and documents share
    a handful of languages, channels and content types, so the answer depends on three
    immutable values and is remembered (a bounded memo of a pure function)."""

    def hit(pattern: str) -> bool:
        if not globs:
            return pattern == value
        from brandlint.core.globs import glob_match

        return glob_match(pattern, value)

    include = [a for a in allowed if not a.startswith("~")]
    exclude = [a[1:] for a in allowed if a.startswith("~")]
    if any(hit(pattern) for pattern in exclude):
        return False
    return not include or any(hit(pattern) for pattern in include)
