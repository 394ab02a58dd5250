"""Every rule kind, registered in one place. A new kind is one module plus one line here."""

from __future__ import annotations

from brandlint.checks.capitalization import Capitalization
from brandlint.checks.caps import Caps
from brandlint.checks.conditional import Conditional
from brandlint.checks.consistency import Consistency
from brandlint.checks.contractions import Contractions
from brandlint.checks.contrast import Contrast
from brandlint.checks.emoji_policy import EmojiPolicy
from brandlint.checks.exclamation import Exclamation
from brandlint.checks.existence import Existence
from brandlint.checks.fonts import Fonts
from brandlint.checks.hashtags import Hashtags
from brandlint.checks.headings import Headings
from brandlint.checks.image_specs import ImageSpecs
from brandlint.checks.images import Images
from brandlint.checks.invisible import Invisible
from brandlint.checks.length import Length
from brandlint.checks.metric import Metric
from brandlint.checks.occurrence import Occurrence
from brandlint.checks.palette import Palette
from brandlint.checks.paragraph_length import ParagraphLength
from brandlint.checks.passive import Passive
from brandlint.checks.person import Person
from brandlint.checks.readability import Readability
from brandlint.checks.repetition import Repetition
from brandlint.checks.required import Required
from brandlint.checks.sentence_length import SentenceLength
from brandlint.checks.sequence import Sequence
from brandlint.checks.sms import Sms
from brandlint.checks.spelling import Spelling
from brandlint.checks.substitution import Substitution
from brandlint.checks.term import Term
from brandlint.checks.voice_profile import VoiceProfile
from brandlint.core.rule import Rule

KINDS: dict[str, type[Rule]] = {
    kind.kind: kind
    for kind in (
        # Vale's kinds
        Existence,
        Substitution,
        Occurrence,
        Repetition,
        Consistency,
        Capitalization,
        Conditional,
        Readability,
        Metric,
        Spelling,
        Sequence,
        # brandlint's own: terms, tone, channels
        Term,
        SentenceLength,
        ParagraphLength,
        Exclamation,
        Caps,
        EmojiPolicy,
        Passive,
        Contractions,
        Person,
        Length,
        Sms,
        Invisible,
        Hashtags,
        Headings,
        Required,
        VoiceProfile,
        # visual assets
        Images,
        ImageSpecs,
        Palette,
        Contrast,
        Fonts,
    )
}

# Vale kinds brandlint does not run, with the reason: loading a style that uses one warns
# (naming the rule, its file and line) and leaves the rule out, never fails.
NOT_YET: dict[str, str] = {"script": "Tengo scripts are not run by brandlint"}
