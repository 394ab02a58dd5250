"""The audit's records, typed: what a worker returns for one piece (`AuditedFile`), and what
a run adds up to (`AuditResult`).

A worker's record crosses process boundaries (local worker processes, Dask workers on other
machines: plain frozen dataclasses pickle as they are) and is kept in the result cache as
JSON (`AuditedFile.to_json` / `from_json`). It carries its alerts compactly: their JSON
records as one string, and a tally per rule for the scores. The main process counts a record
as it arrives and spools its alerts to disk (`audit.spool`): 80,000 alerts held as `Alert`
objects until the reports were written took the main process of a 10,000-piece audit from
about 150 to 220 MiB. `AuditResult.to_json` is the JSON report; the report writers stream
the same, reading the spool.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple

from brandlint.audit.spool import AlertSpool
from brandlint.core.alerts import Alert, Level
from brandlint.reporters.json_report import alert_from_record
from brandlint.scores import Scored

Json = dict[str, Any]


class FileStamp(NamedTuple):
    """A local file a result depends on (an image judged by its size): size and mtime_ns
    None when it was missing. A tuple, so `assets.image_files.stamps_current` reads it."""

    path: str
    size: int | None
    mtime_ns: int | None


@dataclass(frozen=True)
class FormCount:
    """How often one spelling of a term or consistency group occurs in one piece."""

    rule: str
    form: str
    count: int


class RuleTally(NamedTuple):
    """How many alerts of one rule, at one level and in one category, a piece has: what the
    scores and the summary need of its alerts, without them."""

    rule: str
    level: Level
    category: str
    alerts: int


def tally(records: Iterable[Mapping[str, Any]]) -> tuple[RuleTally, ...]:
    """The alerts' tallies in the order each (rule, level) first occurs (the summary lists
    rules of equal counts in that order). Raises KeyError or ValueError on a record that is
    not an alert's."""
    counts: dict[tuple[str, Level, str], int] = {}
    for record in records:
        key = (str(record["rule"]), Level.parse(str(record["level"])), str(record["category"]))
        counts[key] = counts.get(key, 0) + 1
    return tuple(RuleTally(*key, count) for key, count in counts.items())


