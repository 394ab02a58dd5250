"""The small interface every rule kind implements.

A rule is compiled from a `RuleSpec` once. For each language it may register literal phrases
in the shared `PhraseIndex` (so thousands of terms cost one matcher pass, not one pass each);
then for each document it turns its hits, or its own look at the copy, into findings.
"""

from __future__ import annotations

import bisect
import re
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar, overload

from brandlint.core import options
from brandlint.core.alerts import Level
from brandlint.core.categories import kind_category
from brandlint.core.document import scopes_match
from brandlint.core.errors import Problem
from brandlint.core.patterns import (
    PatternError,
    UserPattern,
    any_found,
    compile_exceptions,
    may_backtrack,
)
from brandlint.core.scopes import scope_problem, split_formats
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
    # how the hit's last word is inflected (`brandlint.matching.Form`): the term's letters
    # and the ending after them; None when the words stand as the phrase has them
    form: Any = None


@dataclass(frozen=True, slots=True)
class Finding:
    """What a rule found, in copy offsets; the engine maps it to the source.

    Slots: a long page holds tens of thousands of findings at once (55,000 on a 1 MB
    page), and a dict each was a third of their memory."""

    start: int
    end: int
    message: str
    replacements: tuple[str, ...] = ()
    # offsets into the source instead of the copy: for what has no copy (an image's tag, a
    # colour in CSS); such a finding is fixable only when its rule offers replacements
    in_source: bool = False
    level: Level | None = None  # None: the rule's level
    # the replacements are only suggested (the ending could not be rebuilt with
    # certainty, a pronoun or a word's number changes): editors offer them, `fix` never
    # applies them
    suggestion: bool = False
    detail: str = ""  # what the editor's hover adds to the message (`Alert.detail`)

    def __post_init__(self) -> None:
        # several replacements are a choice only a person can make
        if len(self.replacements) > 1 and not self.suggestion:
            object.__setattr__(self, "suggestion", True)


class GuideWording:
    """Where a document carries wording the guide itself requires: its required phrases
    ("Reply STOP to opt out."), product names and term spellings, in copy offsets.

    Tone rules leave these words alone: a guide cannot require "STOP" in capitals and
    forbid capitals in the same breath. Computed once per document (`LintContext.wording`).
    """

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self._starts = [start for start, _ in self.spans]

    def covers(self, start: int, end: int) -> bool:
        """Whether copy[start:end] lies wholly inside required wording."""
        at = bisect.bisect_right(self._starts, start) - 1
        return at >= 0 and self.spans[at][1] >= end and end > start

    @classmethod
    def find(cls, text: str, phrases: Iterable[str]) -> GuideWording:
        """The whole-word, exact-case occurrences of `phrases` in `text`."""
        present = sorted((p for p in phrases if p and p in text), key=len, reverse=True)
        if not present:
            return cls(())
        return cls(found.span() for found in _wording_pattern(tuple(present)).finditer(text))


def _wording_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    r"""`(?<!\w)(?:phrase|…)(?!\w)`, with the look-behind moved after each phrase's first
    character (`(?<!\w.)` there: the character before the phrase is no word character).
    A pattern that starts with a character lets the search skip ahead to where one of the
    phrases' first characters stands, instead of trying the pattern at every place."""
    alternation = "|".join(re.escape(p[0]) + r"(?<!\w(?s:.))" + re.escape(p[1:]) for p in phrases)
    return re.compile(rf"(?:{alternation})(?!\w)")


