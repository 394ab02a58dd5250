"""SMS length as carriers count it (GSM 03.38 / 3GPP TS 23.038).

A message in the GSM-7 alphabet holds 160 characters; concatenated, each segment holds 153
(7 septets go to the header). Characters of the extension table (€ [ ] { } ^ ~ | \\ and form
feed) take two septets. One character outside GSM-7 forces UCS-2 for the whole message: 70
UTF-16 code units, or 67 per concatenated segment — an emoji takes two.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

GSM7_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM7_EXTENSION = frozenset("\f^{}\\[~]|€")


@dataclass(frozen=True)
class SmsSize:
    """What a text costs as an SMS: its encoding, units and segments."""

    encoding: str  # "GSM-7" or "UCS-2"
    units: int  # septets (GSM-7) or UTF-16 code units (UCS-2)
    segments: int
    per_segment: int  # capacity of one segment in this encoding and segment count
    first_unicode: int | None  # offset of the first character that forces UCS-2


def first_non_gsm(text: str) -> int | None:
    for index, char in enumerate(text):
        if char not in GSM7_BASIC and char not in GSM7_EXTENSION:
            return index
    return None


def sms_size(text: str) -> SmsSize:
    unicode_at = first_non_gsm(text)
    if unicode_at is None:
        units = sum(2 if c in GSM7_EXTENSION else 1 for c in text)
        single, multi, encoding = 160, 153, "GSM-7"
    else:
        units = len(text.encode("utf-16-le")) // 2
        single, multi, encoding = 70, 67, "UCS-2"
    segments = 1 if units <= single else math.ceil(units / multi)
    return SmsSize(encoding, units, segments, single if segments == 1 else multi, unicode_at)


def offset_of_unit(text: str, limit: int, encoding: str) -> int:
    """The character offset where the count passes `limit` units."""
    used = 0
    for index, char in enumerate(text):
        if encoding == "GSM-7":
            used += 2 if char in GSM7_EXTENSION else 1
        else:
            used += len(char.encode("utf-16-le")) // 2
        if used > limit:
            return index
    return len(text)
