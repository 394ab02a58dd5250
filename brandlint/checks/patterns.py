"""The base of rule kinds that match words and patterns (Vale's existence, substitution,
occurrence, … and brandlint's terms): phrases from the shared index, regexes over the copy,
exceptions and Vale `action` fixes, handled alike."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import TYPE_CHECKING, Literal

import regex

from brandlint.core.errors import Problem
from brandlint.core.options import Options, option
from brandlint.core.patterns import Match, UserPattern
from brandlint.core.rule import LintContext, Rule, scope_selects
from brandlint.core.spec import RuleSpec

if TYPE_CHECKING:
    from brandlint.core.document import Block
    from brandlint.core.rule import Hit


@dataclass(frozen=True)
class Action(Options):
    """Vale's `action`: how a finding is fixed."""

    name: Literal["remove", "replace", "suggest", "edit", "convert"] | None = option(
        None,
        doc="remove deletes the match; replace offers `params`; edit changes the match "
        "(regex, trim, trim_left, trim_right, truncate, split); convert: simple",
    )
    params: tuple[str, ...] = option((), doc="The action's parameters, as in Vale.")


# Vale's `edit` operations and how many parameters each takes after its name
_EDITS = {"regex": 2, "trim": 1, "trim_left": 1, "trim_right": 1, "truncate": 1, "split": 2}


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
        doc="Whether a .vale.ini's Vocab (its accepted words) adds to the rule's exceptions, "
        "as in Vale.",
    )
    action: Action | None = option(None, doc="How a finding is fixed, as in Vale.")


class PatternRule(Rule):
    """A rule whose matches come from phrases (shared index) and/or regexes over the copy.

    `scope: sentence` (Vale's) runs the rule's patterns on each sentence of the blocks in
    its other scopes, so no match spans two sentences."""

    extra_scopes = frozenset({"sentence", "raw"})

    def __init__(self, spec: RuleSpec, problems: list[Problem]) -> None:
        super().__init__(spec, problems)
        self.per_sentence = "sentence" in self.scope
        # Vale's `scope: raw`: the file as written, markup included; findings are then
        # source offsets, and phrases go through regexes (the phrase index reads copy)
        self.reads_source = "raw" in self.scope
        self._edit: UserPattern | None = None
        # pattern source → `_context_free` of it: decided once per rule, not per document
        self._context_free: dict[str, bool] = {}
        self._check_action()

    @property
    def _selectors(self) -> tuple[str, ...]:
        """`sentence` and `raw` pick the unit, not the blocks: the other selectors do."""
        return tuple(s for s in self.scope if s not in ("sentence", "raw"))

    def in_scope(self, block: Block) -> bool:
        return scope_selects(self._selectors, block)

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

    def units(self, ctx: LintContext) -> Iterator[tuple[int, str]]:
        """(copy offset, text) of each unit the rule's patterns run over, in order: each
        in-scope block, or with `scope: sentence` each sentence of them (headings have
        none), so `^` and `$` anchor to a sentence as in Vale."""
        if self.reads_source:
            yield 0, ctx.document.source
            return
        yield from self._units(ctx).units

    def _units(self, ctx: LintContext) -> _Units:
        """This rule's units of the document, shared by every rule with the same scope (a
        style's rules mostly share one): selecting blocks per rule and block cost more
        than the searches."""
        key = (self._selectors, self.per_sentence)
        shared = ctx.fact(_units_by_scope)
        found = shared.get(key)
        if found is None:
            found = shared[key] = _Units(list(self._select_units(ctx)))
        return found

    def _select_units(self, ctx: LintContext) -> Iterator[tuple[int, str]]:
        for view in ctx.in_scope(self):
            if not self.per_sentence:
                yield view.block.start, view.text
            elif not view.block.in_scope("heading"):
                for sentence in view.sentences:
                    start, end = sentence.start_char, sentence.end_char
                    yield view.block.start + start, view.text[start:end]

    def regex_matches(self, ctx: LintContext, pattern: UserPattern) -> Iterator[tuple[int, Match]]:
        """(unit start offset, match) for every in-scope match, exceptions removed."""
        units: Iterable[tuple[int, str]]
        if self.reads_source:
            units = [(0, ctx.document.source)]
        else:
            free = self._context_free.get(pattern.source)
            if free is None:
                free = self._context_free[pattern.source] = _context_free(pattern.source)
            units = self._units(ctx).candidates(pattern, free)
        exceptions = self.exceptions()
        for base, text in units:
            for found in pattern.finditer(text):
                if found.end() > found.start() and not self._excepted_at(
                    text, found.start(), found.end(), exceptions
                ):
                    yield base, found

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

    def _check_action(self) -> None:
        """Check an action's parameters at load, where Vale would only fail at fix time."""
        action: Action | None = getattr(self.opts, "action", None)
        if action is None or action.name is None:
            return
        params = action.params
        if action.name == "edit":
            operation = params[0] if params else ""
            if operation not in _EDITS or len(params) != _EDITS[operation] + 1:
                choices = ", ".join(f"{k} (+{n})" for k, n in _EDITS.items())
                message = (
                    f"{self.spec.id}: an edit action's params are an operation and its "
                    f"values: {choices}"
                )
                if self.spec.strict:
                    self._report(("action", "params"), message)
                else:  # Vale runs such a rule and leaves the match as it is
                    self.problems.append(
                        self.spec.problem(
                            ("action", "params"),
                            f"{message}; the rule runs without a fix",
                            severity="warning",
                        )
                    )
            elif operation == "regex":
                self._edit = self.regex(params[1], ("action", "params", 1))
        elif action.name == "convert" and params[:1] != ("simple",):
            self._report(("action", "params"), f"{self.spec.id}: convert takes [simple]")
        elif action.name == "suggest":
            self.problems.append(
                self.spec.problem(
                    ("action", "name"),
                    f"{self.spec.id}: 'suggest' actions need a spelling or script source; "
                    "the rule runs without a fix",
                    severity="warning",
                )
            )

    def fixes(self, match: str) -> tuple[str, ...]:
        """Replacements for `match` from the rule's Vale `action`."""
        action: Action | None = getattr(self.opts, "action", None)
        if action is None or action.name in (None, "suggest"):
            return ()
        params = action.params
        if action.name == "remove":
            return ("",)
        if action.name == "replace":
            return params
        if action.name == "convert":
            return (_simple_case(match),)
        operation = params[0] if params else ""
        if operation == "regex":
            if self._edit is None:
                return ()
            fixed = self._edit.sub(_go_template(params[2]), match)
        elif operation == "trim":
            fixed = match.strip(params[1])
        elif operation == "trim_left":
            fixed = match.lstrip(params[1])
        elif operation == "trim_right":
            fixed = match.rstrip(params[1])
        elif operation == "truncate":
            fixed = match.split(params[1])[0]
        elif operation == "split":
            parts = match.split(params[1])
            index = int(params[2]) if params[2].isdigit() else len(parts)
            if index >= len(parts):
                return ()
            fixed = parts[index]
        else:
            return ()
        return (fixed.strip(),)


