"""The base of rule kinds that match words and patterns (Vale's existence, substitution,
occurrence, … and brandlint's terms): phrases from the shared index, regexes over the copy,
exceptions and Vale `action` fixes, handled alike."""

from __future__ import annotations

import heapq
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from contextlib import suppress
from dataclasses import dataclass
from itertools import accumulate
from typing import TYPE_CHECKING, Literal

import regex

from brandlint.core.errors import Problem
from brandlint.core.options import Options, option
from brandlint.core.patterns import Match, PatternError, UserPattern, any_found, joinable
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
        # patterns → what `searched_units` searches the joined units with, made once per
        # rule, not per document
        self._prefilters: dict[tuple[UserPattern, ...], list[_Prefilter]] = {}
        # the selectors and the key of the shared units, made on first use (a kind may
        # still add to its scope after this constructor), not on every phrase hit and
        # document
        self._picked: tuple[tuple[str, ...], tuple[tuple[str, ...], bool]] | None = None
        self._check_action()

    @property
    def _selection(self) -> tuple[tuple[str, ...], tuple[tuple[str, ...], bool]]:
        """The selectors of the blocks (`sentence` and `raw` pick the unit, not the
        blocks: the other selectors do), and the key of this rule's units among a
        document's shared ones (`_units`)."""
        if self._picked is None:
            selectors = tuple(s for s in self.scope if s not in ("sentence", "raw"))
            self._picked = (selectors, (selectors, self.per_sentence))
        return self._picked

    def in_scope(self, block: Block) -> bool:
        return scope_selects(self._selection[0], block)

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
        key = self._selection[1]
        shared = ctx.fact(_units_by_scope)
        found = shared.get(key)
        if found is None:
            found = shared[key] = _Units(list(self._select_units(ctx)))
        return found

    def _select_units(self, ctx: LintContext) -> Iterator[tuple[int, str]]:
        # whether a block gives units depends on its scopes alone: decided once per set
        chosen: dict[frozenset[str], bool] = {}
        for view in ctx.views:
            block = view.block
            taken = chosen.get(block.scopes)
            if taken is None:
                taken = chosen[block.scopes] = self.in_scope(block) and not (
                    self.per_sentence and block.in_scope("heading")
                )
            if not taken:
                continue
            if not self.per_sentence:
                yield block.start, view.text
                continue
            for sentence in view.sentences:
                start, end = sentence.start_char, sentence.end_char
                yield block.start + start, view.text[start:end]

    def searched_units(self, ctx: LintContext, *patterns: UserPattern) -> Iterator[tuple[int, str]]:
        """The units of `units` that may hold a (non-empty) match of any of `patterns`, in
        order: the others hold none, and a rule need not search them."""
        if self.reads_source:
            return iter(((0, ctx.document.source),))
        prefilters = self._prefilters.get(patterns)
        if prefilters is None:  # patterns no constructor prepared
            prefilters = self._prefilters[patterns] = _prefilters(patterns)
        # the copy of most documents holds nothing a pattern needs: their units are not
        # even gathered
        held = [p for p in prefilters if p.needs is None or p.may_match(ctx)]
        if not held:
            return iter(())
        shared = self._units(ctx)
        if len(held) == 1:  # most rules: no generator around the one search
            return shared.candidates(held[0].confined, held[0].folded)
        return _merged(shared, held)

    def prepare_search(self, *patterns: UserPattern | None) -> None:
        """Make what `searched_units` searches the units with for `patterns`, and the
        rule's exceptions. A kind calls it from its constructor with the patterns it will
        search together, so the work (analysing and compiling a few patterns per rule:
        40 ms for Microsoft's style) is done when the guide is compiled and kept in the
        compiled-guide cache, where unpickling a compiled pattern costs a twentieth of
        compiling it, instead of on the first pages, while the other cores wait for the
        workers to fork."""
        self.exceptions()
        present = tuple(pattern for pattern in patterns if pattern is not None)
        if present and not self.reads_source:  # the source is searched whole
            self._prefilters[present] = _prefilters(present)

    def regex_matches(
        self,
        ctx: LintContext,
        pattern: UserPattern,
        units: Iterable[tuple[int, str]] | None = None,
    ) -> Iterator[tuple[int, Match]]:
        """(unit start offset, match) for every in-scope match, exceptions removed; in
        `units` when given (those `searched_units` gave for this pattern among others)."""
        if units is None:
            units = self.searched_units(ctx, pattern)
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
        if not any_found(exceptions, text):  # no exception anywhere around the match
            return False
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
    """The units of one document for one scope, joined by NULs for searching them all at
    once: most rules of a style match nothing in a document, or in a few of its units,
    and one search of the joined text costs far less than one per unit."""

    def __init__(self, units: list[tuple[int, str]]) -> None:
        self.units = units
        self._joined: str | None = None
        self._starts: list[int] = []  # where each unit starts in the joined text
        self._lowered: str | None = None  # the joined text in lower case, "" when unfit

    def candidates(
        self, confined: UserPattern | None, folded: UserPattern | None = None
    ) -> Iterator[tuple[int, str]]:
        """The units that may hold a match of a pattern, in order, given the pattern
        `_confined` to one unit (None: every unit). A match of the pattern in a unit is
        followed, in that unit, by a match of the confined one in the joined text, so a
        search of the joined text from a unit's start finds a match before the end of
        any unit after it that holds one, and the units it passes over hold none. The
        caller still searches each unit given, so its matches are those of a search of
        every unit. `folded`, the `_folded` form of a confined pattern that ignores case,
        is searched in the joined text's lower case instead, where the copy allows: the
        same places, without the cost of trying each case."""
        if self._joined is None:
            texts = [text for _, text in self.units]
            # copy holding a NUL (a control character in a file) is searched unit by unit
            joinable = len(texts) > 1 and not any(_SEPARATOR in text for text in texts)
            self._joined = _SEPARATOR.join(texts) if joinable else ""
            self._starts = list(accumulate((len(t) + 1 for t in texts[:-1]), initial=0))
        if not self._joined or confined is None:
            yield from self.units
            return
        text = self._joined
        if folded is not None:
            if self._lowered is None:
                unfit = any(char in text for char in _UNFOLDED)
                self._lowered = "" if unfit else text.lower()
            if self._lowered:
                confined, text = folded, self._lowered
        index = 0
        while index < len(self.units):
            try:
                found = confined.search(text, self._starts[index])
            except TimeoutError:  # each unit is searched, with its own budget
                yield from self.units[index:]
                return
            if found is None:
                return
            index = bisect_right(self._starts, found.start()) - 1
            yield self.units[index]
            index += 1


