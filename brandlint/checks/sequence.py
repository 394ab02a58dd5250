"""`sequence`: a run of words described token by token, by text and part-of-speech tag
(Vale-compatible, for grammar rules such as LanguageTool's).

Each entry of `tokens` has a `pattern` (a regex the word must match as a whole), a `tag` (a
regex searched in the word's tag, so `NN` also covers `NNS` and `NNP` as in Vale; `VB|VBN`
takes either), `negate` (the word must match neither) and `skip` (up to that many other
words may stand between this token and its neighbour towards the anchor). The first token
with a pattern is the anchor: wherever it matches, the tokens before it are matched
leftwards and those after it rightwards, within one sentence. The alert spans the words
from the first token to the last, and `%[n]s` in the message is the n-th of those words
(`%s` the next one).

Hyphenated compounds are one word (`meet-ups`). Tags (Penn Treebank) come from the trained
spaCy pipeline the guide names under `pipelines:` for the copy's language (`token.tag_`; a
compound is tagged as its last part), else, for English, from Vale's own tagger
(`brandlint.nlp.perceptron`), so Vale's English grammar rules give Vale's alerts out of the
box; it also fills in for a named pipeline that has no tagger. It tags each sentence's words
as Vale's tokenizer would hand them to it: a compound whole, a straight double quote as
Treebank's opening or closing quote. Copy in another language with no tags gets one note
that the rule did not check it, unless the guide already said so when it loaded.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from brandlint.checks.patterns import MatchOptions, PatternRule
from brandlint.core.alerts import Level
from brandlint.core.errors import Problem
from brandlint.core.options import Options, option
from brandlint.core.rule import Finding, LintContext, format_message
from brandlint.core.spec import RuleSpec
from brandlint.nlp.perceptron import LANG, vale_tagger
from brandlint.nlp.pipelines import normalize_lang
from brandlint.nlp.tagger import SHIPPED_TAGS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

_HYPHENS = ("-", "\u2010", "\u2011")  # hyphen-minus, hyphen, non-breaking hyphen


@dataclass(frozen=True)
class SequenceToken(Options):
    """One token of a sequence."""

    pattern: str = option("", doc="A regex the word must match (as a whole word).", example="be")
    tag: str = option(
        "", doc="A regex searched in the word's part-of-speech tag (VB|VBN).", example="JJ"
    )
    skip: int = option(
        0,
        doc="Up to this many words may stand between this token and its neighbour towards "
        "the anchor.",
    )
    negate: bool = option(False, doc="The word must match neither the pattern nor the tag.")


@dataclass(frozen=True)
class SequenceOptions(MatchOptions):
    """The keys a `sequence` rule takes, each declared once (`brandlint.core.options`)."""

    tokens: tuple[SequenceToken, ...] = option(
        (),
        doc="The words of the sequence in order, each with a `pattern`, a `tag` or both "
        "(and `skip`, `negate`); at least one has a pattern.",
        example=[{"tag": "MD"}, {"pattern": "be"}, {"tag": "JJ"}, {"tag": "VB|VBN"}],
    )


@dataclass(frozen=True)
class _Step:
    """A compiled token."""

    pattern: Any  # a compiled user pattern (or None)
    tag: Any
    skip: int
    negate: bool

    def matches(self, word: _Word) -> bool:
        """Vale's rule: each part given must match (with `negate`, must not match)."""
        if self.pattern is None and self.tag is None:
            return True
        if self.tag is not None and (self.tag.search(word.tag) is not None) == self.negate:
            return False
        return not (
            self.pattern is not None
            and (self.pattern.fullmatch(word.text) is not None) == self.negate
        )


@dataclass(frozen=True)
class _Word:
    text: str
    tag: str
    start: int  # in the block
    end: int