class _Units:
    """The units of one document for one scope, joined by newlines for searching them all
    at once: most rules of a style match nothing in a document, or in a few of its units,
    and one search of the joined text costs far less than one per unit."""

    def __init__(self, units: list[tuple[int, str]]) -> None:
        self.units = units
        self._joined: str | None = None
        self._starts: list[int] = []  # where each unit starts in the joined text

    def candidates(self, pattern: UserPattern, context_free: bool) -> Iterator[tuple[int, str]]:
        """The units that may hold a match of `pattern`, in order: every unit, unless the
        pattern is context free (`context_free`: what `_context_free` says of its source,
        which a rule decides once). Its matches then cannot depend on what lies outside
        the unit, so a match in a unit is a match at the same place in the joined text: a
        search of the joined text from a unit's start finds a match at or before the
        first one of any unit after it, and the units it passes over have none. The
        caller still searches each unit given, so its matches are those of a search of
        every unit."""
        if len(self.units) < 2 or not context_free:
            yield from self.units
            return
        if self._joined is None:
            self._joined = "\n".join(text for _, text in self.units)
            self._starts = list(
                accumulate((len(text) + 1 for _, text in self.units[:-1]), initial=0)
            )
        index = 0
        while index < len(self.units):
            try:
                found = pattern.search(self._joined, self._starts[index])
            except TimeoutError:  # each unit is searched, with its own budget
                yield from self.units[index:]
                return
            if found is None:
                return
            index = bisect_right(self._starts, found.start()) - 1
            yield self.units[index]
            index += 1


def _units_by_scope(ctx: LintContext) -> dict[tuple[tuple[str, ...], bool], _Units]:
    return {}


def _context_free(source: str) -> bool:
    r"""Whether a match of `source` in a unit stays a match when the unit sits in a longer
    text after and before a newline: no anchors (`^`, `$`, `\A`, `\Z`, `\G`), no
    negative lookaround, no atomic group or possessive quantifier, which can fail where
    more text follows; no comments or verbose mode, which this scan does not follow. `\b`
    and `\B` are safe (a newline is not a word character); positive lookarounds only find
    more. Conservative: unsure means False."""
    in_class = False
    index = 0
    while index < len(source):
        char = source[index]
        if char == "\\":
            if source[index + 1 : index + 2] in ("A", "Z", "z", "G"):
                return False
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            if source[index + 1 : index + 2] == "]":  # `[]…]`: a literal ] first
                index += 1
        elif char in "^$":
            return False
        elif char == "(" and source[index + 1 : index + 2] == "?":
            after = source[index + 2 : index + 4]
            if after[:1] in ("!", ">", "#") or after == "<!" or "x" in _flags(source, index):
                return False
        elif char in "*+?}" and source[index + 1 : index + 2] == "+":
            return False
        index += 1
    return True


def _flags(source: str, index: int) -> str:
    """The letters of an inline flag group (`(?imsx)`, `(?i:`) that starts at `index`."""
    end = index + 2
    while end < len(source) and source[end].isalpha():
        end += 1
    return source[index + 2 : end]


def _simple_case(text: str) -> str:
    """Vale's `convert: simple`: words split at hyphens, underscores and case changes,
    joined by spaces in lower case (`auto-scale` → `auto scale`)."""
    words = regex.findall(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+", text)
    return " ".join(w.lower() for w in words) if words else text


def _go_template(replacement: str) -> str:
    """Go's `$1`/`${1}` group references in Python's `\\g<1>` form."""
    return regex.sub(r"\$\{?(\w+)\}?", r"\\g<\1>", replacement.replace("\\", "\\\\"))


def word_pattern(
    alternatives: Sequence[str], *, nonword: bool, raw: str = "", append: bool = False
) -> str:
    """Vale's wrapping: `(?m)\\b(?:a|b)\\b`, or bare alternatives with `nonword`; `raw`
    before it, or after it with `append`. Vale's `(?m)` covers only the template, so `^` in
    tokens anchors to each line while `raw` keeps whole-text anchors."""
    body = "|".join(alternatives)
    template = f"(?m:{body})" if nonword else rf"(?m:\b(?:{body})\b)"
    if not body:
        return raw
    return template + raw if append else raw + template