def _merged(shared: _Units, prefilters: list[_Prefilter]) -> Iterator[tuple[int, str]]:
    """The units any of `prefilters` finds, in order, each once."""
    last = None
    for unit in heapq.merge(*(shared.candidates(p.confined, p.folded) for p in prefilters)):
        if unit != last:  # a unit two patterns may match in is searched once
            yield unit
        last = unit


def _units_by_scope(ctx: LintContext) -> dict[tuple[tuple[str, ...], bool], _Units]:
    return {}


def copy_holds(ctx: LintContext, needs: Needs | None) -> bool:
    """Whether the document's copy holds what `needs` lists (None: may hold a match)."""
    if needs is None:
        return True
    if not needs.folded:
        return needs.held_in(ctx.document.text)
    lowered = ctx.fact(_lowered_copy)
    return not lowered or needs.held_in(lowered)


def _lowered_copy(ctx: LintContext) -> str:
    """The document's copy in lower case, for `Needs` of patterns that ignore case; ""
    when it holds a character `Needs` cannot judge by its lower case."""
    text = ctx.document.text
    return "" if any(char in text for char in _UNFOLDED) else text.lower()


# What joins a document's units for one search: no copy holds a NUL, and `_confined`
# keeps every part of a pattern from reading one
_SEPARATOR = "\x00"
# a NUL as `_confined` writes it
_NUL = "\\x00"
# escapes that match or assert nothing a NUL could change (backslash and a letter)
_PLAIN_ESCAPES = frozenset("bBdswnrtfvamM")
# escapes that match a NUL, as a class that does not: `\W` is `[^\w\x00]`
_NEGATED_ESCAPES = {"W": "w", "D": "d", "S": "s", "P": "p"}
# a flag group's letters that keep the pattern's syntax as this scan reads it
_FLAGS = frozenset("imsau-")


@dataclass(frozen=True)
class _Prefilter:
    """How `searched_units` finds the units where a pattern, or one of several, may match:
    in a document whose copy holds what one of the patterns `needs` (None: unknown for
    one of them), the `_confined_pattern` searched in the joined units (None: every unit
    is a candidate), or its `_folded` form in their lower case."""

    confined: UserPattern | None
    needs: tuple[Needs, ...] | None
    folded: UserPattern | None = None

    def may_match(self, ctx: LintContext) -> bool:
        """Whether the document's copy may hold a match: the units are parts of it."""
        return self.needs is None or any(copy_holds(ctx, needs) for needs in self.needs)


def _prefilters(patterns: Sequence[UserPattern]) -> list[_Prefilter]:
    """The prefilters that find the units where any of `patterns` may match: their
    `_confined_pattern`s joined into one alternation where they can be (a match of it is a
    match of one of them, so one search of the joined units finds what a search with each
    would), else each on its own; one with no pattern when every unit must be searched.
    Each is tried only where the units hold what one of the patterns `needs`."""
    wants = [needs(pattern) for pattern in patterns]
    either = None if None in wants else tuple(w for w in wants if w is not None)
    screen = _capitals_screen(patterns)
    if screen is not None:
        return [_Prefilter(screen, either)]
    confined = [_confined_pattern(pattern) for pattern in patterns]
    if None in confined:
        return [_Prefilter(None, either)]
    present = [pattern for pattern in confined if pattern is not None]
    if len(present) > 1 and len({p.flags for p in present}) == 1:
        sources = [pattern.source for pattern in present]
        if joinable(sources):
            with suppress(PatternError):
                joined = "|".join(f"(?:{source})" for source in sources)
                pattern = UserPattern(joined, present[0].flags, present[0].budget)
                return [_Prefilter(pattern, either, _folded_pattern(pattern))]
    return [
        _Prefilter(pattern, None if want is None else (want,), _folded_pattern(pattern))
        for pattern, want in zip(present, wants, strict=True)
    ]


