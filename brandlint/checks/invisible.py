"""`invisible`: format characters a reader cannot see (zero-width space, soft hyphen, bidi
marks, BOM…) in copy. They hide words from search and from the guide's terms, and on SMS
any of them forces UCS-2: 70 characters a segment instead of 160.

Emoji keep theirs: a zero-width joiner or variation selector after a symbol is part of an
emoji sequence (👩‍💻, ❤️), and tag characters make up subdivision flags.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from brandlint.core.errors import Problem
from brandlint.core.options import Options, option
from brandlint.core.rule import Finding, LintContext, Rule, channel_label, format_message
from brandlint.core.spec import RuleSpec
from brandlint.text_case import invisible_characters

_EMOJI_PARTS = frozenset({0x200D, *range(0xFE00, 0xFE10), *range(0xE0020, 0xE0080)})


@dataclass(frozen=True)
class InvisibleOptions(Options):
    """The keys a `invisible` rule takes, each declared once (`brandlint.core.options`)."""

    allow: tuple[str, ...] = option(
        (),
        doc="Invisible characters that may stay, as code points (U+00AD for soft hyphens).",
        example=["U+00AD"],
    )


class Invisible(Rule):
    kind = "invisible"
    per_block = True
    Options = InvisibleOptions
    default_message = "Invisible character %s here; delete it."

    def __init__(self, spec: RuleSpec, problems: list[Problem]) -> None:
        super().__init__(spec, problems)
        self.allowed = {_code_point(text) for text in self.opts.allow}

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        sms = (ctx.document.channel or "") == "sms"
        for view in ctx.in_scope(self):
            text = view.text
            for offset, char in invisible_characters(text):
                code = ord(char)
                if code in self.allowed or (code in _EMOJI_PARTS and _after_symbol(text, offset)):
                    continue
                name = unicodedata.name(char, "FORMAT CHARACTER").title()
                label = f"U+{code:04X} ({name})"
                message = format_message(self.message, label)
                if sms:
                    message += f" It forces Unicode{channel_label('sms')}: 70 characters a segment."
                start = view.block.start + offset
                yield Finding(start, start + 1, message, ("",))


def _after_symbol(text: str, offset: int) -> bool:
    """Part of an emoji sequence: after a symbol or another emoji part."""
    before = offset - 1
    while before >= 0 and ord(text[before]) in _EMOJI_PARTS:
        before -= 1
    return before >= 0 and unicodedata.category(text[before]) in ("So", "Sk", "Mn", "Me")


def _code_point(text: str) -> int:
    cleaned = text.strip().upper().removeprefix("U+").removeprefix("\\U")
    try:
        return int(cleaned, 16)
    except ValueError:
        return ord(text[0]) if len(text) == 1 else -1
