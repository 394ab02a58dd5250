"""The small interface every rule kind implements.

A rule is compiled from a `RuleSpec` once. For each language it may register literal phrases
in the shared `PhraseIndex` (so thousands of terms cost one matcher pass, not one pass each);
then for each document it turns its hits, or its own look at the copy, into findings.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from brandlint.core.alerts import Level
from brandlint.core.errors import Problem
from brandlint.core.patterns import compile_exceptions, vale_regex
from brandlint.core.spec import RuleSpec

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from brandlint.core.document import Block, Document
    from brandlint.matching import PhraseIndex

T = TypeVar("T")


@dataclass(frozen=True)
class Hit:
    """A phrase found in a block: copy offsets plus what the rule attached to the phrase."""

    view: int
    start: int
    end: int
    token_start: int
    token_end: int
    payload: Any


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
        self._facts: dict[Callable[[LintContext], Any], Any] = {}

    def fact(self, compute: Callable[[LintContext], T]) -> T:
        """A fact about the document that several rules read (its CSS declarations, its
        word counts), computed by `compute` the first time a rule asks, then shared."""
        if compute not in self._facts:
            self._facts[compute] = compute(self)
        return self._facts[compute]  # type: ignore[no-any-return]

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
        texts = [str(text) for text in self.option("exceptions", []) or []]
        return compile_exceptions(texts, bool(self.option("ignorecase")))

    @staticmethod
    def excepted(text: str, exceptions: list[re.Pattern[str]]) -> bool:
        return any(p.fullmatch(text) for p in exceptions)


def word_count(tokens: Iterable[Token]) -> int:
    """Words as a reader counts them: tokens with a letter or digit ("don't" is one word)."""
    return sum(
        1 for t in tokens if any(c.isalnum() for c in t.text) and not t.text.startswith(("'", "’"))
    )


def channel_label(channel: str | None) -> str:
    return f" for {channel} copy" if channel else ""