def _capitals_screen(patterns: Sequence[UserPattern]) -> UserPattern | None:
    """A search for a run of capitals that every match of each of `patterns` holds
    (`[A-Z]{3}` for Vale's acronym rules), or None. Copy holds few such runs, and a
    class repeated is searched far faster than the patterns, confined or not, whose
    every place is a start to try; a run holds no NUL, so it serves `_Units.candidates`
    as a confined pattern does. Only patterns matched case-sensitively, with the flags
    under which a class of capitals matches capitals alone."""
    classes: set[str] = set()
    shortest = 0
    for pattern in patterns:
        source = pattern.source
        if pattern.flags & (~_PLAIN_FLAGS | regex.IGNORECASE) or _INLINE_FLAGS.search(source):
            return None
        if _NOT_A_COUNT.search(source):
            return None
        run = _capitals_run(source)
        if run is None:
            return None
        classes.add(run[0])
        shortest = run[1] if not shortest else min(shortest, run[1])
    if not classes:
        return None
    budget = patterns[0].budget
    return UserPattern(f"[{''.join(sorted(classes))}]{{{shortest}}}", budget=budget)


# a class of capital letters alone (`[A-Z]`, `[A-FX]`), its body as group 1
_CAPITALS = regex.compile(r"\[((?:[A-Z](?:-[A-Z])?)+)\]")
# the shortest run of capitals worth a screen: pairs ("US", "OK") are common in copy
_FEWEST_CAPITALS = 3


def _capitals_run(source: str) -> tuple[str, int] | None:
    """A class of capitals (its body) and a count such that every match of `source` holds
    that many of its characters in a row, or None when this scan finds no such run of
    `_FEWEST_CAPITALS` or more. Of alternatives, each must give one: their classes are
    joined, and the fewest count kept. In a sequence, a class repeated at least so many
    times, or a group that must match once and gives one, does."""
    alternatives = _alternatives(source)
    if alternatives is None:
        return None
    runs: list[tuple[str, int]] = []
    for part in alternatives:
        elements = _sequence(part)
        if elements is None:
            return None
        best: tuple[str, int] | None = None
        for element, low, _ in elements:
            found = _CAPITALS.fullmatch(element)
            run: tuple[str, int] | None = None
            if found is not None and low >= _FEWEST_CAPITALS:
                run = found.group(1), low
            elif low >= 1 and element.startswith("(") and not element.startswith(_LOOKS):
                run = _capitals_run(_group_body(element))
            if run is not None and (best is None or run[1] > best[1]):
                best = run
        if best is None:
            return None
        runs.append(best)
    return "".join(sorted({body for body, _ in runs})), min(count for _, count in runs)


def _folded_pattern(pattern: UserPattern) -> UserPattern | None:
    """For a confined pattern that ignores case, its `_folded` form compiled to match
    case as written; None for one that keeps case, or that `_folded` does not follow."""
    if not pattern.flags & regex.IGNORECASE or pattern.flags & ~_PLAIN_FLAGS:
        return None
    source = _folded(pattern.source)
    if source is None:
        return None
    try:
        return UserPattern(source, pattern.flags & ~regex.IGNORECASE, pattern.budget)
    except PatternError:  # a construct the scan misread: search as it is
        return None


def _folded(source: str) -> str | None:
    r"""`source`, a pattern that ignores case, rewritten to match the lower case of copy
    where it matches the copy, and nowhere else, or None when unsure. Its letters A-Z go
    to lower case (in classes too, `[A-Z]` to `[a-z]`) and the flag that ignores case
    goes; escapes (`\w`, `\b`, `\S`…) stay, as lower case keeps what they match. Lower
    case keeps every position only for copy without an `_UNFOLDED` character (the
    caller's check), and letters other than A-Z, `\p{…}`, references to groups and
    `(?-i)` may tell cases apart, so they give None."""
    out: list[str] = []
    index = 0
    while index < len(source):
        char = source[index]
        if source.startswith(_NUL, index):  # from `_confined`: a NUL has no case
            out.append(_NUL)
            index += len(_NUL)
        elif char == "\\":
            end = _escape_end(source, index)
            letter = source[index + 1 : index + 2]
            if end is None or letter.isdigit() or letter in ("p", "P"):
                return None
            if letter in ("x", "u"):
                code = chr(int(source[index + 2 : end], 16))
                if _literal(code, folded=True) is None:
                    return None
                out.append(regex.escape(code.lower()) if code.isascii() else source[index:end])
            else:
                out.append(source[index:end])
            index = end
        elif char == "[":
            end = _class_end(source, index)
            folded = None if end is None else _folded_class(source[index:end])
            if end is None or folded is None:
                return None
            out.append(folded)
            index = end
        elif char == "(" and source[index + 1 : index + 2] == "?":
            end = _group_opening_end(source, index)
            if end is None or source.startswith(("(?P=", "(?P>"), index):
                return None
            opening = source[index:end]
            flags = regex.fullmatch(r"\(\?([a-zA-Z-]+)([:)])", opening)
            if flags:
                letters = flags.group(1)
                if "-" in letters and "i" in letters.split("-", 1)[1]:
                    return None  # a part that keeps case
                letters = letters.replace("i", "")
                opening = f"(?{letters}{flags.group(2)}" if letters.strip("-") else ""
                opening = opening or ("(?:" if flags.group(2) == ":" else "")
            out.append(opening)
            index = end
        else:
            if (char.isalpha() or not char.isascii()) and _literal(char, folded=True) is None:
                return None
            out.append(char.lower() if char.isascii() else char)
            index += 1
    return "".join(out)


