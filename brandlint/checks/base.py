"""The small interface every rule kind implements.

A rule is compiled from a `RuleSpec` once. For each language it may register literal phrases
in the shared `PhraseIndex` (so thousands of terms cost one matcher pass, not one pass each);
then for each document it turns its hits, or its own look at the copy, into findings.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from brandlint.alerts import Level
from brandlint.errors import Problem
from brandlint.guide.model import RuleSpec

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from brandlint.assets.css import Declaration
    from brandlint.document.model import Block, Document
    from brandlint.matching import Hit, PhraseIndex


@dataclass(frozen=True)
class Finding:
    """What a rule found, in copy offsets; the engine maps it to the source."""

    start: int
    end: int
    message: str
    replacements: tuple[str, ...] = ()
    # offsets into the source instead of the copy: for what has no copy (an image's tag, a
    # colour in CSS); such a finding is fixable only when its rule offers replacements
    in_source: bool = False
    level: Level | None = None  # None: the rule's level


class BlockView:
    """A block with its spaCy doc (tokens, sentences, lemmas).

    Sentences are computed once: spaCy's `Doc.sents` walks every token on each access, and
    several rules ask for them.
    """

    __slots__ = ("block", "doc", "index", "text", "_sentences")

    def __init__(self, block: Block, doc: Doc, index: int, text: str) -> None:
        self.block = block
        self.doc = doc
        self.index = index
        self.text = text  # the block's copy; `Doc.text` would re-join every token each time
        self._sentences: list[Span] | None = None

    @property
    def sentences(self) -> list[Span]:
        if self._sentences is None:
            self._sentences = list(self.doc.sents)
        return self._sentences


class LintContext:
    """Everything a rule may read about one document."""

    def __init__(
        self,
        document: Document,
        views: Sequence[BlockView],
        hits: dict[int, list[Hit]],
        lemmas: bool,
        trained: bool = False,
        names: frozenset[str] = frozenset(),
    ) -> None:
        self.document = document
        self.views = views
        self._hits = hits
        self.has_lemmas = lemmas
        self.trained = trained  # a trained pipeline tagged and parsed the copy
        self.names = names  # exact-case names from the guide's terms (Kestrel Cloud, …)
        self._declarations: list[Declaration] | None = None

    @property
    def declarations(self) -> list[Declaration]:
        """The document's CSS declarations, parsed once for every asset rule."""
        if self._declarations is None:
            from brandlint.assets.css import declarations

            self._declarations = declarations(self.document.styles)
        return self._declarations

    def hits(self, rule: Rule) -> list[Hit]:
        return self._hits.get(id(rule), [])

    def woken(self) -> Iterable[int]:
        """Keys (`id(rule)`) of the rules the shared index found phrases for."""
        return self._hits.keys()

    def in_scope(self, rule: Rule) -> Iterator[BlockView]:
        for view in self.views:
            if rule.in_scope(view.block):
                yield view


def format_message(template: str, *values: str) -> str:
    """Vale-style `%s` substitution; extra `%s` stay empty, extra values are dropped."""
    parts = template.split("%s")
    out = [parts[0]]
    for i, part in enumerate(parts[1:]):
        out.append(values[i] if i < len(values) else "")
        out.append(part)
    return "".join(out).replace("%%", "%")


class Rule(ABC):
    """Base of every rule kind. Subclasses set `kind`, `keys` and implement `check`."""

    kind: ClassVar[str]
    keys: ClassVar[frozenset[str]] = frozenset()
    default_message: ClassVar[str] = "%s"
    default_scope: ClassVar[tuple[str, ...]] = ()

    def __init__(self, spec: RuleSpec, problems: list[Problem]) -> None:
        self.spec = spec
        self.options = spec.options
        self.scope = spec.scope or self.default_scope
        self.message = spec.message or self.default_message
        self.problems = problems
        self._exceptions: list[re.Pattern[str]] | None = None

    @property
    def id(self) -> str:
        return self.spec.id

    def in_scope(self, block: Block) -> bool:
        if not self.scope:
            return True
        positive = [s for s in self.scope if not s.startswith("~")]
        negative = [s for s in self.scope if s.startswith("~")]
        if positive and not any(block.in_scope(s) for s in positive):
            return False
        return all(block.in_scope(s) for s in negative)

    def register(self, index: PhraseIndex) -> None:
        """Add literal phrases to the shared index (once per language). Optional."""
        return None

    def needs_hits(self) -> bool:
        """True when every finding comes from the shared index: the engine then runs the
        rule only on documents where the index found its phrases, so 10,000 terms cost a
        document nothing until one of them occurs."""
        return False

    @abstractmethod
    def check(self, ctx: LintContext) -> Iterator[Finding]:
        """Findings for one document."""

    def targets(self, channel: str | None) -> dict[str, Any]:
        """The figures this rule holds copy to on `channel`, for `brandlint stats`."""
        return {}

    # -- helpers shared by kinds --------------------------------------------------------
    def option(self, key: str, default: Any = None) -> Any:
        return self.options.get(key, default)

    def setting(self, channel: str | None, key: str, default: Any = None) -> Any:
        """An option as it applies on `channel`: `per_channel: {sms: {max: 15}}` wins over
        the rule's own `max`, so one rule carries every channel's limit."""
        per_channel = self.options.get("per_channel") or {}
        own = per_channel.get(channel or "") if isinstance(per_channel, dict) else None
        if isinstance(own, dict) and key in own:
            return own[key]
        return self.options.get(key, default)

    def regex(
        self, pattern: str, key: tuple[str | int, ...], flags: int = 0
    ) -> re.Pattern[str] | None:
        """Compile a user regex; an invalid one becomes a positioned problem."""
        try:
            return re.compile(vale_regex(pattern), flags)
        except re.error as exc:
            self.problems.append(
                self.spec.problem(
                    key,
                    f"invalid regular expression {pattern!r}: {exc.msg} at position "
                    f"{exc.pos}; escape special characters with a backslash",
                )
            )
            return None

    def exceptions(self) -> list[re.Pattern[str]]:
        """The rule's exceptions, compiled once (rules run on every document)."""
        if self._exceptions is None:
            self._exceptions = self._compile_exceptions()
        return self._exceptions

    def _compile_exceptions(self) -> list[re.Pattern[str]]:
        flags = re.IGNORECASE if self.option("ignorecase") else 0
        out = []
        for text in self.option("exceptions", []) or []:
            try:
                out.append(re.compile(vale_regex(str(text)), flags))
            except re.error:  # not a regex: an exception may be any literal string
                out.append(re.compile(re.escape(str(text)), flags))
        return out

    @staticmethod
    def excepted(text: str, exceptions: list[re.Pattern[str]]) -> bool:
        return any(p.fullmatch(text) for p in exceptions)


