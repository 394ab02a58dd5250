"""A guide that contradicts itself: found at load, said as warnings, and kept from fixes.

- a term preferred by one entry (`use`) and banned by another (`avoid`, `instead_of`) in
  a language both apply to;
- a required wording (`required` rules: "Reply STOP to opt out.") that holds a banned word;
- a consistency group that lists a banned spelling: the group still accepts the others,
  but never holds a document to the banned one nor proposes it (the term flags it).

Languages count: a term banned only in English does not contradict a Norwegian one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from brandlint.checks.consistency import Consistency
from brandlint.checks.required import Required
from brandlint.checks.term import Term
from brandlint.core.errors import Problem
from brandlint.core.rule import Rule
from brandlint.text_case import fold


@dataclass(frozen=True)
class _Banned:
    form: str
    rule: Term
    how: str  # "avoid" or "instead_of"


def check_coherence(rules: Sequence[Rule], problems: list[Problem]) -> None:
    """Warn about contradictions among `rules` (into `problems`) and tell consistency
    rules which spellings the guide bans."""
    terms = [r for r in rules if isinstance(r, Term)]
    # a term that holds only between context words ("check out" after "to") bans nothing
    # elsewhere: the noun "checkout" and the verb "check out" can both be preferred
    banned = [
        _Banned(form, term, how)
        for term in terms
        if not (term.before or term.after)
        for how, forms in (("avoid", term.avoid), ("instead_of", term.variants))
        for form in forms
    ]
    if not banned:
        return
    for term in terms:
        for ban in banned:
            if term.use and _same(term.use, ban.form) and _overlap(term, ban.rule):
                where = "its own" if ban.rule is term else f"{ban.rule.id}'s"
                problems.append(
                    term.spec.problem(
                        ("use",),
                        f"{term.id}: '{term.use}' is the preferred term, but {where} "
                        f"'{ban.how}' bans it; one of them must go",
                        "warning",
                    )
                )
    for rule in rules:
        if isinstance(rule, Required) and rule.text:
            for ban in banned:
                if (
                    ban.how == "avoid"
                    and _overlap(rule, ban.rule)
                    and _contains(rule.text, ban.form)
                ):
                    problems.append(
                        rule.spec.problem(
                            ("text",),
                            f"{rule.id}: the required wording '{rule.text}' holds "
                            f"'{ban.form}', which {ban.rule.id} bans",
                            "warning",
                        )
                    )
        elif isinstance(rule, Consistency):
            _consistency(rule, banned, problems)


def _consistency(rule: Consistency, banned: list[_Banned], problems: list[Problem]) -> None:
    spellings = [word for _, _, words in rule.literal for word in words]
    for ban in banned:
        if not _overlap(rule, ban.rule):
            continue
        # every ban counts: an inflected fix ("omnikanalen") may be what a term bans
        rule.banned.append((ban.rule.spec.langs, ban.form))
        if any(_same(word, ban.form) for word in spellings):
            problems.append(
                rule.spec.problem(
                    (),
                    f"{rule.id}: the group lists '{ban.form}', which {ban.rule.id} bans; "
                    "documents are never held to it",
                    "warning",
                )
            )


def _same(a: str, b: str) -> bool:
    return " ".join(fold(a).split()) == " ".join(fold(b).split())


def _contains(text: str, phrase: str) -> bool:
    words = r"\s+".join(re.escape(w) for w in fold(phrase).split())
    return re.search(rf"(?<!\w){words}(?!\w)", fold(text)) is not None


def _overlap(a: Rule, b: Rule) -> bool:
    """Whether two rules can apply to copy in one same language."""
    first = [lang for lang in a.spec.langs if not lang.startswith("~")]
    second = [lang for lang in b.spec.langs if not lang.startswith("~")]
    return not first or not second or bool(set(first) & set(second))
