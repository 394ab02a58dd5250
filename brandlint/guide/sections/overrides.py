"""`rules:` — switch rules off, change their level or options, or define new ones.

Applied last, over every rule the guide and its `extends` brought in. A value set here is
checked against the rule kind's declaration and reported in this guide, not in the pack the
rule came from.
"""

from __future__ import annotations

import fnmatch
from dataclasses import replace
from typing import Any

from brandlint.checks.registry import KINDS
from brandlint.core.alerts import Level
from brandlint.core.options import coerce_values, did_you_mean
from brandlint.core.spec import RuleSettings, RuleSpec
from brandlint.guide.rule_files import spec_fields
from brandlint.guide.sections import GuideFile, Where


def apply_rules(source: GuideFile, specs: list[RuleSpec]) -> list[RuleSpec]:
    for pattern, setting in (source.data.get("rules") or {}).items():
        at = ("rules", pattern)
        if isinstance(setting, dict) and "extends" in setting:
            specs = [s for s in specs if s.id != pattern] + _define(source, at, pattern, setting)
            continue
        matched = {s.id for s in specs if fnmatch.fnmatchcase(s.id, pattern)}
        if not matched:
            hint = did_you_mean(pattern, {s.id for s in specs})
            source.report(at, f"no rule matches '{pattern}'{hint}", key=True, severity="warning")
            continue
        if str(setting) == "off":
            specs = [s for s in specs if s.id not in matched]
        else:
            specs = [_adjust(source, at, s, setting) if s.id in matched else s for s in specs]
    return specs


def _define(source: GuideFile, at: Where, rule_id: str, data: dict[str, Any]) -> list[RuleSpec]:
    kind = str(data.get("extends"))
    if kind not in KINDS:
        hint = did_you_mean(kind, set(KINDS))
        source.report((*at, "extends"), f"unknown rule kind '{kind}'{hint}")
        return []
    spec = source.rule(at, data, rule_id, kind)
    return [spec] if spec else []


def _adjust(source: GuideFile, at: Where, spec: RuleSpec, setting: Any) -> RuleSpec:
    if not isinstance(setting, dict):
        try:
            return replace(spec, level=Level.parse(str(setting)))
        except ValueError as exc:
            source.report(at, str(exc))
            return spec

    def report(where: Where, message: str, key: bool = False) -> None:
        source.report((*at, *where), message, key=key)

    declared = RuleSettings.declared()
    common = {k: v for k, v in setting.items() if k in declared and k != "per_channel"}
    values = coerce_values(RuleSettings, common, report, rule=spec.id, kind=spec.kind)
    rule_class = KINDS[spec.kind]
    own = {k: v for k, v in setting.items() if k not in declared}
    good = coerce_values(rule_class.Options, own, report, rule=spec.id, kind=spec.kind)
    # raw values: the rule parses its options again when it is compiled
    options = {**spec.options, **{k: own[k] for k in good}}
    per_channel = setting.get("per_channel")
    if per_channel is not None:
        merged = dict(spec.options.get("per_channel") or {})
        if not isinstance(per_channel, dict):
            report(("per_channel",), f"{spec.id}: 'per_channel' maps channels to settings")
            per_channel = {}
        for channel, channel_values in per_channel.items():
            where = ("per_channel", channel)
            if not isinstance(channel_values, dict):
                report(where, f"{spec.id}: settings for {channel} are a mapping")
                continue
            kept = coerce_values(
                rule_class.Options,
                channel_values,
                report,
                rule=spec.id,
                kind=spec.kind,
                at=where,
                only=lambda d: d.per_channel,
            )
            merged[channel] = {**merged.get(channel, {}), **{k: channel_values[k] for k in kept}}
        options["per_channel"] = merged
    return replace(spec, options=options, **spec_fields(values))