class Sequence(PatternRule):
    kind = "sequence"
    Options = SequenceOptions
    default_message = "'%s' is not used this way."

    def __init__(self, spec: RuleSpec, problems: list[Problem]) -> None:
        super().__init__(spec, problems)
        # Vale reads a sequence in each sentence alone whatever the rule's scope says, and
        # places its alerts so (`--vale-compat`)
        if "sentence" not in self.scope:
            self.scope = (*self.scope, "sentence")
        self.steps: list[_Step] = []
        flags = "(?i)" if self.opts.ignorecase else ""
        for index, token in enumerate(self.opts.tokens):
            where = ("tokens", index)
            pattern = (
                self.regex(flags + token.pattern, (*where, "pattern")) if token.pattern else None
            )
            tag = self.regex(token.tag, (*where, "tag")) if token.tag else None
            if (token.pattern and pattern is None) or (token.tag and tag is None):
                self.broken = True
            self.steps.append(_Step(pattern, tag, token.skip, token.negate))
        anchors = [i for i, t in enumerate(self.opts.tokens) if t.pattern and not t.negate]
        self.require(
            bool(anchors),
            "a sequence rule needs at least one token with a 'pattern' (not negated): "
            "it anchors the sequence",
        )
        self.anchor = anchors[0] if anchors else -1
        self.tagged = any(t.tag for t in self.opts.tokens)
        # set when the guide is known to have no tagger for the rule's languages (the rule
        # is then not loaded, and says so at load)
        self.warned_at_load = False

    def warm(self) -> None:
        """Vale's tagger model, which tagged steps read in English copy: a rule for other
        languages only never loads it."""
        if self.tagged and not self.skipped and self.spec.may_run_in(LANG):
            vale_tagger()

    def guide_pipelines(self, pipelines: Mapping[str, str]) -> None:
        """Told, once the guide is read, which languages it names a trained pipeline for:
        a rule with tags for languages with neither that nor a shipped tagger is not
        loaded, with a warning. A rule for every language loads (English has a tagger)."""
        if not self.tagged:
            return
        langs = [lang for lang in self.spec.langs if not lang.startswith("~")]
        missing = [
            lang for lang in langs if normalize_lang(lang) not in (*pipelines, LANG)
        ]  # `en-US` is English, which the shipped tagger serves
        if missing:
            which = ", ".join(f"'{lang}'" for lang in missing)
            self.warned_at_load = True
            self.skip(
                ("tokens",),
                f"{self.id}: part-of-speech tags need a trained spaCy pipeline for {which}, "
                "named under the guide's `pipelines:` (brandlint ships a tagger for English "
                "only); the rule is not loaded",
            )

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        if self.anchor < 0:
            return
        lang = ctx.document.lang or "en"  # normalized by the linter
        # Vale's tagger knows English only: other copy needs its own pipeline's tags
        if (
            self.tagged
            and lang != LANG
            and any(len(view.doc) and not _own_tags(ctx, view.doc) for view in ctx.in_scope(self))
        ):
            if not self.warned_at_load:
                message = (
                    f"{self.id} did not check this copy: its tokens need part-of-speech "
                    f"tags from a trained spaCy pipeline for '{lang}' (the guide's "
                    "`pipelines:`; brandlint ships a tagger for English only)."
                )
                yield Finding(0, 0, message, in_source=True, level=Level.SUGGESTION)
            return
        exceptions = self.exceptions()
        known: dict[tuple[int, int, bool], list[_Word]] = ctx.fact(_sentence_words)
        for view in ctx.in_scope(self):
            base = view.block.start
            retag = self.tagged and not _own_tags(ctx, view.doc)
            for sentence in view.sentences:
                key = (view.index, sentence.start, retag)
                words = known.get(key)
                if words is None:
                    words = _words(sentence, view.text)
                    if retag:
                        words = _vale_tagged(words, view.text, sentence.start_char)
                    known[key] = words
                for first, last in self._matches(words):
                    start, end = words[first].start, words[last].end
                    if self._excepted_at(view.text, start, end, exceptions):
                        continue
                    steps = [w.text for w in words[first : last + 1]]
                    yield Finding(
                        base + start,
                        base + end,
                        format_message(self.message, *steps),
                        self.fixes(view.text[start:end]),
                    )

    def _matches(self, words: list[_Word]) -> Iterator[tuple[int, int]]:
        anchor = self.steps[self.anchor]
        for at, word in enumerate(words):
            if not anchor.matches(word):
                continue
            first = self._extend(words, at, range(self.anchor - 1, -1, -1), -1)
            last = self._extend(words, at, range(self.anchor + 1, len(self.steps)), 1)
            if first is not None and last is not None:
                yield first, last

    def _extend(self, words: list[_Word], at: int, order: range, way: int) -> int | None:
        """Match the tokens in `order` going `way` (-1 left, 1 right) from word `at`; the
        index of the last word matched, or None. Each token is the first matching word
        within its window (one word, plus `skip`)."""
        gap = self.steps[self.anchor].skip if way > 0 else 0
        for index in order:
            step = self.steps[index]
            if step.pattern is None and step.tag is None:
                gap += step.skip  # a token of nothing but `skip`: a gap
                continue
            window = gap + step.skip
            gap = 0
            for offset in range(1, window + 2):
                position = at + way * offset
                if not 0 <= position < len(words):
                    return None
                if step.matches(words[position]):
                    at = position
                    break
            else:
                return None
        return at


def _sentence_words(ctx: LintContext) -> dict[tuple[int, int, bool], list[_Word]]:
    """The words of each sentence a sequence rule read (keyed by block, first token and
    whether Vale's tagger tagged them), shared by the document's other sequence rules:
    tagging costs more than matching."""
    return {}


def _own_tags(ctx: LintContext, doc: Doc) -> bool:
    """The copy's own pipeline tagged it (not the tagger shipped for other rules)."""
    return ctx.trained and doc.has_annotation("TAG") and not doc.user_data.get(SHIPPED_TAGS)


def _words(sentence: Span, text: str) -> list[_Word]:
    """The sentence's words (white space left out), hyphenated compounds joined and tagged
    as their last part; `text` is the block's copy (`Doc.text` would join every token again
    on each call)."""
    out: list[_Word] = []
    tokens = [t for t in sentence if not t.is_space]
    index = 0
    while index < len(tokens):
        token = tokens[index]
        start, end, tag = token.idx, token.idx + len(token.text), token.tag_
        while (
            index + 2 < len(tokens)
            and tokens[index + 1].text in _HYPHENS
            and not tokens[index].whitespace_
            and not tokens[index + 1].whitespace_
            and tokens[index].text[-1:].isalnum()
            and tokens[index + 2].text[:1].isalnum()
        ):
            index += 2
            end = tokens[index].idx + len(tokens[index].text)
            tag = tokens[index].tag_
        out.append(_Word(text[start:end], tag, start, end))
        index += 1
    return out


def _vale_tagged(words: list[_Word], text: str, first: int) -> list[_Word]:
    """The words with Vale's tagger's tags, given the words as Vale's Treebank tokenizer
    hands them to it: a hyphenated compound whole, and a straight double quote as an
    opening quote (``) at the start of the sentence (`first`) or after a space, else as a
    closing one ('')."""
    readings = [
        word.text
        if word.text != '"'
        else ("``" if word.start == first or text[word.start - 1] == " " else "''")
        for word in words
    ]
    tags = vale_tagger().tag(readings)
    return [
        _Word(word.text, tag, word.start, word.end) for word, tag in zip(words, tags, strict=True)
    ]