def _class_end(source: str, index: int) -> int | None:
    """The index after the class opening at `index` (one `_confined` may have written,
    holding a NUL), or None."""
    cursor = index + 1
    cursor += source[cursor : cursor + 1] == "^"
    cursor += source[cursor : cursor + 1] == "]"  # `[]…]`: a literal ] first
    while cursor < len(source):
        if source[cursor] == "]":
            return cursor + 1
        if source.startswith("[:", cursor):
            return None
        cursor += 2 if source[cursor] == "\\" else 1
    return None


def _folded_class(element: str) -> str | None:
    r"""The class `element` with its letters A-Z in lower case, ranges of them included,
    or None for a member that may tell cases apart (a letter other than A-Z, a range
    holding other letters, `\p`, a POSIX class)."""
    out: list[str] = []
    index = 1
    while index < len(element) - 1:
        char = element[index]
        if element.startswith(_NUL, index):
            out.append(_NUL)
            index += len(_NUL)
            continue
        if char == "\\":
            letter = element[index + 1]
            end = index + 2
            if letter in ("x", "u"):
                end = _escape_end(element, index) or end
                code = element[index + 2 : end]
                if not code or _literal(chr(int(code, 16)), folded=True) is None:
                    return None
            elif letter in ("p", "P") or letter.isdigit():
                return None
            if element[end : end + 1] == "-" and end + 1 < len(element) - 1:
                return None  # a range from an escape (`[\x41-\x5a]`): not followed here
            out.append(element[index:end])
            index = end
            continue
        if element.startswith("[:", index):
            return None
        if element[index + 1 : index + 2] == "-" and index + 2 < len(element) - 1:
            high = element[index + 2]
            letters = all(c.isascii() and c.isalpha() for c in (char, high))
            if letters and char.isupper() == high.isupper():
                out.append(f"{char.lower()}-{high.lower()}")
            elif high == "\\" or not (char.isascii() and high.isascii()):
                return None
            elif any(c.isalpha() for c in map(chr, range(ord(char), ord(high) + 1))):
                return None  # `[0-z]` holds capitals and small letters alike
            else:
                out.append(element[index : index + 3])
            index += 3
            continue
        if (char.isalpha() or not char.isascii()) and _literal(char, folded=True) is None:
            return None
        out.append(char.lower() if char.isascii() else char)
        index += 1
    return "[" + "".join(out) + "]"


def _confined_pattern(pattern: UserPattern) -> UserPattern | None:
    """`pattern` `_loosened`, `_confined` to one unit and compiled with its flags, or
    None."""
    source = _confined(_loosened(pattern.source), dotall=bool(pattern.flags & regex.DOTALL))
    if source is None:
        return None
    try:
        return UserPattern(source, pattern.flags, pattern.budget)
    except PatternError:  # a construct the scan misread: search each unit
        return None


def _confined(source: str, dotall: bool = False) -> str | None:
    r"""`source` rewritten so that nothing in it reads across a NUL, or None when unsure.

    Units are searched all at once in their text joined by NULs (`_Units.candidates`).
    Rewritten, each atom that could match a NUL (`.`, `\W`, `\D`, `\S`, `\p{…}`, negated
    and POSIX classes) matches the same characters but never a NUL, and each anchor
    (`^`, `$`, `\A`, `\Z`) holds at a NUL as at the start or end of a unit (`\b` already
    does: a NUL is no word character). So every attempt to match, lookarounds and
    backtracking included, stays inside the unit where it started, and sees its edges as
    the unit's own search does: a match in a unit is a match at the same place in the
    joined text, and a pattern such as `(?:[^,]+,){1,}\s\w+` that backtracks over
    everything after it costs no more than one search of each unit. Atoms become classes
    (`[^,]` is `[^\x00,]`), which the regex module runs as fast as the original; a
    lookahead (`(?:(?!\x00)…)`) only where no class says it. Constructs this scan does
    not follow (verbose mode, comments, recursion, conditionals, `\G`, a NUL in the
    pattern, fuzzy matching) give None."""
    out: list[str] = []
    index, size = 0, len(source)
    dotall = dotall or any("s" in f for f in regex.findall(r"\(\?([a-zA-Z-]+)[:)]", source))
    while index < size:
        char = source[index]
        if char == "\\":
            letter = source[index + 1 : index + 2]
            end = _escape_end(source, index)
            if end is None:
                return None
            if letter in ("A", "Z", "z"):
                out.append("(?:\\A|(?<=\\x00))" if letter == "A" else "(?:\\Z|(?=\\x00))")
            elif letter in _NEGATED_ESCAPES:  # `\P{L}` is `[^\p{L}\x00]`
                out.append(f"[^\\{_NEGATED_ESCAPES[letter]}{source[index + 2 : end]}\\x00]")
            elif letter == "p":
                out.append(f"[^\\P{source[index + 2 : end]}\\x00]")
            else:
                out.append(source[index:end])
            index = end
        elif char == "[":
            confined = _confined_class(source, index)
            if confined is None:
                return None
            body, index = confined
            out.append(body)
        elif char == ".":
            out.append("[^\\x00]" if dotall else "[^\\n\\x00]")
            index += 1
        elif char == "^":
            out.append("(?:^|(?<=\\x00))")
            index += 1
        elif char == "$":  # `$` also holds before a unit's final newline
            out.append("(?:$|(?=\\n?\\x00))")
            index += 1
        elif char == "(" and source[index + 1 : index + 2] == "?":
            end = _group_opening_end(source, index)
            if end is None:
                return None
            out.append(source[index:end])
            index = end
        elif char == "{" and not regex.match(r"\{\d*(?:,\d*)?\}", source[index:]):
            if regex.match(r"\{[^}]*[a-zA-Z<>=]", source[index:]):
                return None  # fuzzy matching (`{e<=1}`)
            out.append(char)
            index += 1
        else:
            out.append(char)
            index += 1
    return "".join(out)


