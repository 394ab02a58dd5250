"""`--filter` expressions choose the rules that run, as Vale's filters do."""

from __future__ import annotations

import pytest

from brandlint.core.alerts import Level
from brandlint.core.spec import RuleSpec
from brandlint.rule_filter import FilterError, parse_filter

CAP = RuleSpec("demo.Cap", "capitalization", Level.ERROR, scope=("heading",))
REPEAT = RuleSpec("Vale.Repetition", "repetition", Level.ERROR)
HYPE = RuleSpec("demo.Hype", "existence", Level.SUGGESTION)


@pytest.mark.parametrize(
    ("expression", "accepted"),
    [
        ('.Level in ["error"]', ["demo.Cap", "Vale.Repetition"]),
        ('"heading" in .Scope', ["demo.Cap"]),
        (
            '.Level in ["error", "suggestion"] and .Name != "demo.Cap"',
            ["Vale.Repetition", "demo.Hype"],
        ),
        ('.Extends in ["existence"]', ["demo.Hype"]),
        ('not (.Extends == "existence") && .Name startsWith "demo"', ["demo.Cap"]),
        ('.Name matches "^Vale\\\\." or .Level == "suggestion"', ["Vale.Repetition", "demo.Hype"]),
        ('.Extends not in ["existence", "repetition"]', ["demo.Cap"]),
    ],
)
def test_filters_accept_the_rules_vale_would(expression, accepted):
    rule_filter = parse_filter(expression)
    assert [s.id for s in (CAP, REPEAT, HYPE) if rule_filter.accepts(s)] == accepted


@pytest.mark.parametrize(
    "expression", ['.Level in ["error"', ".Level ==", "eval('x')", ".Level ~ 3"]
)
def test_a_broken_filter_is_an_error_naming_it(expression):
    with pytest.raises(FilterError, match="--filter"):
        parse_filter(expression)


def test_check_with_a_filter_runs_only_those_rules(tmp_path, capsys):
    from brandlint.cli.main import main

    style = tmp_path / "styles" / "Acme"
    style.mkdir(parents=True)
    for name, level in (("Loud", "error"), ("Soft", "suggestion")):
        (style / f"{name}.yml").write_text(
            f"extends: existence\nmessage: '{name}'\nlevel: {level}\ntokens: [wow]\n"
        )
    guide = tmp_path / "brandlint.yaml"
    guide.write_text("name: t\nextends: [styles]\n")
    copy = tmp_path / "a.md"
    copy.write_text("It is wow.\n")
    code = main(
        [
            "check",
            "--guide",
            str(guide),
            "--format",
            "json",
            "--filter",
            '.Level == "suggestion"',
            str(copy),
        ]
    )
    assert code == 0
    import json

    assert [a["rule"] for a in json.loads(capsys.readouterr().out)] == ["Acme.Soft"]
    assert main(["check", "--guide", str(guide), "--filter", ".Level ==", str(copy)]) == 2
