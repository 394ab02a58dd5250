"""Whether a word swap holds in any sentence, or only in some: the line between a fix
`brandlint fix` may apply and a suggestion a person chooses.

"guys" → "everyone" reads well in "Hey guys" and breaks "our guys" ("our everyone"): a
pronoun takes no determiner and agrees with its verb differently. Swapping a plural for a
singular ("the guys are" → "everyone are") breaks agreement the same way. Such swaps are
offered in the editor and listed by `fix --diff`, never applied blind. English only: other
languages' endings are rebuilt by their morphology (`brandlint.nlp.morphology`) or left as
suggestions there.
"""

from __future__ import annotations

import re

from brandlint.text_case import fold

_APOSTROPHE = re.compile("['’]")

_PRONOUNS_EN = frozenset(
    "i me my mine myself you your yours yourself yourselves he him his himself she her hers "
    "herself it its itself we us our ours ourselves they them their theirs themselves "
    "everyone everybody anyone anybody someone somebody nobody no-one y'all".split()
)
# English words in -s that are not plurals
_SINGULAR_S_EN = frozenset(
    "this is was has does its his hers ours yours theirs us always perhaps news series "
    "species means lens bus gas yes plus thus various".split()
)


def _plural_en(word: str) -> bool:
    return (
        len(word) > 2
        and word.endswith("s")
        and not word.endswith(("ss", "us", "is"))
        and word not in _SINGULAR_S_EN
    )


def changes_grammar(match: str, replacement: str, lang: str | None) -> bool:
    """Whether swapping `match` for `replacement` may break the sentence around it: a
    pronoun swapped in or out, or a plural for a singular (English)."""
    if (lang or "en").split("-")[0] != "en" or not replacement:
        return False
    have, want = _words(match), _words(replacement)
    if not have or not want:
        return False
    if {w for w in have if w in _PRONOUNS_EN} != {w for w in want if w in _PRONOUNS_EN}:
        return True
    return _plural_en(have[-1]) != _plural_en(want[-1])


def _words(text: str) -> list[str]:
    """Folded words, each without a contraction's tail ("we've" → "we", "that's" →
    "that"): contracting a phrase changes neither its pronouns nor its number."""
    return [_APOSTROPHE.split(word)[0] for word in fold(text).split()]
