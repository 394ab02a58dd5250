"""`metric`: a formula over the document's counts (words, sentences, syllables, …) tested
against a condition, as Vale's metric rules write readability formulas.

The variables are Vale's, counted as Vale v3.7.1 counts them (its `File.ComputeMetrics`,
which runs jdkato/twine's `summarize` over the document's running text: paragraphs, list
items and quotations, each followed by a blank line; not headings, tables, alt text or
front matter), so a style such as Readability gives Vale's figures:

- `words`: runs of letters, digits and straight apostrophes, or initialisms such as
  `U.S.`; `characters`: the letters and digits in them; `long_words`: words of more than
  six bytes (Go's `len`);
- `sentences`: the sentences of each paragraph, split as Vale's segmenter splits prose
  (not after `i.e.`, `p.m.` or `Dr.`); `paragraphs`: blocks of running text;
- `syllables`, `polysyllabic_words` (more than two syllables) and `complex_words`
  (polysyllabic once a final -es, -ed or -ing is set aside): English words by twine's
  syllable rules (brandlint/data/vale-syllables); another language's by its own
  hyphenation dictionary (pyphen, through textstat), never by English rules;
- `pre` (code blocks), `list` (list items), `blockquote` (quoted blocks) and
  `heading_h1` … `heading_h6` (also written `heading.h1`): counts of those elements.

The formula is parsed when the rule loads (arithmetic, parentheses and `math.sqrt`-style
functions; never `eval`), and a wrong name or operator is an error at its line. A finding
is reported at line 1, column 1, as Vale does, with `%s` in the message standing for the
value (two decimals). Copy in a language without syllable data gets one note saying the
rule cannot measure it, never English figures; `complex_words` is English-only (its
suffixes are English). The rule measures the whole document (Vale's `summary` scope).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache
from typing import TYPE_CHECKING

from brandlint.core.alerts import Level
from brandlint.core.errors import Problem
from brandlint.core.options import Options, option
from brandlint.core.rule import Finding, LintContext, Rule, format_message
from brandlint.core.spec import RuleSpec
from brandlint.formula import Condition, Formula, FormulaError, format_value

if TYPE_CHECKING:
    from brandlint.readability import Scores

VARIABLES: dict[str, str] = {
    "words": "words in the running text",
    "sentences": "sentences",
    "paragraphs": "paragraphs (blocks of running text)",
    "characters": "letters and digits in the words",
    "long_words": "words of more than six characters",
    "syllables": "syllables",
    "polysyllabic_words": "words of more than two syllables",
    "complex_words": "polysyllabic words, not counting a final -es, -ed or -ing (English)",
    "pre": "code blocks",
    "list": "list items",
    "blockquote": "quoted blocks",
    **{f"heading_h{n}": f"level-{n} headings" for n in range(1, 7)},
}
SYLLABLE_BASED = frozenset({"syllables", "polysyllabic_words", "complex_words"})
ENGLISH_ONLY = frozenset({"complex_words"})

# Vale counts words with twine's tokenizer: initialisms, or runs of letters, digits and `'`
# blocks that are not running text (Vale's summary holds paragraphs, list items and quotes)
_NOT_SUMMARY = ("heading", "alt", "title", "meta", "table", "caption", "button")
_COMPLEX_SUFFIXES = ("es", "ed", "ing")
# abbreviations Punkt's English model (and Vale's additions: sgt, gov, no, mt) never
# ends a sentence on
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof sr jr st vs etc inc ltd co corp dept est fig jan feb mar apr jun "
    "jul aug sep sept oct nov dec sgt gov no mt".split()
)
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"')\]’”]*\s+")


@dataclass(frozen=True)
class Summary:
    """A text counted as Vale counts it for metric and readability rules (jdkato/twine
    `summarize.Document`, the version Vale v3.7.1 uses): paragraphs split at blank lines,
    sentences by a sentence splitter, words by `(?:[A-Z]\\.){2,}|[\\p{N}\\p{L}']+`,
    syllables by twine's English rules (`syllables`)."""

    words: float
    sentences: float
    paragraphs: float
    characters: float
    long_words: float
    syllables: float
    polysyllabic_words: float
    complex_words: float

    def grade(self, metric: str) -> float | None:
        """One of Vale's readability metrics (`internal/check/readability.go`), as twine
        computes it; None for a name Vale does not have."""
        words, sentences = self.words, self.sentences
        if metric == "Flesch-Kincaid":
            return 0.39 * words / sentences + 11.8 * self.syllables / words - 15.59
        if metric == "Gunning Fog":
            return 0.4 * (words / sentences + 100.0 * self.complex_words / words)
        if metric == "SMOG":
            return 1.0430 * math.sqrt(self.polysyllabic_words * 30.0 / sentences) + 3.1291
        if metric == "Coleman-Liau":
            return (
                0.0588 * (self.characters / words) * 100 - 0.296 * (sentences / words) * 100 - 15.8
            )
        if metric == "Automated Readability":
            return 4.71 * (self.characters / words) + 0.5 * (words / sentences) - 21.43
        return None


