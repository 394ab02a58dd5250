"""`required`: wording a piece must carry — on a channel ("Reply STOP to opt out." at the end
of every SMS), or when something triggers it (a price or "free trial" needs "Terms apply.")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from brandlint.channels.fields import field_texts
from brandlint.core.errors import Problem
from brandlint.core.options import Options, option
from brandlint.core.rule import Finding, LintContext, Rule, channel_label
from brandlint.core.spec import RuleSpec


@dataclass(frozen=True)
class RequiredOptions(Options):
    """The keys a `required` rule takes, each declared once (`brandlint.core.options`)."""

    text: str = option(
        "", doc="The wording every piece must carry.", example="Reply STOP to opt out."
    )
    at: Literal["anywhere", "end"] = option(
        "anywhere",
        doc="Where the wording must stand: anywhere in the piece, or at its end.",
        per_channel=True,
    )
    when: str | None = option(
        None,
        doc="A regex: the wording is required only in pieces where it matches.",
        example="(?i)offer|sale",
    )
    ignorecase: bool = option(False, doc="Accept the wording in any case.")


class Required(Rule):
    kind = "required"
    Options = RequiredOptions

    def __init__(self, spec: RuleSpec, problems: list[Problem]) -> None:
        super().__init__(spec, problems)
        self.text = self.opts.text
        self.require(bool(self.text), "a required rule needs 'text'")
        self.flags = re.IGNORECASE if self.opts.ignorecase else 0
        trigger = self.opts.when
        self.trigger = self.regex(str(trigger), ("when",), re.IGNORECASE) if trigger else None

    def required_wording(self) -> tuple[str, ...]:
        return (self.text,) if self.text else ()

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        channel = ctx.document.channel
        where = self.setting(channel, "at")
        views = list(ctx.in_scope(self))
        for body in field_texts(views, ctx.document.text, "body"):
            anchor = (body.start, body.end)
            if self.trigger is not None:
                found = self.trigger.search(body.text)
                if not found:
                    continue
                anchor = (body.start + found.start(), body.start + found.end())
            text = body.text.rstrip()
            present = re.search(re.escape(self.text), text, self.flags)
            if where == "end":
                ok = re.search(re.escape(self.text) + r"\s*$", text, self.flags) is not None
            else:
                ok = present is not None
            if ok:
                continue
            if self.trigger is not None:
                cause = ctx.document.text[anchor[0] : anchor[1]]
                yield Finding(
                    *anchor, self.spec.message or f"'{cause}' needs '{self.text}' in the piece."
                )
            elif present:
                yield Finding(
                    body.start + present.start(),
                    body.start + present.end(),
                    self.spec.message or f"'{self.text}' must come last{channel_label(channel)}.",
                )
            else:
                verb = "end with" if where == "end" else "include"
                end = body.start + len(text)
                yield Finding(
                    end,
                    end,
                    self.spec.message
                    or f"This piece must {verb} '{self.text}'{channel_label(channel)}.",
                    (" " + self.text,) if where == "end" else (),
                )
