"""`rules`, `explain`, `init`, `schema` and `test-rules`."""

from __future__ import annotations

import json

from brandlint.cli.main import main
from tests.conftest import EXAMPLE_GUIDE


def test_rules_lists_ids_kinds_levels_and_origins(capsys):
    assert main(["rules", "--guide", str(EXAMPLE_GUIDE)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"guide: {EXAMPLE_GUIDE}"
    row = next(line for line in lines if line.startswith("kestrel.terms.leverage "))
    assert row.split()[1:3] == ["term", "error"]
    row = next(line for line in lines if line.startswith("brandlint.hype.superlatives "))
    # the example guide raises hype to an error (guide 2.4)
    assert row.split()[1:5] == ["existence", "error", "built-in:", "hype/superlatives.yml"]


def test_explain_shows_reason_and_examples(capsys):
    assert main(["explain", "brandlint.hype.superlatives"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("brandlint.hype.superlatives  (existence, warning)\n")
    assert "why: Hype words make claims readers discount" in out
    assert "flags: An amazing way to sell online." in out


def test_explain_unknown_rule_suggests(capsys):
    assert main(["explain", "brandlint.hype.superlative"]) == 2
    assert "did you mean 'brandlint.hype.superlatives'?" in capsys.readouterr().err


def test_init_writes_a_guide_that_loads_and_its_schema(tmp_path, capsys):
    target = tmp_path / "brandlint.yaml"
    assert main(["init", str(target)]) == 0
    assert main(["rules", "--guide", str(target)]) == 0
    listed = capsys.readouterr().out
    assert all(rule in listed for rule in ("acme.terms.acme-cloud", "acme.palette", "acme.logos"))
    schema = json.loads((tmp_path / ".brandlint.schema.json").read_text())
    assert schema["title"] == "brandlint guide (brandlint.yaml)"
    assert main(["init", str(target)]) == 2


def test_the_shipped_schema_accepts_the_example_guide():
    import yaml
    from jsonschema import Draft202012Validator

    from brandlint.guide.validate import guide_schema

    data = yaml.safe_load(EXAMPLE_GUIDE.read_text())
    assert list(Draft202012Validator(guide_schema()).iter_errors(data)) == []


def test_test_rules_runs_builtin_and_example_rules(capsys):
    assert main(["test-rules"]) == 0
    assert main(["test-rules", "--guide", str(EXAMPLE_GUIDE)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[-1].endswith("passed, 0 failed")


def test_test_rules_reports_a_rule_that_misses_its_example(tmp_path, capsys):
    style = tmp_path / "Acme"
    style.mkdir()
    (style / "Wow.yml").write_text(
        "extends: existence\nmessage: x\nlevel: warning\ntokens: [wow]\n"
        "examples:\n  flag: [Such WOW.]\n  pass: [Nice.]\n"
    )
    assert main(["test-rules", str(tmp_path)]) == 1
    assert capsys.readouterr().out == (
        "FAIL Acme.Wow: should flag: 'Such WOW.'\n1 passed, 1 failed\n"
    )


def test_the_committed_reference_pages_are_current():
    from brandlint.reference import pages
    from tests.conftest import REPO

    for name, text in pages().items():
        committed = REPO / "docs" / name
        assert committed.is_file(), f"{name} is missing; run: brandlint docs"
        assert committed.read_text(encoding="utf-8") == text, (
            f"{name} is stale; run: brandlint docs"
        )


def test_explain_a_kind_prints_its_declared_options(capsys):
    assert main(["explain", "length"]) == 0
    out = capsys.readouterr().out
    assert "| `field` | text | `body` | yes |" in out
    assert "| `count` | one of `chars`, `x` | `chars` | yes |" in out


def test_a_vale_rule_that_cannot_fire_is_named_by_rules_and_check(tmp_path, capsys):
    style = tmp_path / "styles" / "Corp"
    style.mkdir(parents=True)
    (style / "Future.yml").write_text(
        "extends: existence\nmessage: x\nlevel: error\ntokens: [wow]\nfuturekey: 3\n"
    )
    guide = tmp_path / "brandlint.yaml"
    guide.write_text("name: acme\nextends: [styles]\n")
    copy = tmp_path / "post.md"
    copy.write_text("Wow, wow.\n")
    warning = (
        f"{style / 'Future.yml'}:5:1: warning: Corp.Future: existence rules have no option "
        "'futurekey' (options: action, append, exceptions, ignorecase, nonword, raw, tokens, "
        "vocab); rule Corp.Future is not loaded"
    )
    assert main(["rules", "--guide", str(guide)]) == 0
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [warning]
    assert captured.out.splitlines()[-1].split()[:3] == ["Corp.Future", "NOT", "LOADED:"]
    assert main(["check", "--guide", str(guide), str(copy)]) == 0
    assert capsys.readouterr().err.splitlines() == [warning]


def test_the_shipped_schema_is_generated_from_the_declarations():
    from brandlint.guide.schema import schema_text
    from tests.conftest import REPO

    shipped = REPO / "brandlint" / "schema" / "guide.schema.json"
    assert shipped.read_text(encoding="utf-8") == schema_text(), (
        'stale; run: python -c "from brandlint.guide.schema import schema_text; '
        "open('brandlint/schema/guide.schema.json', 'w').write(schema_text())\""
    )


def test_the_generated_schema_knows_each_kinds_options():
    import jsonschema

    from brandlint.guide.schema import guide_schema

    validator = jsonschema.Draft202012Validator(guide_schema())
    good = {"rules": {"acme.subject": {"extends": "length", "field": "subject", "max": 60}}}
    bad = {"rules": {"acme.subject": {"extends": "length", "field": ["body"], "max": 60}}}
    assert list(validator.iter_errors(good)) == []
    assert list(validator.iter_errors(bad)) != []


def test_the_package_exports_resolve():
    import brandlint

    for name in brandlint.__all__:
        assert getattr(brandlint, name) is not None