def vale_scores(scores: Scores, text: str) -> Scores:
    """`scores` with the grades of Vale's readability metrics computed as Vale computes
    them on `text` (English copy: twine's counts and formulas)."""
    summary = summarize(text)
    if not summary.words or not summary.sentences:
        return scores
    return replace(
        scores,
        grade=summary.grade("Flesch-Kincaid"),
        fog=summary.grade("Gunning Fog"),
        smog=summary.grade("SMOG"),
        coleman_liau=summary.grade("Coleman-Liau"),
        ari=summary.grade("Automated Readability"),
    )


def summarize(text: str) -> Summary:
    """`text` (blocks joined by blank lines) counted as Vale's metric variables."""
    counts = dict.fromkeys(
        ("words", "sentences", "characters", "long_words", "syllables", "polysyllabic", "complex"),
        0,
    )
    paragraphs = 0
    for paragraph in text.split("\n\n"):
        paragraphs += 1
        for sentence in vale_sentences(paragraph):
            counts["sentences"] += 1
            for word in _words(sentence):
                counts["words"] += 1
                counts["characters"] += sum(1 for c in word if c.isalpha() or c.isnumeric())
                counts["long_words"] += len(word.encode("utf-8")) > 6  # Go counts bytes
                syllables = vale_syllables(word)
                counts["syllables"] += syllables
                counts["polysyllabic"] += syllables > 2
                counts["complex"] += syllables - word.endswith(_COMPLEX_SUFFIXES) > 2
    return Summary(
        words=counts["words"],
        sentences=counts["sentences"],
        paragraphs=paragraphs,
        characters=counts["characters"],
        long_words=counts["long_words"],
        syllables=counts["syllables"],
        polysyllabic_words=counts["polysyllabic"],
        complex_words=counts["complex"],
    )


def _words(text: str) -> list[str]:
    """twine's word tokenizer: initialisms, or runs of letters, digits and `'`."""
    import regex

    return regex.findall(r"(?:[A-Z]\.){2,}|[\p{N}\p{L}']+", text)


def vale_sentences(paragraph: str) -> list[str]:
    """A paragraph's sentences as Vale's Punkt segmenter splits plain prose: after `.`,
    `?` or `!` (and closing quotes or brackets) before white space, except after an
    abbreviation (`i.e.`, `p.m.`, `Dr.`: a word with a period inside, or a known one)."""
    sentences: list[str] = []
    start = 0
    for end in _SENTENCE_BREAK.finditer(paragraph):
        before = paragraph[start : end.start()].rstrip("\"')]’”")
        if before.endswith("."):
            word = before.rsplit(None, 1)[-1][:-1].lstrip("(\"'‘“[").lower()
            if "." in word or word in _ABBREVIATIONS:
                continue
        sentences.append(paragraph[start : end.start()])
        start = end.end()
    sentences.append(paragraph[start:])
    return [s.strip() for s in sentences if s.strip()]


@dataclass(frozen=True)
class _SyllableRules:
    """twine's syllable tables (brandlint/data/vale-syllables, see its NOTICE)."""

    corner_cases: dict[str, int]
    fewer: tuple[re.Pattern[str], ...]  # each match is one syllable fewer
    more: tuple[re.Pattern[str], ...]  # each match is one syllable more
    vowels: re.Pattern[str]
    prefixes: tuple[tuple[str, ...], ...]  # first group counts 2, the next 1
    suffixes: tuple[tuple[str, ...], ...]  # 3, 2, 1


