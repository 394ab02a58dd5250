"""`metric`: a formula over the document's counts (words, sentences, syllables, …) tested
against a condition, as Vale's metric rules write readability formulas.

The variables are Vale's, counted as Vale counts them over the document's running text
(paragraphs, list items and quotations; not headings, tables, alt text or front matter):

- `words`: runs of letters, digits and apostrophes (straight or curly), or initialisms
  such as `U.S.`; `characters`: the letters and digits in them; `long_words`: words of
  more than six characters;
- `sentences`: sentences with at least one word; `paragraphs`: blocks of running text;
- `syllables`, `polysyllabic_words` (more than two syllables) and `complex_words`
  (polysyllabic once a final -es, -ed or -ing is set aside): syllables from textstat's
  counter, CMUdict for English and pyphen's hyphenation dictionaries for other languages;
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

import re
from collections.abc import Iterator
from dataclasses import dataclass

from brandlint.core.alerts import Level
from brandlint.core.errors import Problem
from brandlint.core.options import Options, option
from brandlint.core.rule import Finding, LintContext, Rule, format_message
from brandlint.core.spec import RuleSpec
from brandlint.formula import Condition, Formula, FormulaError, format_value

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
_WORD = re.compile(r"(?:[A-Z]\.){2,}|(?:[^\W_]|['’])+")
# blocks that are not running text (Vale's summary holds paragraphs, list items and quotes)
_NOT_SUMMARY = ("heading", "alt", "title", "meta", "table", "caption", "button")
_COMPLEX_SUFFIXES = ("es", "ed", "ing")


@dataclass(frozen=True)
class Counts:
    """What a document's formulas read, counted once per document (every metric rule of a
    style shares them)."""

    values: dict[str, float]
    words: tuple[str, ...]


def count(ctx: LintContext) -> Counts:
    """Vale's metric variables for the document, except the syllable-based ones."""
    words: list[str] = []
    sentences = paragraphs = 0
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
        found = _WORD.findall(view.text)
        if not found:
            continue
        paragraphs += 1
        words.extend(found)
        sentences += sum(1 for sentence in view.sentences if _WORD.search(sentence.text))
    values: dict[str, float] = {
        "words": len(words),
        "sentences": sentences,
        "paragraphs": paragraphs,
        "characters": sum(sum(1 for c in w if c.isalnum()) for w in words),
        "long_words": sum(1 for w in words if len(w) > 6),
        **elements,
    }
    return Counts(values, tuple(words))


def count_syllables(ctx: LintContext) -> dict[str, float]:
    """`syllables`, `polysyllabic_words` and `complex_words` (check the language first)."""
    from brandlint import readability

    textstat_syllables = readability.textstat_backend().counts.count_syllables
    lang = ctx.document.lang or "en"
    if lang == "en" and not readability._install_syllables():
        readability._ensure_cmudict()  # English syllables without NLTK's download
    code = "en_US" if lang == "en" else lang
    total = polysyllabic = complex_words = 0
    for word in ctx.fact(count).words:
        syllables = textstat_syllables(word.lower().replace("’", "'"), code)
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