class BlockView:
    """A block with its spaCy doc (tokens, sentences, lemmas).

    Sentences are computed once: spaCy's `Doc.sents` walks every token on each access, and
    several rules ask for them.

    A long document is linted a part at a time (`brandlint.linter`): a spaCy doc costs
    about 5 KB however short its block, so a page of 18,000 paragraphs held every doc at
    once took 80 MB. Once the rules that read one block at a time have run on a part, its
    views `release` their docs; a rule that reads the whole document and asks for a
    block's doc again gets it made anew by `remake` (the same pipeline on the same copy
    gives the same tokens), and kept.
    """

    __slots__ = ("_doc", "_remake", "_sentences", "block", "index", "text")

    def __init__(
        self,
        block: Block,
        doc: Doc | None,
        index: int,
        text: str,
        remake: Callable[[BlockView], Doc] | None = None,
    ) -> None:
        self.block = block
        self._doc = doc
        self.index = index
        self.text = text  # the block's copy; `Doc.text` would re-join every token each time
        self._remake = remake
        self._sentences: list[Span] | None = None

    @property
    def doc(self) -> Doc:
        if self._doc is None:
            if self._remake is None:
                raise ValueError(f"block {self.index} has no doc and no way to make one")
            self._doc = self._remake(self)
        return self._doc

    @doc.setter
    def doc(self, doc: Doc) -> None:
        self._doc, self._sentences = doc, None

    def release(self) -> None:
        """Forget the doc and its sentences (made again by `remake` if asked for)."""
        self._doc = self._sentences = None

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
        wording: frozenset[str] = frozenset(),
    ) -> None:
        self.document = document
        self.views = views
        self._hits = hits
        self.has_lemmas = lemmas
        self.trained = trained  # a trained pipeline tagged and parsed the copy
        self.names = names  # exact-case names from the guide's terms (Kestrel Cloud, …)
        self.required = wording  # what the guide requires written so (`Rule.required_wording`)
        self._facts: dict[Callable[[LintContext], Any], Any] = {}

    def fact(self, compute: Callable[[LintContext], T]) -> T:
        """A fact about the document that several rules read (its CSS declarations, its
        word counts), computed by `compute` the first time a rule asks, then shared."""
        if compute not in self._facts:
            self._facts[compute] = compute(self)
        return self._facts[compute]  # type: ignore[no-any-return]

    def release(self) -> None:
        """Forget the facts: several refer back to this context, a cycle that reference
        counting cannot free, so without this every block's spaCy doc would stay in memory
        until the garbage collector's next full pass."""
        self._facts.clear()

    @property
    def wording(self) -> GuideWording:
        """Where this document carries the guide's required wording (see `GuideWording`)."""
        return self.fact(_find_wording)

    def part(self, views: Sequence[BlockView], hits: dict[int, list[Hit]]) -> LintContext:
        """This document seen through some of its blocks and their hits: what a rule that
        reads one block at a time needs. The required wording is the whole document's,
        found once, not once per part."""
        part = LintContext(
            self.document, views, hits, self.has_lemmas, self.trained, self.names, self.required
        )
        part._facts[_find_wording] = self.wording
        return part

    def hits(self, rule: Rule) -> list[Hit]:
        return self._hits.get(id(rule), [])

    def woken(self) -> Iterable[int]:
        """Keys (`id(rule)`) of the rules the shared index found phrases for."""
        return self._hits.keys()

    def in_scope(self, rule: Rule) -> Iterator[BlockView]:
        """The views of the blocks the rule reads. A block is chosen by its scopes alone,
        and a long document has thousands of blocks in a handful of scope sets, so the
        rule decides once per set."""
        chosen: dict[frozenset[str], bool] = {}
        for view in self.views:
            scopes = view.block.scopes
            selected = chosen.get(scopes)
            if selected is None:
                selected = chosen[scopes] = rule.in_scope(view.block)
            if selected:
                yield view


class PartViews(Sequence[BlockView]):
    """Consecutive views of a document (a part of it), each found at its index in the
    whole document, as a rule looks up the view of a hit (`ctx.views[hit.view]`)."""

    def __init__(self, views: list[BlockView]) -> None:
        self._views = views
        self._first = views[0].index if views else 0

    def __len__(self) -> int:
        return len(self._views)

    @overload
    def __getitem__(self, index: int) -> BlockView: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[BlockView]: ...
    def __getitem__(self, index: int | slice) -> BlockView | Sequence[BlockView]:
        if isinstance(index, slice):
            raise TypeError("a part's views are looked up one at a time, by block index")
        if not self._first <= index < self._first + len(self._views):
            raise IndexError(f"block {index} is not in this part")
        return self._views[index - self._first]

    def __iter__(self) -> Iterator[BlockView]:
        return iter(self._views)


