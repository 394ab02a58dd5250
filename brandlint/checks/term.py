"""`term`: the heart of a brand guide — preferred terms, banned terms and exact names.

One entry of a guide's `terms:` section becomes one term rule:
  use + instead_of   preferred term and its wrong variants (fix: the preferred term)
  avoid + suggest    banned words, with a reason and optional alternatives
  case: exact        the name must be written exactly so (Kestrel Cloud, never Kestrel cloud,
                     KestrelCloud or Kestrel-Cloud — joined and hyphenated forms are added)
  inflect            match every inflection: lemmas, and the language's own endings where it
                     has a morphology (hu Kestrelnek, az Kestrel'in, nb Kestrelen)
  compounds          also inside closed compounds (nb omnikanalstrategi), opt-in
  preceded_by / followed_by   only when a listed word stands before / after (verb uses)
  first_mention      the first mention carries a mark (Kestrel Pay®), later ones do not
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from brandlint.checks.fix_safety import changes_grammar
from brandlint.checks.patterns import PatternRule
from brandlint.core.errors import Problem
from brandlint.core.options import Options, option
from brandlint.core.rule import Finding, Hit, LintContext, format_message
from brandlint.core.spec import RuleSpec
from brandlint.inflect import inflect_like
from brandlint.matching import Form, PhraseIndex
from brandlint.text_case import canonical, fold, follow_case, is_all_caps, lower

_NAME, _VARIANT, _AVOID = "name", "variant", "avoid"


@dataclass(frozen=True)
class FirstMention(Options):
    """How the first mention of a name is written in a piece."""

    text: str = option("", doc="The first mention as written, e.g. 'Kestrel Pay®'.")
    channels: tuple[str, ...] = option((), doc="Channels where the rule holds (none: all).")


@dataclass(frozen=True)
class TermOptions(Options):
    """The keys a `term` rule takes, each declared once (`brandlint.core.options`)."""

    use: str = option(
        "",
        doc="The preferred term, or the product name written exactly so.",
        example="Kestrel Cloud",
    )
    instead_of: tuple[str, ...] = option(
        (), doc="Wrong variants; each alert offers `use` as the fix.", example=["KestrelCloud"]
    )
    avoid: tuple[str, ...] = option((), doc="Words never to use.", example=["synergy"])
    suggest: tuple[str, ...] = option((), doc="Alternatives offered for an avoided word.")
    case: Literal["any", "exact"] = option(
        "any", doc="exact: the name must be written exactly as `use`, in any context."
    )
    inflect: bool = option(
        True,
        doc="Also match inflections (leverage → leveraging; Hungarian Kestrelnek), where the "
        "language has lemmas or endings brandlint knows (hu, nb, az).",
    )
    compounds: bool | tuple[str, ...] = option(
        False,
        doc="Also match the term inside a closed compound (Norwegian omnikanalstrategi), in "
        "every language with a morphology (true) or in the languages listed.",
        example=["nb", "hu"],
    )
    exceptions: tuple[str, ...] = option((), doc="Phrases around a match that let it through.")
    preceded_by: tuple[str, ...] = option((), doc="Only when one of these words comes just before.")
    followed_by: tuple[str, ...] = option((), doc="Only when one of these words comes just after.")
    first_mention: FirstMention | None = option(
        None,
        doc="How the first mention in a piece is written (a ® or ™ mark).",
        example={"text": "Kestrel Pay®"},
    )


class Term(PatternRule):
    kind = "term"
    finds_phrases = True
    speaks_for_brand = True
    default_message = ""  # each finding type has its own wording unless the guide sets one
    Options = TermOptions

    def __init__(self, spec: RuleSpec, problems: list[Problem]) -> None:
        super().__init__(spec, problems)
        opts: TermOptions = self.opts
        self.use = opts.use
        self.variants = list(opts.instead_of)
        self.avoid = list(opts.avoid)
        self.suggest = list(opts.suggest)
        self.exact = opts.case == "exact"
        self.inflect = opts.inflect
        self.compounds = opts.compounds
        self.before = {fold(w) for w in opts.preceded_by}
        self.after = {fold(w) for w in opts.followed_by}
        first = opts.first_mention
        self.first_text = first.text if first else ""
        self.first_channels = set(first.channels) if first else set()
        if self.first_text and not self.first_text.startswith(self.use or "\0"):
            problems.append(
                spec.problem(
                    ("first_mention",),
                    f"first_mention text must start with the term itself ({self.use!r})",
                )
            )

    def exact_names(self) -> tuple[str, ...]:
        # a spelling with capitals (iOS, JavaScript) is part of the guide even when the
        # term matches any case: case changes keep it, tone rules leave it alone
        capitals = any(char.isupper() for char in self.use)
        return (self.use,) if self.use and (self.exact or capitals) else ()

    def spelling(self, text: str) -> str:
        return canonical(text) if self.exact else fold(text)  # names: case is the point

    def _name_forms(self) -> list[str]:
        forms = [self.use]
        words = self.use.split()
        if self.exact and len(words) > 1:
            forms += ["".join(words), "-".join(words)]
        return forms

    def register(self, index: PhraseIndex) -> None:
        word_attr = "LEMMA" if self.inflect else "LOWER"
        compounds = self.compounds is True or (
            isinstance(self.compounds, tuple) and index.lang in self.compounds
        )
        if self.use and (self.exact or self.first_text):
            name_attr = "WORD" if self.inflect else "LOWER"
            index.add(self, _NAME, self._name_forms(), name_attr, compounds=compounds)
        if self.variants:
            index.add(self, _VARIANT, self.variants, word_attr, compounds=compounds)
        if self.avoid:
            index.add(self, _AVOID, self.avoid, word_attr, compounds=compounds)

    def needs_hits(self) -> bool:
        return True

    def _in_context(self, ctx: LintContext, hit: Hit) -> bool:
        if not self.before and not self.after:
            return True
        doc = ctx.views[hit.view].doc
        previous = doc[hit.token_start - 1].lower_ if hit.token_start > 0 else ""
        following = doc[hit.token_end].lower_ if hit.token_end < len(doc) else ""
        return previous in self.before or following in self.after

    def _replacement(self, ctx: LintContext, hit: Hit, text: str, word: str) -> str | None:
        """`word` inflected and cased like the matched `text`; None when the ending cannot
        be built on `word` with certainty (the base form is then only suggested)."""
        lang = ctx.document.lang or "en"
        form: Form | None = hit.form
        if form is not None:
            built = form.rebuild(word)
            if built is None:
                return None
            word = built
        else:
            doc = ctx.views[hit.view].doc
            listed = {fold(w, lang) for w in (*self.variants, *self.avoid)}
            if self.inflect and fold(text, lang) not in listed:
                for token in doc[hit.token_start : hit.token_end]:
                    if token.lower_ != token.lemma_ and token.lemma_:
                        word = inflect_like(token.text, token.lemma_, word, lang)
                        break
        return word if self.exact else follow_case(text, word, lang)

    def _fixes(
        self, ctx: LintContext, hit: Hit, text: str, words: list[str]
    ) -> tuple[tuple[str, ...], bool]:
        """The fixes for a hit, and whether they are only suggestions: the base forms
        (cased like the match) when an ending cannot be rebuilt on them."""
        built = [self._replacement(ctx, hit, text, w) for w in words]
        if all(b is not None for b in built):
            return tuple(b for b in built if b is not None), False
        lang = ctx.document.lang or "en"
        return tuple(w if self.exact else follow_case(text, w, lang) for w in words), True

    @staticmethod
    def _context_dependent(ctx: LintContext, text: str, fixes: tuple[str, ...]) -> bool:
        """A swap that may break the sentence around it (a pronoun, a plural for a
        singular: "our guys" → "our everyone") is only suggested."""
        return any(changes_grammar(text, fix, ctx.document.lang) for fix in fixes)

    def _name_fix(self, ctx: LintContext, hit: Hit, text: str) -> str | None:
        """The name as the guide writes it, with any ending the copy gave it; None when
        the copy writes it so."""
        form: Form | None = hit.form
        if form is None or form.inflection is None or form.inflection.compound:
            return None if canonical(text) == self.use else self.use
        source = ctx.document.text
        # the letters of the name the word keeps (a final -a of 'Kestra' lengthens)
        dropped = max(0, len(form.stem) - (form.stem_end - form.stem_start))
        name = self.use[: len(self.use) - dropped]
        written = " ".join(canonical(source[hit.start : form.stem_end]).split())
        if written == name:
            return None
        lang = ctx.document.lang or ""
        ending = source[form.stem_end : hit.end]
        if is_all_caps(ending, lang) and not is_all_caps(self.use, lang):
            ending = lower(ending, lang)
        return name + ending

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        mentions = 0
        marks = self.first_text and (
            not self.first_channels or (ctx.document.channel or "") in self.first_channels
        )
        for hit, text in self.phrase_hits(ctx):
            if not self._in_context(ctx, hit):
                continue
            if hit.payload == _NAME:
                name = self._name_fix(ctx, hit, text)
                if name is not None:
                    message = format_message(self.message or "Write '%s', not '%s'.", name, text)
                    yield Finding(hit.start, hit.end, message, (name,))
                elif marks:
                    finding = self._mention(ctx, hit, mentions)
                    mentions += 1
                    if finding:
                        yield finding
            elif hit.payload == _VARIANT:
                fixes, suggested = self._fixes(ctx, hit, text, [self.use])
                template = self.message or (
                    "Use '%s' instead of '%s', with the ending it takes."
                    if suggested
                    else "Use '%s' instead of '%s'."
                )
                message = format_message(template, fixes[0], text)
                suggested = suggested or self._context_dependent(ctx, text, fixes)
                yield Finding(hit.start, hit.end, message, fixes, suggestion=suggested)
            else:
                fixes, suggested = self._fixes(ctx, hit, text, self.suggest)
                if self.message:
                    message = format_message(self.message, text, ", ".join(fixes))
                elif fixes:
                    message = f"Avoid '{text}'; use " + " or ".join(f"'{f}'" for f in fixes) + "."
                else:
                    message = f"Avoid '{text}'."
                suggested = suggested or self._context_dependent(ctx, text, fixes)
                yield Finding(hit.start, hit.end, message, fixes, suggestion=suggested)

    def _mention(self, ctx: LintContext, hit: Hit, earlier: int) -> Finding | None:
        mark = self.first_text[len(self.use) :]
        text = ctx.document.text
        has_mark = text.startswith(mark, hit.end)
        if earlier == 0 and not has_mark:
            return Finding(
                hit.start,
                hit.end,
                f"The first mention is written '{self.first_text}'.",
                (self.first_text,),
            )
        if earlier > 0 and has_mark:
            return Finding(
                hit.start,
                hit.end + len(mark),
                f"Only the first mention carries '{mark}'; write '{self.use}'.",
                (self.use,),
            )
        return None
