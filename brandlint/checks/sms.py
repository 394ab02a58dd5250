"""`sms`: a message that needs more segments than allowed, and why (GSM-7 or Unicode)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from brandlint.channels.fields import field_texts
from brandlint.channels.sms import offset_of_unit, sms_size
from brandlint.core.options import Options, option
from brandlint.core.rule import Finding, LintContext, Rule


@dataclass(frozen=True)
class SmsOptions(Options):
    """The keys a `sms` rule takes, each declared once (`brandlint.core.options`)."""

    max_segments: int = option(
        1,
        doc="The most SMS segments a message may take (GSM-7: 160 characters, 153 each "
        "when split; UCS-2: 70 and 67).",
        per_channel=True,
    )


class Sms(Rule):
    kind = "sms"
    Options = SmsOptions

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        allowed = self.setting(ctx.document.channel, "max_segments")
        for found in field_texts(list(ctx.in_scope(self)), ctx.document.text, "body"):
            size = sms_size(found.text)
            if size.segments <= allowed:
                continue
            capacity = (
                (160 if size.encoding == "GSM-7" else 70)
                if allowed == 1
                else allowed * (153 if size.encoding == "GSM-7" else 67)
            )
            what = "characters" if size.encoding == "GSM-7" else "code units"
            holds = "1 segment holds" if allowed == 1 else f"{allowed} segments hold"
            message = (
                f"This SMS needs {size.segments} segments: {size.units} {size.encoding} "
                f"{what}, and {holds} {capacity}."
            )
            if size.first_unicode is not None:
                char = found.text[size.first_unicode]
                message += f" '{char}' is not in the GSM-7 alphabet and forces Unicode."
                start = found.start + size.first_unicode
                yield Finding(start, start + len(char), message)
            else:
                cut = offset_of_unit(found.text, capacity, size.encoding)
                yield Finding(found.start + cut, found.end, message)
