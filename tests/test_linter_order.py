"""How the engine settles findings and orders alerts, checked against the plain statements
of the rules (a dict keyed by place, as the engine once built it) on random input: the
memory-light forms it uses on a page of 55,000 alerts must keep every alert and its place."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from brandlint.core.alerts import Alert, Level, Span
from brandlint.core.rule import Finding, format_message
from brandlint.linter import _in_order, _strictest_per_span

RULES = [
    SimpleNamespace(
        id=f"{owner}.{kind}.{level}",
        kind=kind,
        spec=SimpleNamespace(level=Level(level), strict=owner == "brandlint"),
    )
    for owner in ("brandlint", "Microsoft")
    for kind in ("caps", "existence")
    for level in (1, 2, 3)
]

findings = st.lists(
    st.tuples(
        st.sampled_from(RULES),
        st.integers(0, 6),
        st.integers(0, 3),
        st.sampled_from(["Avoid 'very'.", "Use 'use'."]),
    ).map(lambda t: (t[0], Finding(t[1], t[1] + t[2], t[3]))),
    max_size=40,
)


def _strictest_as_stated(found: list[tuple[Any, Finding]]) -> list[tuple[Any, Finding]]:
    """One finding per kind and words among brandlint's own (or strict) rules: the first
    of the strictest, where the first stood; every other finding as it came."""
    best: dict[Any, tuple[Any, Finding]] = {}
    for number, (rule, finding) in enumerate(found):
        own = rule.spec.strict or rule.id.startswith("brandlint.")
        same_words = own and finding.end > finding.start
        key = (rule.kind, finding.start, finding.end) if same_words else number
        kept = best.get(key)
        if kept is None or rule.spec.level > kept[0].spec.level:
            best[key] = (rule, finding)
    return list(best.values())


@given(findings)
def test_the_strictest_of_one_kind_speaks_for_the_same_words(
    found: list[tuple[Any, Finding]],
) -> None:
    expected = _strictest_as_stated(found)
    got = _strictest_per_span(found)
    assert [(id(r), id(f)) for r, f in got] == [(id(r), id(f)) for r, f in expected]


def test_a_zero_width_finding_is_never_merged() -> None:
    rule = RULES[0]
    here, again = Finding(4, 4, "Grade 12."), Finding(4, 4, "Grade 12.")
    assert _strictest_per_span([(rule, here), (rule, again)]) == [(rule, here), (rule, again)]


def test_a_stricter_rule_replaces_the_first_where_it_stood() -> None:
    suggestion, error = RULES[0], RULES[2]  # brandlint caps, levels 1 and 3
    other = RULES[3]  # brandlint existence
    first, second, third = Finding(0, 4, "a"), Finding(0, 4, "b"), Finding(0, 4, "c")
    assert _strictest_per_span([(suggestion, first), (other, second), (error, third)]) == [
        (error, third),
        (other, second),
    ]


def _alert(offset: int, width: int, rule: str, message: str, level: int) -> Alert:
    span = Span(1, offset + 1, 1, offset + width + 1, offset, offset + width)
    return Alert("post.md", rule, Level(level), message, span, "x" * width)


alerts = st.lists(
    st.builds(
        _alert,
        st.integers(0, 4),
        st.integers(0, 2),
        st.sampled_from(["brandlint.hype", "brandlint.caps"]),
        st.sampled_from(["Avoid 'very'.", "Use 'use'.", "Too long."]),
        st.integers(1, 3),
    ),
    max_size=40,
)


@given(alerts, st.integers(1, 3))
def test_alerts_come_in_place_order_one_per_message(found: list[Alert], hidden: int) -> None:
    """As the dict keyed by place and message kept them: the last alert said, where the
    first stood, then sorted by place and rule; `kept` filters first."""
    kept = {
        (*a.sort_key(), a.message): a for a in found if a.level != Level(hidden)
    }  # the statement
    expected = sorted(kept.values(), key=Alert.sort_key)
    got = _in_order(list(found), lambda a: a.level != Level(hidden))
    assert [id(a) for a in got] == [id(a) for a in expected]


def test_the_last_of_equal_alerts_stands_where_the_first_stood() -> None:
    first = _alert(2, 1, "brandlint.hype", "Avoid 'very'.", 1)
    other = _alert(2, 1, "brandlint.hype", "Too long.", 2)
    last = _alert(2, 1, "brandlint.hype", "Avoid 'very'.", 3)
    earlier = _alert(0, 1, "brandlint.caps", "Use 'use'.", 2)
    got = _in_order([first, other, last, earlier], lambda a: True)
    assert [(a.span.offset, a.message, a.level) for a in got] == [
        (0, "Use 'use'.", Level.WARNING),
        (2, "Avoid 'very'.", Level.ERROR),
        (2, "Too long.", Level.WARNING),
    ]


def test_a_message_said_twice_is_one_string() -> None:
    """Findings of one rule on one phrase share their message (one string held, not one
    per finding)."""
    said = format_message("Avoid '%s'; use '%s'.", "leverage", "use")
    assert said == "Avoid 'leverage'; use 'use'."
    assert format_message("Avoid '%s'; use '%s'.", "leverage", "use") is said