def _escape_end(source: str, index: int) -> int | None:
    """The index after the escape starting at `index`, or None for one that `_confined`
    does not follow (`\\G`, `\\X`, named characters, a NUL, a letter it does not know)."""
    letter = source[index + 1 : index + 2]
    if not letter:
        return None
    if letter.isdigit():
        return None if letter == "0" else index + 2  # a group reference; `\\0` is a NUL
    if not letter.isalpha():
        return index + 2
    if letter in ("p", "P"):
        if source[index + 2 : index + 3] == "{":
            close = source.find("}", index)
            return None if close == -1 else close + 1
        return index + 3
    if letter in _PLAIN_ESCAPES or letter in _NEGATED_ESCAPES or letter in "AZz":
        return index + 2
    if letter in ("x", "u"):
        digits = 2 if letter == "x" else 4
        code = source[index + 2 : index + 2 + digits]
        if len(code) != digits or not all(c in "0123456789abcdefABCDEF" for c in code):
            return None
        return None if int(code, 16) == 0 else index + 2 + digits
    return None


def _confined_class(source: str, index: int) -> tuple[str, int] | None:
    """The class opening at `index` matching no NUL, and the index after it; None for a
    class this scan does not follow. A negated class gets a NUL among what it excludes;
    one holding `\\W`, `\\D`, `\\S`, `\\p`, `\\P` or a POSIX class, which may match a NUL,
    is preceded by a lookahead refusing it (the regex module's version 0 has no class
    subtraction)."""
    cursor = index + 1
    negated = source[cursor : cursor + 1] == "^"
    cursor += negated
    if source[cursor : cursor + 1] == "]":  # `[]…]`: a literal ] first
        cursor += 1
    first = cursor  # where a NUL may go in a negated class without making a range
    wide = False
    while cursor < len(source):
        char = source[cursor]
        if char == "]":
            body = source[index : cursor + 1]
            if negated and source[first : first + 1] != "-":
                body = f"{source[index:first]}\\x00{source[first : cursor + 1]}"
            elif negated or wide:
                body = f"(?:(?!\\x00){body})"
            return body, cursor + 1
        if char == "\\":
            letter = source[cursor + 1 : cursor + 2]
            end = _escape_end(source, cursor) if letter.isalnum() else cursor + 2
            if end is None:
                return None
            wide = wide or letter in _NEGATED_ESCAPES or letter == "p"
            cursor = end
        elif source.startswith("[:", cursor):
            close = source.find(":]", cursor + 2)
            if close == -1:
                return None
            wide, cursor = True, close + 2
        elif source.startswith("[", cursor) and source[cursor + 1 : cursor + 2] in ("=", "."):
            return None
        else:
            cursor += 1
    return None


def _group_opening_end(source: str, index: int) -> int | None:
    """The index after a `(?…` group opening at `index`, or None for one `_confined` does
    not follow (verbose flags, comments, recursion, conditionals, branch resets)."""
    rest = source[index + 2 :]
    for opening in (":", "=", "!", "<=", "<!", ">"):
        if rest.startswith(opening):
            return index + 2 + len(opening)
    named = regex.match(r"P?<[A-Za-z_]\w*>|P=[A-Za-z_]\w*\)", rest)
    if named:
        return index + 2 + named.end()
    flags = regex.match(r"[a-zA-Z-]+[:)]", rest)
    if flags and set(flags.group()[:-1]) <= _FLAGS:
        return index + 2 + flags.end()
    return None


