"""A broken guide names file, line, column and what to change."""

from __future__ import annotations

from pathlib import Path

import pytest

from brandlint.core.errors import GuideError
from brandlint.guide.loader import load_guide


def problems(path: Path) -> list[str]:
    with pytest.raises(GuideError) as caught:
        load_guide(path)
    return [
        f"{p.line}:{p.column}: {p.message}" for p in caught.value.problems if p.severity == "error"
    ]


def test_unknown_key_suggests_the_right_one(guide_file):
    path = guide_file("name: acme\nterms:\n  - use: Acme Cloud\n    caes: exact\n")
    assert problems(path) == ["4:5: unknown key 'caes' in terms[1]; did you mean 'case'?"]


def test_unknown_top_level_key(guide_file):
    path = guide_file("name: acme\nextend:\n  - brandlint:hype\n")
    assert problems(path) == ["2:1: unknown key 'extend' in the guide; did you mean 'extends'?"]


def test_wrong_type_says_what_was_expected(guide_file):
    path = guide_file("name: acme\nterms:\n  - use: [Acme, Cloud]\n")
    assert problems(path) == ["3:10: terms[1].use should be text, not a list"]


def test_bad_level_lists_the_choices(guide_file):
    path = guide_file("name: acme\nrules:\n  brandlint.hype.superlatives: warn\n")
    assert problems(path) == [
        "3:32: rules.brandlint.hype.superlatives is 'warn'; use one of off, suggestion, "
        "warning, error; did you mean 'warning'?"
    ]


def test_term_needs_use_or_avoid(guide_file):
    path = guide_file("name: acme\nterms:\n  - instead_of: [login]\n")
    assert problems(path) == [
        "3:5: a term has either 'use' (with 'instead_of' or 'case: exact') or 'avoid'"
    ]


def test_yaml_syntax_error_has_its_position(guide_file):
    path = guide_file("name: acme\nterms:\n  - use: 'Acme\n")
    (problem,) = problems(path)
    assert problem.startswith("4:1: YAML syntax:")


def test_unknown_pack_and_missing_folder(guide_file):
    path = guide_file("name: acme\nextends:\n  - brandlint:hipe\n  - ./styles\n")
    found = problems(path)
    assert found[0].startswith("3:5: no built-in pack 'brandlint:hipe'; did you mean 'hype'?")
    assert found[1].startswith("4:5: './styles' is not a folder of rule files or a guide")


def test_invalid_regex_in_a_rule_file_points_at_the_token(tmp_path, guide_file):
    style = tmp_path / "styles" / "Acme"
    style.mkdir(parents=True)
    (style / "Bad.yml").write_text(
        "extends: existence\nmessage: x\nlevel: error\ntokens:\n  - 'ok'\n  - '(unclosed'\n"
    )
    path = guide_file("name: acme\nextends: [styles]\n")
    with pytest.raises(GuideError) as caught:
        load_guide(path)
    (problem,) = caught.value.problems
    assert problem.path.endswith("Bad.yml")
    assert (problem.line, problem.column) == (5, 3)
    assert "invalid regular expression" in problem.message
    assert "missing ) at position" in problem.message


def test_missing_guide_file(tmp_path):
    with pytest.raises(GuideError) as caught:
        load_guide(tmp_path / "nope.yaml")
    assert "guide file not found" in caught.value.problems[0].message


def test_guide_error_exits_2_on_the_cli(guide_file, capsys):
    from brandlint.cli.main import main

    path = guide_file("name: acme\nterms:\n  - use: Acme\n    caes: exact\n")
    assert main(["check", "--guide", str(path), str(path)]) == 2
    err = capsys.readouterr().err
    assert f"{path}:4:5: error: unknown key 'caes' in terms[1]; did you mean 'case'?" in err


