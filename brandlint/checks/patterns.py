"""The base of rule kinds that match words and patterns (Vale's existence, substitution,
occurrence, … and brandlint's terms): phrases from the shared index, regexes over the copy,
exceptions and Vale `action` fixes, handled alike."""

from __future__ import annotations

import heapq
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
        # pattern sources → what `searched_units` searches the joined units with, made
        # once per rule, not per document
        self._prefilters: dict[tuple[str, ...], list[UserPattern | None]] = {}
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
        shared = self._units(ctx)
        key = tuple(pattern.source for pattern in patterns)
        prefilters = self._prefilters.get(key)
        if prefilters is None:
            prefilters = self._prefilters[key] = _prefilters(patterns)
        if len(prefilters) == 1:  # most rules: no generator around the one search
            return shared.candidates(prefilters[0])
        return _merged(shared, prefilters)

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

    def candidates(self, confined: UserPattern | None) -> Iterator[tuple[int, str]]:
        """The units that may hold a match of a pattern, in order, given the pattern
        `_confined` to one unit (None: every unit). A match of the pattern in a unit is
        followed, in that unit, by a match of the confined one in the joined text, so a
        search of the joined text from a unit's start finds a match before the end of
        any unit after it that holds one, and the units it passes over hold none. The
        caller still searches each unit given, so its matches are those of a search of
        every unit."""
        if self._joined is None:
            texts = [text for _, text in self.units]
            # copy holding a NUL (a control character in a file) is searched unit by unit
            joinable = len(texts) > 1 and not any(_SEPARATOR in text for text in texts)
            self._joined = _SEPARATOR.join(texts) if joinable else ""
            self._starts = list(accumulate((len(t) + 1 for t in texts[:-1]), initial=0))
        if not self._joined or confined is None:
            yield from self.units
            return
        index = 0
        while index < len(self.units):
            try:
                found = confined.search(self._joined, self._starts[index])
            except TimeoutError:  # each unit is searched, with its own budget
                yield from self.units[index:]
                return
            if found is None:
                return
            index = bisect_right(self._starts, found.start()) - 1
            yield self.units[index]
            index += 1


def _merged(shared: _Units, prefilters: list[UserPattern | None]) -> Iterator[tuple[int, str]]:
    """The units any of `prefilters` finds, in order, each once."""
    last = None
    for unit in heapq.merge(*(shared.candidates(p) for p in prefilters)):
        if unit != last:  # a unit two patterns may match in is searched once
            yield unit
        last = unit


def _units_by_scope(ctx: LintContext) -> dict[tuple[tuple[str, ...], bool], _Units]:
    return {}


# What joins a document's units for one search: no copy holds a NUL, and `_confined`
# keeps every part of a pattern from reading one
_SEPARATOR = "\x00"
# escapes that match or assert nothing a NUL could change (backslash and a letter)
_PLAIN_ESCAPES = frozenset("bBdswnrtfvamM")
# escapes that match a NUL, as a class that does not: `\W` is `[^\w\x00]`
_NEGATED_ESCAPES = {"W": "w", "D": "d", "S": "s", "P": "p"}
# a flag group's letters that keep the pattern's syntax as this scan reads it
_FLAGS = frozenset("imsau-")


def _prefilters(patterns: Sequence[UserPattern]) -> list[UserPattern | None]:
    """The patterns that find the units where any of `patterns` may match: their
    `_confined_pattern`s joined into one alternation where they can be (a match of it is a
    match of one of them, so one search of the joined units finds what a search with each
    would), else each on its own; [None] when every unit must be searched."""
    confined = [_confined_pattern(pattern) for pattern in patterns]
    if None in confined:
        return [None]
    present = [pattern for pattern in confined if pattern is not None]
    if len(present) > 1 and len({p.flags for p in present}) == 1:
        sources = [pattern.source for pattern in present]
        if joinable(sources):
            with suppress(PatternError):
                joined = "|".join(f"(?:{source})" for source in sources)
                return [UserPattern(joined, present[0].flags, present[0].budget)]
    return list(present)


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


def _quantifier(source: str, index: int) -> tuple[int, int]:
    """The least count of the quantifier at `index` (1 when there is none) and the index
    after it, its lazy `?` or possessive `+` included."""
    found = regex.match(r"[*+?]|\{(\d*)(?:,\d*)?\}", source[index : index + 24])
    if found is None:
        return 1, index
    char = found.group()[0]
    low = 1 if char == "+" else 0 if char in "*?" else int(found.group(1) or 0)
    end = index + found.end()
    if source[end : end + 1] in ("?", "+"):
        end += 1
    return low, end


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
