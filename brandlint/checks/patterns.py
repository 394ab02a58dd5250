"""The base of rule kinds that match words and patterns (Vale's existence, substitution,
occurrence, … and brandlint's terms): phrases from the shared index, regexes over the copy,
exceptions and Vale `action` fixes, handled alike."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from brandlint.core.options import Options, option
from brandlint.core.patterns import Match, UserPattern
from brandlint.core.rule import LintContext, Rule

if TYPE_CHECKING:
    from brandlint.core.rule import Hit


@dataclass(frozen=True)
class Action(Options):
    """Vale's `action`: how a finding is fixed."""

    name: Literal["remove", "replace", "suggest", "edit", "convert"] | None = option(
        None, doc="remove deletes the match; replace offers `params` as replacements."
    )
    params: tuple[str, ...] = option((), doc="The replacements for `replace`.")


@dataclass(frozen=True)
class MatchOptions(Options):
    """Options every matching kind shares."""

    ignorecase: bool = option(False, doc="Match in any case.")
    exceptions: tuple[str, ...] = option(
        (),
        doc="Matches to let through: each a regex or a literal phrase, tried on the match "
        "and on the phrase around it.",
        example=["Free Trial"],
    )
    vocab: bool = option(
        True,
        doc="Vale: whether a Vale project's vocabulary lists apply to the rule. brandlint "
        "reads no Vale vocabularies yet, so both values behave alike.",
    )


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

    def regex_matches(self, ctx: LintContext, pattern: UserPattern) -> Iterator[tuple[int, Match]]:
        """(block start offset, match) for every in-scope match, exceptions removed."""
        exceptions = self.exceptions()
        for view in ctx.in_scope(self):
            text = view.text
            for found in pattern.finditer(text):
                if found.end() > found.start() and not self._excepted_at(
                    text, found.start(), found.end(), exceptions
                ):
                    yield view.block.start, found

    def _excepted_at(self, text: str, start: int, end: int, exceptions: list[UserPattern]) -> bool:
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
        action: Action | None = self.opts.action
        if action is None:
            return ()
        name = action.name
        if name == "remove":
            return ("",)
        if name == "replace":
            return action.params
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