@cache
def _syllable_rules() -> _SyllableRules:
    import json
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "data" / "vale-syllables" / "syllables.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    return _SyllableRules(
        corner_cases=data["cornercases"],
        fewer=tuple(re.compile(data[k]) for k in ("monosyllabicOne", "monosyllabicTwo")),
        more=tuple(
            re.compile(data[k])
            for k in (
                "doubleSyllabicOne",
                "doubleSyllabicTwo",
                "doubleSyllabicThree",
                "doubleSyllabicFour",
            )
        ),
        vowels=re.compile(data["vowels"]),
        prefixes=tuple(tuple(group) for group in data["incrementToPrefix"]),
        suffixes=tuple(tuple(group) for group in data["incrementToSuffix"]),
    )


def vale_syllables(word: str) -> int:
    """Syllables of `word` by twine's rules (`summarize.Syllables`): at least one; a word
    of one or two letters has one."""
    if not word:
        return 0
    if len(word) < 3:
        return 1
    word = word.lower()
    rules = _syllable_rules()
    if word in rules.corner_cases:
        return rules.corner_cases[word]
    word, count = _strip_affix(word, rules.prefixes, prefix=True)
    word, more = _strip_affix(word, rules.suffixes, prefix=False)
    count += more + len(rules.vowels.findall(word))
    count -= sum(len(p.findall(word)) for p in rules.fewer)
    count += sum(len(p.findall(word)) for p in rules.more)
    return max(count, 1)


def _strip_affix(word: str, groups: tuple[tuple[str, ...], ...], prefix: bool) -> tuple[str, int]:
    """The first listed affix `word` has, removed, and the syllables its group counts (the
    first group the most); (word, 0) when it has none."""
    for rank, group in enumerate(groups):
        for affix in group:
            if word.startswith(affix) if prefix else word.endswith(affix):
                return (word[len(affix) :] if prefix else word[: -len(affix)]), len(groups) - rank
    return word, 0


@dataclass(frozen=True)
class Counts:
    """What a document's formulas read, counted once per document (every metric rule of a
    style shares them)."""

    values: dict[str, float]
    words: tuple[str, ...]
    summary: Summary


def count(ctx: LintContext) -> Counts:
    """Vale's metric variables for the document: its running text (Vale's summary: each
    block followed by a blank line) counted as Vale counts it, and the elements Vale's
    walker counts."""
    parts: list[str] = []
    elements = dict.fromkeys(("list", "blockquote", *(f"heading_h{n}" for n in range(1, 7))), 0)
    for view in ctx.views:
        block = view.block
        for level in range(1, 7):
            if block.in_scope(f"heading.h{level}"):
                elements[f"heading_h{level}"] += 1
        if any(block.in_scope(scope) for scope in _NOT_SUMMARY):
            continue
        for scope in ("list", "blockquote"):
            if block.in_scope(scope):
                elements[scope] += 1
        parts.append(view.text + "\n\n")
    text = "".join(parts)
    summary = summarize(text)
    values: dict[str, float] = {
        "words": summary.words,
        "sentences": summary.sentences,
        "paragraphs": summary.paragraphs - 1,  # the text ends with a blank line
        "characters": summary.characters,
        "long_words": summary.long_words,
        **elements,
    }
    return Counts(values, tuple(_words(text)), summary)


def count_syllables(ctx: LintContext) -> dict[str, float]:
    """`syllables`, `polysyllabic_words` and `complex_words` (check the language first):
    English by Vale's rules; another language by its own syllable data (textstat's
    hyphenation dictionaries), never by English rules."""
    counts = ctx.fact(count)
    lang = ctx.document.lang or "en"
    if lang == "en":
        summary = counts.summary
        return {
            "syllables": summary.syllables,
            "polysyllabic_words": summary.polysyllabic_words,
            "complex_words": summary.complex_words,
        }
    from brandlint import readability

    textstat_syllables = readability.textstat_backend().counts.count_syllables
    total = polysyllabic = complex_words = 0
    for word in counts.words:
        syllables = textstat_syllables(word.lower(), lang)
        total += syllables
        polysyllabic += syllables > 2
        complex_words += syllables - word.endswith(_COMPLEX_SUFFIXES) > 2
    return {
        "syllables": total,
        "polysyllabic_words": polysyllabic,
        "complex_words": complex_words,
    }