@dataclass(frozen=True)
class AuditedFile:
    """What auditing one piece (a file, or a row of an export) found.

    `path` is how reports name the piece. A piece that could not be read (binary, not
    UTF-8, gone) has a `skipped` reason and nothing else. `records` is the JSON text of
    its alerts' records, `tallies` their counts per rule (`found` makes both): one string
    pickles and unpickles in a fraction of the time of the `Alert` objects it stands for."""

    path: str
    channel: str = ""
    lang: str = ""
    words: int = 0
    records: str = "[]"
    tallies: tuple[RuleTally, ...] = ()
    forms: tuple[FormCount, ...] = ()
    depends: tuple[FileStamp, ...] = ()
    skipped: str | None = None
    # the categories the rules applying to the piece guard (only those are scored), and
    # its voice score against the guide's profile with the profile's minimum (None: the
    # guide has no `voice:`, or the piece no prose the profile can score)
    categories: tuple[str, ...] = ()
    voice: int | None = None
    voice_min: int | None = None

    @classmethod
    def skip(cls, path: str, reason: str) -> AuditedFile:
        return cls(path, skipped=reason)

    @classmethod
    def found(
        cls,
        path: str,
        records: list[Json],
        *,
        channel: str,
        lang: str,
        words: int,
        forms: tuple[FormCount, ...],
        depends: tuple[FileStamp, ...],
        categories: tuple[str, ...],
        voice: int | None,
        voice_min: int | None,
    ) -> AuditedFile:
        """A piece that was audited, with its alerts' `records` (`alert_record`)."""
        return cls(
            path,
            channel,
            lang,
            words,
            json.dumps(records, ensure_ascii=False),
            tally(records),
            forms,
            depends,
            None,
            categories,
            voice,
            voice_min,
        )

    @property
    def alerts(self) -> tuple[Alert, ...]:
        """The alerts, for reports (they carry no source offsets: not for fixing)."""
        return tuple(alert_from_record(record) for record in json.loads(self.records))

    def to_json(self) -> Json:
        if self.skipped is not None:
            return {"path": self.path, "skipped": self.skipped}
        forms: dict[str, dict[str, int]] = {}
        for found in self.forms:
            forms.setdefault(found.rule, {})[found.form] = found.count
        return {
            "path": self.path,
            "channel": self.channel,
            "lang": self.lang,
            "words": self.words,
            "alerts": json.loads(self.records),
            "forms": forms,
            "depends": [list(stamp) for stamp in self.depends],
            "categories": list(self.categories),
            "voice": self.voice,
            "voice_min": self.voice_min,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> AuditedFile:
        """Raises KeyError, TypeError or ValueError on a record of another shape."""
        if "skipped" in data:
            return cls.skip(str(data["path"]), str(data["skipped"]))
        records = data["alerts"]
        for record in records:
            alert_from_record(record)  # a record that reads back as an alert, or a miss
        return cls.found(
            str(data["path"]),
            records,
            channel=str(data["channel"]),
            lang=str(data["lang"]),
            words=int(data["words"]),
            forms=tuple(
                FormCount(str(rule), str(form), int(count))
                for rule, counts in data["forms"].items()
                for form, count in counts.items()
            ),
            depends=tuple(FileStamp(*stamp) for stamp in data["depends"]),
            categories=tuple(str(name) for name in data["categories"]),
            voice=_optional_int(data["voice"]),
            voice_min=_optional_int(data["voice_min"]),
        )


def _optional_int(value: object) -> int | None:
    if value is None:
        return None
    if not isinstance(value, int):
        raise TypeError(f"not a whole number: {value!r}")
    return value


def _scores_json(scores: Scored | None) -> Json:
    """A document's, channel's or corpus's brand scores as the JSON report shows them (the
    shape of `brandlint score --format json`); all None when nothing was scored."""
    if scores is None:
        return {"score": None, "light": None, "categories": {}}
    shown = scores.record()
    return {"score": shown["score"], "light": shown["light"], "categories": shown["categories"]}


@dataclass(frozen=True)
class VoiceSpread:
    """How the voice scores of a channel's (or the corpus's) documents spread: quartiles
    read with linear interpolation between ranks (the inclusive method), and a histogram
    of ten 10-point bins (the last holds 90–100)."""

    documents: int
    minimum: int
    q1: float
    median: float
    q3: float
    maximum: int
    below: int  # documents under the profile's minimum
    bins: tuple[int, ...]

    def to_json(self) -> Json:
        return {
            "documents": self.documents,
            "min": self.minimum,
            "q1": self.q1,
            "median": self.median,
            "q3": self.q3,
            "max": self.maximum,
            "below_min": self.below,
            "histogram": list(self.bins),
        }


# -- the run ---------------------------------------------------------------------------


class _ScoredRecord:
    """A corpus, channel or document with its brand scores: its score and traffic light
    read through them, None when nothing was scored."""

    scores: Scored | None

    @property
    def score(self) -> float | None:
        return self.scores.score if self.scores else None

    @property
    def light(self) -> str | None:
        return self.scores.light if self.scores else None


@dataclass(frozen=True)
class Summary(_ScoredRecord):
    files: int
    skipped: int
    words: int
    alerts: int
    errors: int
    warnings: int
    suggestions: int
    scores: Scored | None  # the brand scores over the corpus (None: no words to score)
    voice: VoiceSpread | None = None

    def to_json(self) -> Json:
        return {
            "files": self.files,
            "skipped": self.skipped,
            "words": self.words,
            "alerts": self.alerts,
            "errors": self.errors,
            "warnings": self.warnings,
            "suggestions": self.suggestions,
            **_scores_json(self.scores),
            "voice": self.voice.to_json() if self.voice else None,
        }


@dataclass(frozen=True)
class ChannelScore(_ScoredRecord):
    channel: str
    files: int
    words: int
    alerts: int
    scores: Scored | None
    voice: VoiceSpread | None = None

    def to_json(self) -> Json:
        return {
            "channel": self.channel,
            "files": self.files,
            "words": self.words,
            "alerts": self.alerts,
            **_scores_json(self.scores),
            "voice": self.voice.to_json() if self.voice else None,
        }


@dataclass(frozen=True)
class RuleScore:
    rule: str
    level: Level
    count: int
    files: int  # audited documents with at least one of its alerts
    compliance: float

    def to_json(self) -> Json:
        return {
            "rule": self.rule,
            "level": str(self.level),
            "count": self.count,
            "files": self.files,
            "compliance": self.compliance,
        }


@dataclass(frozen=True)
class DocumentScore(_ScoredRecord):
    path: str
    channel: str
    lang: str
    words: int
    scores: Scored | None  # None: no words (a stylesheet, an image) or no category
    alerts: int
    voice: int | None = None
    voice_min: int | None = None

    def to_json(self) -> Json:
        return {
            "path": self.path,
            "channel": self.channel,
            "lang": self.lang,
            "words": self.words,
            **_scores_json(self.scores),
            "alerts": self.alerts,
            "voice": self.voice,
            "voice_min": self.voice_min,
        }


@dataclass(frozen=True)
class FormSpread:
    """One spelling across the corpus: in how many files, and (up to five) which."""

    form: str
    files: int
    examples: tuple[str, ...]

    def to_json(self) -> Json:
        return {"form": self.form, "files": self.files, "examples": list(self.examples)}


@dataclass(frozen=True)
class Variant:
    """A term or consistency group spelled more than one way across the corpus."""

    rule: str
    forms: tuple[FormSpread, ...]

    def to_json(self) -> Json:
        return {"rule": self.rule, "forms": [f.to_json() for f in self.forms]}


@dataclass(frozen=True)
class SkippedFile:
    path: str
    reason: str

    def to_json(self) -> Json:
        return {"path": self.path, "reason": self.reason}


@dataclass(frozen=True)
class AuditResult:
    """A whole audit: the corpus summary, scores per channel, rule and document (lowest
    first), term variants, every alert (on disk until read), and the pieces skipped."""

    summary: Summary
    channels: tuple[ChannelScore, ...]
    rules: tuple[RuleScore, ...]
    documents: tuple[DocumentScore, ...]
    variants: tuple[Variant, ...]
    alerts: AlertSpool
    skipped: tuple[SkippedFile, ...]
    # for `--history`: the fingerprints of the guides in force
    guides: tuple[str, ...] = ()

    def to_json(self) -> Json:
        """The JSON report, every alert read into memory (the report writers stream them)."""
        return self.head_json() | {
            "alerts": list(self.alerts.records()),
            "skipped": [s.to_json() for s in self.skipped],
        }

    def head_json(self) -> Json:
        """The JSON report's parts before its alerts."""
        return {
            "summary": self.summary.to_json(),
            "channels": [c.to_json() for c in self.channels],
            "rules": [r.to_json() for r in self.rules],
            "documents": [d.to_json() for d in self.documents],
            "variants": [v.to_json() for v in self.variants],
        }
