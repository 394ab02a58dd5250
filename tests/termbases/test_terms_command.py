"""`brandlint terms import` and `export`: a fragment a guide can extend, and exports
that read back as the same terms."""

from __future__ import annotations

import shutil
from pathlib import Path

from brandlint.cli.main import main
from brandlint.guide.loader import load_guide
from brandlint.guide.termbases import load_termbase
from brandlint.guide.termbases.exchange import guide_concepts, term_sets

FIXTURES = Path(__file__).parent.parent / "fixtures" / "termbases"


def test_import_writes_a_guide_that_extends_with_the_same_rules(tmp_path):
    out = tmp_path / "terms.yaml"
    assert (
        main(
            [
                "terms",
                "import",
                str(FIXTURES / "kestrel.tbx"),
                str(FIXTURES / "prh.yml"),
                "-o",
                str(out),
            ]
        )
        == 0
    )
    guide = tmp_path / "brandlint.yaml"
    guide.write_text("name: acme\nextends: [terms.yaml]\n", encoding="utf-8")
    loaded = load_guide(guide)
    ids = [r.id for r in loaded.rules]
    assert ids[:2] == ["terms.terms.kestrel.en.wallet", "terms.terms.kestrel.hu.wallet"]
    assert "terms.prh.swap.sign-in-page" in ids
    assert len(ids) == 12


def test_export_then_import_gives_back_the_same_terms(tmp_path):
    folder = tmp_path / "brand"
    shutil.copytree(FIXTURES, folder)
    guide = load_guide(folder / "brandlint.yaml")
    for fmt in ("tbx", "csv"):
        out = tmp_path / f"export.{fmt}"
        assert (
            main(
                [
                    "terms",
                    "export",
                    "--format",
                    fmt,
                    "-o",
                    str(out),
                    "--guide",
                    str(folder / "brandlint.yaml"),
                ]
            )
            == 0
        )
        back = load_termbase(out)
        assert term_sets(back.concepts, "en") == term_sets(guide_concepts(guide), "en")


def test_import_of_a_broken_termbase_exits_2_naming_file_and_line(tmp_path, capsys):
    bad = tmp_path / "bad.tbx"
    bad.write_text("<tbx>\n<text>\n</tbx>\n", encoding="utf-8")
    assert main(["terms", "import", str(bad), "-o", str(tmp_path / "t.yaml")]) == 2
    assert capsys.readouterr().err.startswith(f"brandlint: {bad}:3:")