def _find_wording(ctx: LintContext) -> GuideWording:
    return GuideWording.find(ctx.document.text, ctx.required | ctx.names)


_VERB = re.compile(r"%(?:\[(\d+)\])?s|%%")


@lru_cache(maxsize=4096)
def format_message(template: str, *values: str) -> str:
    """Vale's message formatting (Go's `fmt`): `%s` takes the next value, `%[2]s` the
    second; a verb with no value left is empty, extra values are dropped, `%%` is `%`.

    Remembered (a bounded memo of a pure function): a rule says the same words about the
    same phrase again and again, and one string for all of them is one string held, where
    a page with 55,000 findings held 55,000 copies of a dozen messages."""
    following = iter(range(len(values) + len(template)))

    def value(found: re.Match[str]) -> str:
        if found.group() == "%%":
            return "%"
        index = int(found.group(1)) - 1 if found.group(1) else next(following)
        return values[index] if 0 <= index < len(values) else ""

    return _VERB.sub(value, template)


class Rule(ABC):
    """Base of every rule kind.

    A kind sets `kind`, declares its options once as an `Options` dataclass (`Options`
    class attribute), and implements `check`. The options are parsed and checked when the
    rule is compiled, at guide load; a rule reads them as `self.opts.NAME`, or through
    `setting(channel, NAME)` for options that `per_channel` may override.
    """

    kind: ClassVar[str]
    Options: ClassVar[type[options.Options]] = options.NoOptions
    # scopes this kind understands beyond the document's (occurrence counts per `sentence`)
    extra_scopes: ClassVar[frozenset[str]] = frozenset()
    # findings are offsets in the file as written, not in its copy (Vale's `scope: raw`)
    reads_source: bool = False
    # the brand's own words: where such findings overlap, the longest speaks, and other
    # rules' findings on the same words are left out (the brand's term says it better)
    speaks_for_brand: ClassVar[bool] = False
    # a tone rule: the guide's required wording and term spellings are exempt from it (the
    # engine drops its findings that lie wholly inside them; see `GuideWording`)
    defers_to_guide_wording: ClassVar[bool] = False
    # findings are words or phrases the rule lists or recognizes: one that runs across code
    # or a component (read as a word by the reader, a gap in the copy) is not in the text
    finds_phrases: ClassVar[bool] = False
    default_message: ClassVar[str] = "%s"
    default_scope: ClassVar[tuple[str, ...]] = ()

    def __init__(self, spec: RuleSpec, problems: list[Problem]) -> None:
        self.spec = spec
        # Vale's `text.html`: the scope `text`, in HTML files only
        self.formats, self.scope = split_formats(spec.scope or self.default_scope)
        self.message = spec.message or self.default_message
        self.problems = problems
        # why this rule cannot fire (an option or scope brandlint cannot run): such a rule
        # is listed by `brandlint rules` but never loaded as if it worked
        self.skipped: str | None = None
        self.broken = False  # an option was reported as wrong
        values = {k: v for k, v in spec.options.items() if k != "per_channel"}
        # unknown keys and wrong values are reported and left out: the rest loads
        self.opts: Any = self.Options(
            **options.coerce_values(
                self.Options,
                values,
                self._report,
                rule=spec.id,
                kind=self.kind,
                unknown=None if spec.strict else self._unsupported,
            )
        )
        self._per_channel = self._channel_values(spec.options.get("per_channel"))
        self._check_scopes()
        self._exceptions: list[UserPattern] | None = None

    def _report(self, where: tuple[str | int, ...], message: str, key: bool = False) -> None:
        self.broken = True
        self.problems.append(self.spec.problem(where, message, on_key=key))

    def require(self, present: bool, message: str) -> None:
        """Report a rule that could never fire (`tokens` missing…), unless one of its
        options was already reported: the user fixes that first."""
        if not present and not self.broken:
            self._report((), f"{self.spec.id}: {message}")

    def _unsupported(self, where: tuple[str | int, ...], message: str) -> None:
        """A key brandlint does not know in a Vale rule file: the rule is not loaded, and
        the user is told why (rather than running a rule that ignores part of itself)."""
        self.skip(where, f"{message}; rule {self.spec.id} is not loaded")

    def skip(self, where: tuple[str | int, ...], message: str, *, on_key: bool = True) -> None:
        """Mark the rule as one that cannot fire, with a warning naming file and key."""
        self.skipped = self.skipped or message
        self.problems.append(self.spec.problem(where, message, "warning", on_key=on_key))

    def _check_scopes(self) -> None:
        """A scope no document carries would leave the rule dead: an error in a guide, and
        in a Vale rule file a warning with the rule left out."""
        for index, selector in enumerate(self.scope):
            problem = scope_problem(selector, self.extra_scopes)
            if problem is None:
                continue
            where = ("scope", index) if len(self.spec.scope) > 1 else ("scope",)
            if self.spec.strict:
                self._report(where, f"{self.spec.id}: {problem}")
            else:
                self.skip(where, f"{self.spec.id}: {problem}; the rule is not loaded", on_key=False)

    def _channel_values(self, per_channel: Any) -> dict[str, dict[str, Any]]:
        if per_channel is None:
            return {}
        if not isinstance(per_channel, Mapping):
            self._report(
                ("per_channel",),
                f"{self.spec.id}: 'per_channel' maps channels to settings, "
                "e.g. per_channel: {sms: {max: 15}}",
            )
            return {}
        out = {}
        for channel, values in per_channel.items():
            at = ("per_channel", channel)
            if not isinstance(values, Mapping):
                self._report(at, f"{self.spec.id}: settings for {channel} are a mapping")
                continue
            out[str(channel)] = options.coerce_values(
                self.Options,
                values,
                self._report,
                rule=self.spec.id,
                kind=self.kind,
                at=at,
                only=lambda declared: declared.per_channel,
            )
        return out

    @property
    def id(self) -> str:
        return self.spec.id

    @property
    def category(self) -> str:
        """The brand score this rule's alerts count in: the guide's word, else its kind's."""
        return self.spec.category or kind_category(self.kind)

    def in_scope(self, block: Block) -> bool:
        return scope_selects(self.scope, block)

    def register(self, index: PhraseIndex) -> None:
        """Add literal phrases to the shared index (once per language). Optional."""
        return None

    @property
    def per_block(self) -> bool:
        """Whether the findings in a block depend on that block's copy alone (with the
        document's channel and language), so an editor may keep them per block between
        edits (`brandlint.incremental`). A kind that reads each block on its own sets
        `per_block = True`; the default reads the whole document every time, which is
        always right, only slower."""
        return False

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

    def warm(self) -> None:
        """Load now what `check` loads on first use (a model, a heavy library). Called
        before worker processes fork from this one, so that they share one copy instead of
        each loading its own when its first document needs it. Optional."""
        return None

    def guide_pipelines(self, pipelines: Mapping[str, str]) -> None:
        """Told, once the guide is read, which languages it names a trained spaCy pipeline
        for: a kind that needs one (part-of-speech tags) can refuse to load without it."""
        return None

    def exact_names(self) -> tuple[str, ...]:
        """Names the guide requires written exactly so (product names): case rules such as
        heading capitalisation keep them as they are."""
        return ()

    def required_wording(self) -> tuple[str, ...]:
        """Wording the guide requires written exactly so (a disclaimer, a product name):
        tone rules leave it alone (see `GuideWording`)."""
        return self.exact_names()

    def spelling(self, text: str) -> str | None:
        """The spelling an audit counts for a phrase hit of this rule (so it can report
        "'Omni-channel' in 12 files"), or None when this rule's hits are not spellings."""
        return None

    # -- helpers shared by kinds --------------------------------------------------------
    def setting(self, channel: str | None, key: str) -> Any:
        """An option as it applies on `channel`: `per_channel: {sms: {max: 15}}` wins over
        the rule's own `max`, so one rule carries every channel's limit."""
        own = self._per_channel.get(channel or "")
        if own is not None and key in own:
            return own[key]
        return getattr(self.opts, key)

    def regex(self, pattern: str, key: tuple[str | int, ...], flags: int = 0) -> UserPattern | None:
        """Compile a user regex; an invalid one becomes a positioned problem, and one that
        may backtrack catastrophically a warning (its searches are bounded in time)."""
        try:
            compiled = UserPattern(pattern, flags)
        except PatternError as exc:
            self.problems.append(
                self.spec.problem(
                    key,
                    f"invalid regular expression {pattern!r}: {exc} at position "
                    f"{exc.position}; escape special characters with a backslash",
                )
            )
            return None
        if may_backtrack(pattern):
            self.problems.append(
                self.spec.problem(
                    key,
                    f"{self.spec.id}: the pattern {pattern!r} repeats a group that itself "
                    "repeats, which can take exponential time on some copy; each search "
                    f"stops after {compiled.budget:g} s (make the inner part atomic with (?>…))",
                    "warning",
                )
            )
        return compiled

    def exceptions(self) -> list[UserPattern]:
        """The rule's exceptions, compiled once (rules run on every document)."""
        if self._exceptions is None:
            texts = [str(text) for text in getattr(self.opts, "exceptions", ())]
            self._exceptions = compile_exceptions(texts)
        return self._exceptions

    @staticmethod
    def excepted(text: str, exceptions: list[UserPattern]) -> bool:
        """Whether an exception occurs in the matched `text` (Vale: a search, not an
        equality, so the exception `Free Trial` also covers a match `Free Trial's`)."""
        return any_found(exceptions, text.strip())