def _loosened(source: str) -> str:
    r"""`source` without what its matches begin with before their last repeat: a match of
    it is then followed, in the same unit, by a match of the result (`[a-zA-Z]+\s(?:cm|…)`
    is found as `[a-zA-Z]\s(?:cm|…)` at the word's last letter), which a prefilter needs
    and no more. Leading assertions (`\b`, lookarounds, `^`) and optional atoms go, a
    repeated atom or non-capturing group is kept once, and a group's own start is
    loosened alike; alternatives are loosened each on its own, and a leading group one
    of whose alternatives loosens to nothing goes too (`(?:^|\s)I\b` is found as `I\b`).
    Tried at every place of a text, a leading `[a-zA-Z]+` or `(?:[^,]+,){1,}` rescans
    what follows it from each letter, and a leading `\b` or `(?:^|\s)` before each
    alternative makes the search try every alternative at every place: loosened, the
    search is linear and skips to the letters an alternative starts with. A pattern that
    refers back to a group (`\1`) keeps every capturing group, so that the reference
    still names the same one; anything this scan does not follow stays as it is."""
    refers_back = regex.search(r"\\[1-9]|\(\?P=|\\g<", source) is not None
    loosened = _loosened_part(source, refers_back)
    # alternatives one of which can match anywhere: the pattern itself filters better
    return loosened if loosened or _alternatives(source) == [source] else source


def _loosened_part(source: str, refers_back: bool) -> str:
    """`source` loosened (see `_loosened`); "" when a match of it may hold nothing to
    search for."""
    alternatives = _alternatives(source)
    if alternatives is None:
        return source
    if len(alternatives) == 1:
        return _loosened_sequence(source, refers_back)
    if refers_back:
        return source
    # a word boundary before an alternative stays: `\bme\b`, not `me\b` (in "name")
    parts = [_loosened_sequence(part, refers_back, bounded=True) for part in alternatives]
    return "" if "" in parts else "|".join(parts)


def _loosened_sequence(source: str, refers_back: bool, bounded: bool = False) -> str:
    """`_loosened` for a pattern with no alternatives at its top; `bounded`: from a word
    boundary on, the pattern stays as it is (cheap to test, a boundary is often what
    makes an alternative rare)."""
    start = 0
    while start < len(source):
        end = _element_end(source, start)
        if end is None:
            return source[start:]
        low, after = _quantifier(source, end)
        element = source[start:end]
        if refers_back and _captures(element) and (low == 0 or element.startswith("(?")):
            return source[start:]  # dropping or loosening it would renumber the groups
        if bounded and element in ("\\b", "\\m"):
            # kept, with what follows it as it is: loosened, `\b\d+s` would become `\b\ds`,
            # whose `\b` no longer stands where the match starts
            return source[start:]
        if element in ("\\b", "\\B", "\\m", "\\M", "^", "\\A") or element.startswith(
            ("(?=", "(?!", "(?<=", "(?<!")
        ):
            if after != end:  # a repeated assertion: nothing to gain
                return source[start:]
            start = after
            continue
        if low == 0:
            start = after
            continue
        opening = regex.match(r"\(\?[a-zA-Z-]*:", element)
        if opening:
            inner = _loosened_part(element[opening.end() : -1], refers_back)
            if inner:
                return f"{opening.group()}{inner}){source[after:]}"
            rest = _loosened_sequence(source[after:], refers_back)
            return rest or source[start:]  # the group may match nothing: what follows
        return element + source[after:]
    return ""


def _captures(element: str) -> bool:
    """Whether `element` holds a capturing group."""
    return regex.search(r"\((?!\?)|\(\?P?<[A-Za-z_]", element) is not None


def _alternatives(source: str) -> list[str] | None:
    """The alternatives at the top of `source` (`a|b` → `a`, `b`), or None for a part
    `_element_end` does not follow."""
    parts: list[str] = []
    start = index = 0
    while index < len(source):
        if source[index] == "|":
            parts.append(source[start:index])
            start = index = index + 1
            continue
        end = _element_end(source, index)
        if end is None:
            return None
        index = _quantifier(source, end)[1]
    parts.append(source[start:])
    return parts


def _element_end(source: str, index: int) -> int | None:
    """The index after the atom or group starting at `index` (its quantifier excluded),
    or None at a `|`, a `)` or what this scan does not follow."""
    char = source[index]
    if char == "\\":
        return _escape_end(source, index)
    if char == "[":
        confined = _confined_class(source, index)
        return None if confined is None else confined[1]
    if char in "|)":
        return None
    if char != "(":
        return index + 1
    cursor = index + 1
    if source[cursor : cursor + 1] == "?":
        opening = _group_opening_end(source, index)
        if opening is None:
            return None
        if source[opening - 1] == ")":  # a flag setting, `(?i)`
            return opening
        cursor = opening
    while cursor < len(source):
        if source[cursor] == ")":
            return cursor + 1
        if source[cursor] == "|":
            cursor += 1
            continue
        end = _element_end(source, cursor)
        if end is None:
            return None
        cursor = _quantifier(source, end)[1]
    return None


_QUANTIFIER = regex.compile(r"[*+?]|\{(\d*)(?:,\d*)?\}")


def _sequence(source: str) -> list[tuple[str, int, str]] | None:
    """The elements of a sequence without alternation, each with the least count of its
    quantifier (1 when there is none) and the quantifier as written ("" when there is
    none); None when an element cannot be read."""
    elements: list[tuple[str, int, str]] = []
    index = 0
    while index < len(source):
        end = _element_end(source, index)
        if end is None:
            return None
        low, after = _quantifier(source, end)
        elements.append((source[index:end], low, source[end:after]))
        index = after
    return elements