def count_code_blocks(ctx: LintContext) -> float:
    """`pre`: code blocks in the source (they never become copy, so the source is read)."""
    document = ctx.document
    if document.format == "markdown":
        from markdown_it import MarkdownIt

        tokens = MarkdownIt("commonmark").parse(document.source)
        return sum(1 for t in tokens if t.type in ("fence", "code_block"))
    if document.format in ("html", "svg"):
        return len(re.findall(r"<pre\b", document.source, re.IGNORECASE))
    return 0


@dataclass(frozen=True)
class MetricOptions(Options):
    """The keys a `metric` rule takes, each declared once (`brandlint.core.options`)."""

    formula: str = option(
        "",
        doc="Arithmetic over the variables (words, sentences, syllables, "
        "polysyllabic_words, complex_words, long_words, characters, paragraphs, pre, list, "
        "blockquote, heading_h1 … heading_h6), with + - * /, parentheses and math.sqrt, "
        "math.abs and the other functions of Vale's math module.",
        example="(words / sentences) + ((long_words * 100) / words)",
    )
    condition: str = option(
        "",
        doc="When the formula's value is reported: a comparison (>, <, >=, <=, ==, !=) "
        "and a number.",
        example="> 35",
    )


class Metric(Rule):
    kind = "metric"
    Options = MetricOptions
    default_message = "The formula's value is %s."

    def __init__(self, spec: RuleSpec, problems: list[Problem]) -> None:
        super().__init__(spec, problems)
        self.formula: Formula | None = None
        self.condition: Condition | None = None
        self.require(bool(self.opts.formula), "a metric rule needs a 'formula' to compute")
        self.require(bool(self.opts.condition), "a metric rule needs a 'condition' (e.g. '> 8')")
        if self.opts.formula:
            self._parse("formula")
        if self.opts.condition:
            self._parse("condition")
        if set(self.scope) - {"summary", "text"}:
            self.problems.append(
                spec.problem(
                    ("scope",),
                    f"{spec.id}: a metric rule measures the whole document's running text "
                    "(Vale's summary scope); its 'scope' is not used",
                    "warning",
                )
            )
        self.scope = ()
        self.names: frozenset[str] = frozenset()
        for parsed in (self.formula, self.condition):
            if parsed is not None:
                self.names |= parsed.names

    def _parse(self, key: str) -> None:
        source = str(getattr(self.opts, key))
        try:
            if key == "formula":
                self.formula = Formula(source, VARIABLES)
            else:
                self.condition = Condition(source, VARIABLES)
        except FormulaError as exc:
            self._report(
                (key,),
                f"{self.spec.id}: the {key} {source.strip()!r} cannot be computed: {exc} "
                f"(at character {exc.position + 1})",
            )

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        if self.formula is None or self.condition is None:
            return
        counts = ctx.fact(count)
        if not counts.words:
            return  # no running text: nothing to measure (Vale says nothing either)
        lang = ctx.document.lang or "en"
        reason = self._unmeasurable(lang)
        if reason:
            yield Finding(0, 0, reason, in_source=True, level=Level.SUGGESTION)
            return
        values = dict(counts.values)
        if self.names & SYLLABLE_BASED:
            values.update(ctx.fact(count_syllables))
        if "pre" in self.names:
            values["pre"] = ctx.fact(count_code_blocks)
        try:
            value = float(self.formula.evaluate(values))
            hit = self.condition.holds(value, values)
        except FormulaError as exc:
            message = f"{self.id} could not compute its formula for this document: {exc}."
            yield Finding(0, 0, message, in_source=True, level=Level.SUGGESTION)
            return
        if hit:
            message = format_message(self.message, format_value(value))
            yield Finding(0, 0, message, in_source=True)

    def _unmeasurable(self, lang: str) -> str:
        """Why this rule's variables cannot be counted for `lang` ('' when they can)."""
        needed = self.names & SYLLABLE_BASED
        if not needed:
            return ""
        listed = ", ".join(sorted(needed))
        if lang != "en" and needed & ENGLISH_ONLY:
            return (
                f"{self.id} is not measured for '{lang}' copy: complex_words is English-only "
                "(it sets aside the English endings -es, -ed and -ing)."
            )
        from brandlint.readability import unsupported_reason

        reason = unsupported_reason(lang)
        if not reason:
            return ""
        why = reason.split(": ", 1)[-1]
        return (
            f"{self.id} is not measured for '{lang}' copy: its formula counts syllables "
            f"({listed}), and {why}."
        )