def scope_selects(scope: Sequence[str], block: Block) -> bool:
    """Vale scope selection: any positive selector must match and no `~` one may;
    `a & b` needs both at once; no selector at all selects every block."""
    return not scope or _selects(tuple(scope), block.scopes)


@lru_cache(maxsize=4096)
def _selects(scope: tuple[str, ...], scopes: frozenset[str]) -> bool:
    """`scope_selects` for a block in `scopes`. Rules ask for every block and every phrase
    hit, and a document's blocks fall into a handful of scope sets, so the answer depends
    on two immutable values and is remembered (a bounded memo of a pure function)."""
    positive = [s for s in scope if not s.startswith("~")]
    negative = [s for s in scope if s.startswith("~")]

    def matches(selector: str) -> bool:
        return all(scopes_match(scopes, part.strip()) for part in selector.split("&"))

    if positive and not any(matches(s) for s in positive):
        return False
    return all(matches(s) for s in negative)


# a letter or digit: `\w` less the underscore is exactly `str.isalnum` on each character,
# searched in C instead of a Python loop over the characters
_ALNUM = re.compile(r"[^\W_]")


def is_word(text: str) -> bool:
    """Whether a token's text is a word as a reader counts words: it has a letter or digit
    and does not start with an apostrophe (the clitic of "Kestrel's" adds no word)."""
    return _ALNUM.search(text) is not None and not text.startswith(("'", "’"))


def word_count(tokens: Iterable[Token]) -> int:
    """Words as a reader counts them: tokens that are words (`is_word`)."""
    return sum(1 for t in tokens if is_word(t.text))


def channel_label(channel: str | None) -> str:
    return f" for {channel} copy" if channel else ""
