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

Tags (`token.tag_`: Penn Treebank, the tag set of Vale's tagger) come from the trained spaCy
pipeline the guide names under `pipelines:` for the copy's language, else, for English, from
the tagger shipped in the wheel (`brandlint.nlp.tagger`), so Vale's English grammar rules
work out of the box; the shipped tagger also fills in for a named pipeline that has no
tagger. Copy in another language with no tags gets one note that the rule did not check it,
unless the guide already said so when it loaded. Hyphenated
compounds are one word (`meet-ups`), tagged as their last part.
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
from brandlint.nlp.tagger import shipped_tagger, tagger_folder

if TYPE_CHECKING:
    from spacy.tokens import Span

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

    def guide_pipelines(self, pipelines: Mapping[str, str]) -> None:
        """Told, once the guide is read, which languages it names a trained pipeline for:
        a rule with tags for languages with neither that nor a shipped tagger is not
        loaded, with a warning. A rule for every language loads (English has a tagger)."""
        if not self.tagged:
            return
        langs = [lang for lang in self.spec.langs if not lang.startswith("~")]
        missing = [lang for lang in langs if lang not in pipelines and tagger_folder(lang) is None]
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
        if self.tagged:
            # a trained pipeline without a tagger leaves the tags empty, as the blank one does
            untagged = [
                view.doc
                for view in ctx.in_scope(self)
                if len(view.doc) and not view.doc.has_annotation("TAG")
            ]
            if untagged:
                lang = ctx.document.lang or "en"  # normalized by the linter
                tagger = shipped_tagger(lang)
                if tagger is None:
                    if not self.warned_at_load:
                        message = (
                            f"{self.id} did not check this copy: its tokens need part-of-speech "
                            f"tags from a trained spaCy pipeline for '{lang}' (the guide's "
                            "`pipelines:`; brandlint ships a tagger for English only)."
                        )
                        yield Finding(0, 0, message, in_source=True, level=Level.SUGGESTION)
                    return
                tagger.tag(untagged)
        exceptions = self.exceptions()
        for view in ctx.in_scope(self):
            base = view.block.start
            for sentence in view.sentences:
                words = _words(sentence, view.text)
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


def _words(sentence: Span, text: str) -> list[_Word]:
    """The sentence's words (white space left out), hyphenated compounds joined; `text` is
    the block's copy (`Doc.text` would join every token again on each call)."""
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