def test_option_types_are_checked_at_load_with_their_place(guide_file):
    path = guide_file(
        "name: acme\n"
        "extends: [brandlint:tone]\n"
        "rules:\n"
        "  acme.broken: {extends: occurrence, token: x, max: lots}\n"
        "  brandlint.tone.sentence-length:\n"
        "    max: -3\n"
        "    per_channel:\n"
        "      sms: {max: fifteen}\n"
        "  acme.swapper:\n"
        "    extends: substitution\n"
        "    swap: [leverage, use]\n"
        "    ignorecase: maybe\n"
    )
    assert problems(path) == [
        "4:53: acme.broken: 'max' is a number, not 'lots' (e.g. max: 3)",
        "6:10: brandlint.tone.sentence-length: 'max' cannot be negative (-3) (e.g. max: 3)",
        "8:18: brandlint.tone.sentence-length: 'max' is a number, not 'fifteen' (e.g. max: 3)",
        "11:11: acme.swapper: 'swap' is a mapping (name: value on separate lines), not a list "
        "(e.g. swap: {utilize: use, e-mail: email})",
        "12:17: acme.swapper: 'ignorecase' is true or false, not 'maybe' (e.g. ignorecase: true)",
    ]


def test_a_vale_rule_file_with_a_wrong_option_type_points_into_the_file(tmp_path, guide_file):
    style = tmp_path / "styles" / "Acme"
    style.mkdir(parents=True)
    (style / "Count.yml").write_text("extends: occurrence\nmessage: x\ntoken: '\\w+'\nmax: '3'\n")
    path = guide_file("name: acme\nextends: [styles]\n")
    with pytest.raises(GuideError) as caught:
        load_guide(path)
    (problem,) = caught.value.problems
    assert (Path(problem.path).name, problem.line, problem.column) == ("Count.yml", 4, 6)
    assert problem.message == "Acme.Count: 'max' is a number, not '3' (e.g. max: 3)"


def test_a_variable_width_lookbehind_compiles_as_in_vale(lint_rule):
    lint = lint_rule(
        "extends: existence\nmessage: \"'%s'\"\nlevel: warning\nnonword: true\n"
        "tokens: ['(?<!:[^ ]+?)\\bfoo\\b']\n"
    )
    alerts = lint("A foo and :barfoo but not :bar foo.\n")
    assert [(a.span.column, a.match) for a in alerts] == [(3, "foo"), (32, "foo")]


def test_a_catastrophic_pattern_warns_at_load_and_stops_with_one_alert(lint_rule, tmp_path):
    from brandlint.guide.loader import load_guide

    lint = lint_rule(
        "extends: existence\nmessage: x\nlevel: error\nnonword: true\nraw: ['(x+x+)+y']\n"
    )
    alerts = lint("x" * 5000 + "\n")
    assert [(a.rule, a.level.name) for a in alerts] == [("brandlint.timeout", "WARNING")]
    assert alerts[0].message.startswith("Rule Test.Rule stopped on this file")
    (warning,) = load_guide(tmp_path / "brandlint.yaml").warnings
    assert "repeats a group that itself repeats" in warning.message


def test_a_backslash_escape_go_yaml_accepts_loads_with_a_warning(lint_rule, tmp_path):
    from brandlint.guide.loader import load_guide

    lint = lint_rule(
        'extends: existence\nmessage: "%s"\nlevel: warning\nnonword: true\n'
        'tokens:\n  - "e\\.g\\."\n'
    )
    assert [a.match for a in lint("Use e.g. here, not eg.\n")] == ["e.g."]
    warnings = [
        (w.line, w.column, w.message) for w in load_guide(tmp_path / "brandlint.yaml").warnings
    ]
    assert warnings == [
        (
            6,
            7,
            "YAML: '\\.' is not a YAML escape; read as a backslash and '.' as Vale does "
            "(write '\\\\.' or use single quotes)",
        ),
        (
            6,
            10,
            "YAML: '\\.' is not a YAML escape; read as a backslash and '.' as Vale does "
            "(write '\\\\.' or use single quotes)",
        ),
    ]