def _quantifier(source: str, index: int) -> tuple[int, int]:
    """The least count of the quantifier at `index` (1 when there is none) and the index
    after it, its lazy `?` or possessive `+` included."""
    if source[index : index + 1] not in ("*", "+", "?", "{"):  # most atoms: no regex call
        return 1, index
    found = _QUANTIFIER.match(source, index, index + 24)
    if found is None:
        return 1, index
    char = found.group()[0]
    low = 1 if char == "+" else 0 if char in "*?" else int(found.group(1) or 0)
    end = found.end()
    if source[end : end + 1] in ("?", "+"):
        end += 1
    return low, end


# Literals a pattern's matches must hold: most rules of a style look for words that a
# document rarely holds, and whether it holds one is a few substring tests, where a
# search for the pattern tries it at every place of the document.

# the most literals one set may list (each costs a substring test)
_MOST_LITERALS = 24
# the flags under which a pattern's literals match what they spell (or, with IGNORECASE,
# what they spell in any case); others (verbose mode, full case folding, version 1)
# change what a literal matches
_PLAIN_FLAGS = (
    regex.IGNORECASE | regex.MULTILINE | regex.DOTALL | regex.UNICODE | regex.ASCII | regex.V0
)
# the characters other than A-Z and a-z that a letter matches in any case and whose
# lower case is not that letter's (capital I with a dot lowers to two characters, the
# dotless i and the long s to themselves; the Kelvin sign lowers to k): copy holding
# one is not judged by its lower case (tests/checks/test_pattern_needs.py checks the
# list against the regex module)
_UNFOLDED = "\u0130\u0131\u017f"
# inline flag groups, whose letters say whether the literals keep their meaning
_INLINE_FLAGS = regex.compile(r"\(\?([a-zA-Z0-9^-]+)[:)]")
# a brace that is not a repeat count, escaped or not: it may be a fuzzy-matching
# constraint (`{e<=1}`), which lets what precedes it match other text
_NOT_A_COUNT = regex.compile(r"\{(?!\d*(?:,\d*)?\})")


@dataclass(frozen=True)
class Needs:
    """What every match of a pattern holds: one literal of each set; when `folded`, in the
    lower case of the text, the literals being lower case too (the pattern ignores case).
    The shortest literals come first: common ones are found soonest."""

    sets: tuple[tuple[str, ...], ...]
    folded: bool

    def held_in(self, text: str) -> bool:
        """Whether `text` holds one literal of each set: where it does not, no match is."""
        for literals in self.sets:  # loops, not any() and all(): a test costs microseconds
            for literal in literals:
                if literal in text:
                    break
            else:
                return False
        return True


def needs(pattern: UserPattern) -> Needs | None:
    """The literals every match of `pattern` holds (see `Needs`), or None when this scan
    finds none worth testing: it follows literal characters, escapes of one character,
    small classes, groups, alternatives and counted repeats; anything else is a part
    that may match any text. Only literals of two characters or more, or of one that is
    not ASCII (a dash, a curly quote), are worth a test."""
    source = pattern.source
    flags = {char for found in _INLINE_FLAGS.findall(source) for char in found}
    if pattern.flags & ~_PLAIN_FLAGS or not flags <= _FLAGS or _NOT_A_COUNT.search(source):
        return None
    folded = bool(pattern.flags & regex.IGNORECASE) or "i" in flags
    worth = [
        _shortest(literals)
        for literals in _needed(source, folded)
        if all(len(literal) > 1 or not literal.isascii() for literal in literals)
    ]
    if not worth:
        return None
    worth.sort(key=lambda literals: (-min(map(len, literals)), len(literals)))
    return Needs(tuple(worth[:3]), folded)


def _shortest(literals: frozenset[str]) -> tuple[str, ...]:
    """`literals` without those holding another ("jan" is found wherever "january" is),
    shortest first."""
    kept = [a for a in literals if not any(b != a and b in a for b in literals)]
    return tuple(sorted(kept, key=lambda literal: (len(literal), literal)))


def _needed(source: str, folded: bool) -> list[frozenset[str]]:
    """Sets of literals, one of each of which every match of `source` holds; [] when
    this scan finds none. Of alternatives, each must give one: their union is needed."""
    alternatives = _alternatives(source)
    if alternatives is None:
        return []
    if len(alternatives) == 1:
        return _needed_in_sequence(source, folded)
    union: set[str] = set()
    for part in alternatives:
        found = _needed_in_sequence(part, folded)
        if not found:
            return []
        union |= max(found, key=lambda literals: (min(map(len, literals)), -len(literals)))
    return [frozenset(union)] if len(union) <= _MOST_LITERALS else []


