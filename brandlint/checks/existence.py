"""`existence`: flag any of a list of words or patterns (Vale-compatible)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from brandlint.checks.literals import expand
from brandlint.checks.patterns import (
    MatchOptions,
    PatternRule,
    copy_holds,
    needs,
    word_pattern,
)
from brandlint.core.errors import Problem
from brandlint.core.options import option
from brandlint.core.patterns import UserPattern
from brandlint.core.rule import BlockView, Finding, LintContext, format_message
from brandlint.core.spec import RuleSpec
from brandlint.matching import PhraseIndex

if TYPE_CHECKING:
    from spacy.vocab import Vocab


@dataclass(frozen=True)
class ExistenceOptions(MatchOptions):
    """The keys a `existence` rule takes, each declared once (`brandlint.core.options`)."""

    tokens: tuple[str, ...] = option(
        (),
        doc="Words, phrases or regexes to flag, each matched as whole words.",
        example=["leverage", "synergy"],
    )
    raw: tuple[str, ...] = option(
        (),
        doc="Pieces of one regex, joined as they are (no word boundaries added).",
        example=["\\b(?:very|really)\\s+\\w+"],
    )
    append: bool = option(False, doc="Put `raw` after the tokens instead of replacing them.")
    nonword: bool = option(False, doc="Do not wrap tokens in word boundaries.")


class Existence(PatternRule):
    kind = "existence"
    finds_phrases = True
    per_block = True
    defers_to_guide_wording = True  # hype words inside the guide's own required wording
    Options = ExistenceOptions
    default_message = "Avoid '%s'."

    def __init__(self, spec: RuleSpec, problems: list[Problem]) -> None:
        super().__init__(spec, problems)
        tokens = list(self.opts.tokens)
        raw = "".join(self.opts.raw)
        nonword = self.opts.nonword
        self.ignorecase = self.opts.ignorecase
        self.require(bool(tokens or raw), "an existence rule needs 'tokens' or 'raw' to look for")
        self.literals: list[str] = []
        self.ranked: list[tuple[int, list[str]]] = []  # (place of the token, its words)
        regex_tokens: list[str] = []
        for rank, token in enumerate(tokens):
            words = None if (nonword or raw or self.reads_source) else expand(token)
            if words is None:
                regex_tokens.append(token)
            else:
                self.literals.extend(words)
                self.ranked.append((rank, words))
        # Vale searches its regex in the raw text, so a word glued to markup or inside a
        # URL (`![TODO](…)`, `https://TODO.com`: one spaCy token) is found too; a Vale rule
        # file (not a rule of a brandlint guide) looks for its words inside such tokens
        self.inner: UserPattern | None = None
        if self.literals and not spec.strict:
            longest = sorted(self.literals, key=len, reverse=True)
            either = "|".join(re.escape(w) for w in longest)
            self.inner = UserPattern(rf"\b(?:{either})\b", re.IGNORECASE if self.ignorecase else 0)
        # a document whose copy holds none of the words holds none inside a token either
        self._inner_needs = needs(self.inner) if self.inner is not None else None
        self.pattern: UserPattern | None = None
        if regex_tokens or raw:
            if raw and not self.opts.append and not tokens:
                source = raw
            else:
                source = word_pattern(
                    regex_tokens, nonword=nonword, raw=raw, append=self.opts.append
                )
            self.pattern = self.regex(source, ("tokens",), re.IGNORECASE if self.ignorecase else 0)
        self.prepare_search(self.pattern)

    def register(self, index: PhraseIndex) -> None:
        for rank, words in self.ranked:
            index.add(self, rank, words, "LOWER" if self.ignorecase else "ORTH")

    def needs_hits(self) -> bool:
        return self.pattern is None

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        # Vale searches one alternation of the tokens: where several match, the first one
        # listed wins and matches never overlap (`we` in "we've" before `we'(?:ve|re)`)
        reach = -1
        for start, _, end, text in sorted(self._matches(ctx)):
            if start >= reach:
                reach = end
                yield Finding(start, end, format_message(self.message, text), self.fixes(text))

    def _matches(self, ctx: LintContext) -> Iterator[tuple[int, int, int, str]]:
        """(start, place of the token in `tokens`, end, text) of each match."""
        for hit, text in self.phrase_hits(ctx):
            yield hit.start, hit.payload, hit.end, text
        if self.inner is not None and copy_holds(ctx, self._inner_needs):
            for start, end, text in self._inside_tokens(ctx, self.inner):
                yield start, 0, end, text
        if self.pattern is not None:
            for base, found in self.regex_matches(ctx, self.pattern):
                yield base + found.start(), 0, base + found.end(), found.group()

    def _inside_tokens(
        self, ctx: LintContext, inner: UserPattern
    ) -> Iterator[tuple[int, int, str]]:
        """(start, end, text) of each word found strictly inside one spaCy token, which
        the phrase index (whole tokens only) cannot see; exceptions removed."""
        exceptions = self.exceptions()
        for view, idx, word in ctx.fact(_glued_tokens):
            if not self.in_scope(view.block):
                continue
            for found in inner.finditer(word):
                if found.end() - found.start() == len(word):
                    continue  # the whole token: the phrase index has it
                start, end = idx + found.start(), idx + found.end()
                if start and view.text[start - 1] in "#@":
                    continue  # a hashtag or a handle, as for phrase hits
                if not self._excepted_at(view.text, start, end, exceptions):
                    yield view.block.start + start, view.block.start + end, found.group()


def _glued_tokens(ctx: LintContext) -> list[tuple[BlockView, int, str]]:
    """(view, offset in its copy, text) of each token holding a word and something else
    (`![TODO](/logo.png)`, a URL): found once per document for every Vale existence rule.
    Which spellings are such is a lexeme flag (`glued_flag`), so each block gives its few
    glued tokens in one array instead of a `Token` built for each of its tokens."""
    found: list[tuple[BlockView, int, str]] = []
    flags: dict[int, int] = {}  # id(vocab) → its flag: a document's blocks share one
    for view in ctx.views:
        doc = view.doc
        flag = flags.get(id(doc.vocab))
        if flag is None:
            flag = flags[id(doc.vocab)] = glued_flag(doc.vocab)
        for i in doc.to_array(flag).nonzero()[0].tolist():
            token = doc[i]
            found.append((view, token.idx, token.text))
    return found


def is_glued(text: str) -> bool:
    """Whether a token's text holds a letter or digit and something that is neither."""
    return not text.isalnum() and any(c.isalnum() for c in text)


def glued_flag(vocab: Vocab) -> int:
    """The id of the lexeme flag marking `is_glued` spellings in `vocab`, added the first
    time: every lexeme is judged then, and each new one as spaCy creates it."""
    for flag, getter in vocab.lex_attr_getters.items():  # type: ignore[attr-defined]
        if getter is is_glued:
            return int(flag)
    return int(vocab.add_flag(is_glued))