_INLINE_FLAGS = re.compile(r"^\(\?([a-zA-Z]+)\)")


def vale_regex(pattern: str) -> str:
    """Vale uses Go's RE2 syntax; the differences that matter here are small.

    Go allows inline flags anywhere (`(?i)` mid-pattern); Python only at the start, so we
    keep leading ones and turn the rest into scoped groups when possible.
    """
    pattern = pattern.replace(r"\z", r"\Z")
    if "(?i)" in pattern[1:] and not pattern.startswith("(?i)"):
        head, _, tail = pattern.partition("(?i)")
        return f"{head}(?i:{tail})"
    return pattern


class PatternRule(Rule):
    """A rule whose matches come from phrases (shared index) and/or regexes over the copy."""

    def phrase_hits(self, ctx: LintContext) -> Iterator[tuple[Hit, str]]:
        """In-scope hits of this rule's phrases with their copy text, exceptions removed."""
        exceptions = self.exceptions()
        for hit in ctx.hits(self):
            view = ctx.views[hit.view]
            if not self.in_scope(view.block):
                continue
            text = ctx.document.text[hit.start : hit.end]
            if hit.start > 0 and ctx.document.text[hit.start - 1] in "#@":
                continue  # inside a hashtag or a handle: not running text
            base = view.block.start
            if not self._excepted_at(view.text, hit.start - base, hit.end - base, exceptions):
                yield hit, text

    def regex_matches(
        self, ctx: LintContext, pattern: re.Pattern[str]
    ) -> Iterator[tuple[int, re.Match[str]]]:
        """(block start offset, match) for every in-scope match, exceptions removed."""
        exceptions = self.exceptions()
        for view in ctx.in_scope(self):
            text = view.text
            for found in pattern.finditer(text):
                if found.end() > found.start() and not self._excepted_at(
                    text, found.start(), found.end(), exceptions
                ):
                    yield view.block.start, found

    def _excepted_at(
        self, text: str, start: int, end: int, exceptions: list[re.Pattern[str]]
    ) -> bool:
        """An exception is the match itself (as in Vale) or a phrase around it ("Free Trial"
        exempts the "Free" of a rule about "free")."""
        if not exceptions:
            return False
        if self.excepted(text[start:end], exceptions):
            return True
        return any(
            e.start() <= start and end <= e.end()
            for pattern in exceptions
            for e in pattern.finditer(text)
        )

    def action_replacements(self) -> tuple[str, ...]:
        """Replacements from a Vale `action` (remove / replace), for fixes."""
        action = self.option("action") or {}
        if not isinstance(action, dict):
            return ()
        name = action.get("name")
        params = [str(p) for p in action.get("params") or []]
        if name == "remove":
            return ("",)
        if name == "replace":
            return tuple(params)
        if name:
            self.problems.append(
                self.spec.problem(
                    ("action", "name"),
                    f"action {name!r} is not supported yet; the rule runs without a fix",
                    severity="warning",
                )
            )
        return ()


def word_pattern(alternatives: Sequence[str], *, nonword: bool, raw: str = "") -> str:
    """Vale's wrapping: `\\b(?:a|b)\\b`, or bare alternatives with `nonword`."""
    body = "|".join(alternatives)
    if nonword:
        return f"(?:{body}){raw}" if body else raw
    return rf"\b(?:{body})\b{raw}" if body else raw


def word_count(tokens: Iterable[Token]) -> int:
    """Words as a reader counts them: tokens with a letter or digit ("don't" is one word)."""
    return sum(
        1 for t in tokens if any(c.isalnum() for c in t.text) and not t.text.startswith(("'", "’"))
    )


def channel_label(channel: str | None) -> str:
    return f" for {channel} copy" if channel else ""
