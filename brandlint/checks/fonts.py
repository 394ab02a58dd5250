"""`fonts`: type comes from the brand's families, each in its place.

`families` are allowed everywhere; each entry of `uses` allows more families where its
`selectors` apply (`quote: {families: [Georgia], selectors: [blockquote, q, .quote]}`).
A stack is judged by its first real family (fallbacks and generic families are fine), in
stylesheets, `style` attributes, SVG `font-family` and email `<font face>`. A rule block
counts as a use only when every selector in it does (`h1, blockquote` styles a heading
too). `@font-face` declares a face rather than using one, so it is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from brandlint.assets.css import document_declarations
from brandlint.core.options import Options, option
from brandlint.core.rule import Finding, LintContext, Rule

_COMBINATORS = re.compile(r"\s*[>+~]\s*|\s+")
_PSEUDO = re.compile(r"::?[\w-]+(\([^)]*\))?")


@dataclass(frozen=True)
class FontUse(Options):
    """One use of type: the families allowed for some selectors."""

    families: tuple[str, ...] = option((), doc="Families allowed for these selectors.")
    selectors: tuple[str, ...] = option((), doc="CSS selectors (globs) this use covers.")


@dataclass(frozen=True)
class FontsOptions(Options):
    """The keys a `fonts` rule takes, each declared once (`brandlint.core.options`)."""

    families: tuple[str, ...] = option(
        (), doc="Families allowed everywhere.", example=["Inter", "Source Serif"]
    )
    uses: Mapping[str, FontUse] = option(
        None,
        doc="Families allowed by use: name → families and selectors.",
        example={"code": {"families": ["JetBrains Mono"], "selectors": ["code", "pre"]}},
    )


class Fonts(Rule):
    kind = "fonts"
    Options = FontsOptions

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        from brandlint.assets.fonts import first_family

        everywhere = list(self.opts.families)
        uses = {
            name: (list(use.families), list(use.selectors))
            for name, use in (self.opts.uses or {}).items()
        }
        if not everywhere and not uses:
            return
        for declaration in ctx.fact(document_declarations):
            if declaration.at_rule == "font-face":
                continue
            family = first_family(declaration)
            if family is None:
                continue
            allowed = list(everywhere)
            for families, selectors in uses.values():
                if _applies(declaration.context, selectors):
                    allowed += families
            if family.name.casefold() in {a.casefold() for a in allowed}:
                continue
            elsewhere = [
                (name, selectors)
                for name, (families, selectors) in uses.items()
                if family.name.casefold() in {f.casefold() for f in families}
            ]
            here = " or ".join(allowed) or "a brand font"
            if elsewhere:
                name, selectors = elsewhere[0]
                message = (
                    f"{family.name} is the {name} font ({', '.join(selectors)}); use {here} here."
                )
            else:
                message = f"Font '{family.name}' is not a brand font; use {here}."
            fix: tuple[str, ...] = ()
            as_written = ctx.document.source[family.start : family.end] == family.written
            if len(allowed) == 1 and as_written:  # not inside `&quot;…&quot;`
                quoted = family.written[0] in "\"'"
                fix = (f'"{allowed[0]}"' if quoted or " " in allowed[0] else allowed[0],)
            yield Finding(family.start, family.end, message, fix, in_source=True)


def _applies(context: str, selectors: list[str]) -> bool:
    """Whether every selector of a rule (or the element) is one of the use's selectors:
    `blockquote p` and `blockquote.pull` are quotes for `blockquote`; `.quote` needs the
    class."""
    if not context or not selectors:
        return False
    wanted = [_compound(s) for s in selectors]
    for complex_selector in context.split(","):
        compounds = [_compound(c) for c in _COMBINATORS.split(complex_selector.strip()) if c]
        if not any(_covers(w, c) for w in wanted for c in compounds):
            return False
    return True


def _compound(text: str) -> tuple[str, frozenset[str]]:
    """`blockquote.pull.big:hover` → ("blockquote", {"pull", "big"})."""
    text = _PSEUDO.sub("", text.strip())
    tag, *classes = text.split(".")
    return tag.split("#")[0].lower(), frozenset(c.split("#")[0] for c in classes)


def _covers(wanted: tuple[str, frozenset[str]], found: tuple[str, frozenset[str]]) -> bool:
    tag, classes = wanted
    return (not tag or tag == found[0]) and classes <= found[1] and bool(tag or classes)