def _needed_in_sequence(source: str, folded: bool) -> list[frozenset[str]]:
    r"""`_needed` for a pattern with no alternatives at its top: each run of parts that
    match a few known strings gives the strings of the run (`Jan(?:uary)?\s` gives
    nothing: `\s` is not such a part, but `Jan(?:uary)?` gives "jan" and "january"), and
    a group that must match once gives what its own parts need."""
    found: list[frozenset[str]] = []
    run: set[str] = {""}  # what the parts of the current run match, one after the other

    def close(run: set[str]) -> None:
        if "" not in run:  # a run that may match nothing needs nothing
            found.append(frozenset(run))

    index = 0
    while index < len(source):
        end = _element_end(source, index)
        if end is None:  # `_alternatives` followed every part; not reached
            return []
        low, after = _quantifier(source, end)
        element = source[index:end]
        strings = _strings(element, folded)
        if strings is not None and after != end:
            if low == 0 and not source[end:after].rstrip("?+"):  # `x?`: x or nothing
                strings = strings | {""}
            elif low >= 1:  # `x+`: once, then maybe again; the run goes on from its last
                joined = {a + b for a in run for b in strings}
                if len(joined) > _MOST_LITERALS:
                    close(run)
                    joined = set(strings)
                close(joined)
                run, index = set(strings), after
                continue
            else:
                strings = None
        if strings is None:
            close(run)
            run = {""}
            if low >= 1 and element.startswith("(") and not element.startswith(_LOOKS):
                found.extend(_needed(_group_body(element), folded))
        else:
            joined = {a + b for a in run for b in strings}
            if len(joined) > _MOST_LITERALS:
                close(run)
                joined = set(strings)
            run = joined
        index = after
    close(run)
    return found


# openings of lookarounds: what they hold is no part of the match
_LOOKS = ("(?=", "(?!", "(?<=", "(?<!")


def _group_body(element: str) -> str:
    """What a group holds, without its opening and closing parenthesis."""
    if not element.startswith("(?"):
        return element[1:-1]
    end = _group_opening_end(element, 0)
    return element[end:-1] if end is not None else ""


def _strings(element: str, folded: bool) -> set[str] | None:
    """Every string the atom or group `element` may match, or None when there are many
    or this scan does not know them. Assertions match the empty string. When `folded`,
    strings are in lower case, and a letter other than A-Z is unknown (its case pairs
    are not all its lower case)."""
    char = element[0]
    if char == "\\":
        letter = element[1]
        if letter in "bBAZzmM":
            return {""}
        if not letter.isalnum():
            return _literal(letter, folded)
        if letter in "nrtfv":
            return {"\n\r\t\f\v"["nrtfv".index(letter)]}
        if letter in "xu":
            return _literal(chr(int(element[2:], 16)), folded)
        return None
    if char in "^$":
        return {""}
    if char == "[":
        return _class_strings(element, folded)
    if char == "(":
        if element.startswith(_LOOKS) or _is_flag_setting(element):
            return {""}
        return _group_strings(_group_body(element), folded)
    if char == ".":
        return None
    return _literal(char, folded)


def _is_flag_setting(element: str) -> bool:
    """Whether `element` is a flag setting such as `(?i)`, not a group."""
    letters = element[2:-1]
    return (
        element.startswith("(?")
        and element.endswith(")")
        and bool(letters)
        and all(char in _FLAG_LETTERS for char in letters)
    )


_FLAG_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-")


def _group_strings(source: str, folded: bool) -> set[str] | None:
    """Every string `source` may match (alternatives and optional parts of known
    strings), or None, as `_strings`."""
    alternatives = _alternatives(source)
    if alternatives is None:
        return None
    found: set[str] = set()
    for part in alternatives:
        elements = _sequence(part)
        if elements is None:
            return None
        strings = {""}
        for source_element, low, quantifier in elements:
            element = _strings(source_element, folded)
            if element is None:
                return None
            if quantifier:
                if low != 0 or quantifier.rstrip("?+"):
                    return None  # a repeat: more strings than a set lists
                element = element | {""}
            strings = {a + b for a in strings for b in element}
            if len(strings) > _MOST_LITERALS:
                return None
        found |= strings
    return found if len(found) <= _MOST_LITERALS else None


def _class_strings(element: str, folded: bool) -> set[str] | None:
    """The characters a class of a few listed characters matches, or None."""
    body = element[1:-1]
    if body.startswith("^") or "[:" in body:
        return None
    chars: set[str] = set()
    index = 0
    while index < len(body):
        char = body[index]
        if char == "\\":
            letter = body[index + 1 : index + 2]
            if letter.isalnum() and letter not in "nrtfv":
                return None  # a class escape, or one of a code: not followed here
            char = "\n\r\t\f\v"["nrtfv".index(letter)] if letter.isalnum() else letter
            index += 2
        else:
            index += 1
        if body[index : index + 1] == "-" and index + 1 < len(body):
            high = body[index + 1]
            if high == "\\" or ord(high) - ord(char) > _MOST_LITERALS:
                return None
            chars.update(chr(code) for code in range(ord(char), ord(high) + 1))
            index += 2
        else:
            chars.add(char)
    found: set[str] = set()
    for char in chars:
        literal = _literal(char, folded)
        if literal is None:
            return None
        found |= literal
    return found if len(found) <= _MOST_LITERALS else None


def _literal(char: str, folded: bool) -> set[str] | None:
    """`char` as the one string it matches; folded, in lower case, and None for what
    else may match it in another case: only ASCII and punctuation, spaces and symbols
    other than letter-like ones (`So` holds circled letters) are known."""
    if not folded:
        return {char}
    if char.isascii():
        return {char.lower()}
    category = unicodedata.category(char)
    return {char} if category[0] in "PZ" or category in ("Sm", "Sc", "Sk") else None


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
