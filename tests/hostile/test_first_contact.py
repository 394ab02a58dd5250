"""First contact (issue 15): the guide `brandlint init` writes loads with no warning and its
channel section works; the README describes the default guide as it loads; `brandlint
doctor` says what it sees, one line per check; `extends:` stays inside the project unless
the top guide opts out."""

from __future__ import annotations

import json
from pathlib import Path

from brandlint.guide.loader import load_guide
from brandlint.packs import default_guide_path, pack_names
from tests.conftest import REPO


def test_the_init_guide_loads_with_no_warning(project: Path, brandlint):
    (project / "brandlint.yaml").unlink()
    brandlint("init")
    assert load_guide(project / "brandlint.yaml").warnings == ()


def test_the_init_guide_channel_section_makes_the_channel_rules_apply(project: Path, brandlint):
    (project / "brandlint.yaml").unlink()
    brandlint("init")
    texts = project / "campaigns" / "texts"
    texts.mkdir(parents=True)
    (texts / "promo.txt").write_text("Flash sale today: 20% off every plan.\n")
    done = brandlint("check", "--format", "jsonl", "campaigns/texts/promo.txt")
    (alert,) = [json.loads(line) for line in done.out.splitlines()]
    assert (done.code, alert["line"], alert["column"], alert["rule"], alert["channel"]) == (
        1,
        1,
        38,
        "brandlint.channels.sms-opt-out",
        "sms",
    )
    assert alert["message"] == "This piece must end with 'Reply STOP to opt out.' for sms copy."


def test_the_readme_says_the_default_guide_turns_every_pack_on_and_it_does():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "a\nbundled default guide applies, with every built-in pack on." in readme
    guide = load_guide(default_guide_path())
    packs = {rule.id.split(".")[1] for rule in guide.rules}
    assert packs == set(pack_names())
    assert guide.warnings == ()


def test_doctor_prints_one_line_per_check_and_exits_0_on_a_sound_project(project, brandlint):
    done = brandlint("doctor")
    statuses = [line.split()[0] for line in done.out.splitlines()]
    assert done.code == 0 and set(statuses) <= {"ok", "warn"}
    assert f"ok    guide: {project / 'brandlint.yaml'} (in force for {project})" in done.out
    assert "ok    guide: loads 1 rules" in done.out
    assert (
        f"ok    cache: {project / '.brandlint-cache'} will be created and is writable" in done.out
    )


def test_doctor_names_each_guide_problem_and_exits_2(project, brandlint):
    (project / "brandlint.yaml").write_text("name: t\nterms: {use: Acme}\n")
    done = brandlint("doctor")
    assert done.code == 2
    assert (
        f"fail  guide: {project / 'brandlint.yaml'}:2:8: error: terms should be a list, not a "
        "mapping; fix the line it names"
    ) in done.out.splitlines()


def test_doctor_warns_on_guide_warnings(project, brandlint):
    (project / "brandlint.yaml").write_text("name: t\nrules:\n  nothing.here: off\n")
    done = brandlint("doctor")
    warned = [line for line in done.out.splitlines() if line.startswith("warn  guide:")]
    assert done.code == 0 and len(warned) == 1
    assert warned[0].startswith(f"warn  guide: {project / 'brandlint.yaml'}:3:3: warning: ")


def test_doctor_says_when_no_guide_is_found(tmp_path, monkeypatch, capsys):
    from brandlint.cli.main import main

    monkeypatch.chdir(tmp_path)
    assert main(["doctor"]) == 0
    assert (
        f"warn  guide: none found in {tmp_path} or above: the bundled default guide applies; "
        "run 'brandlint init' to write your own"
    ) in capsys.readouterr().out.splitlines()


def test_extends_outside_the_project_is_allowed_when_the_top_guide_opts_in(project, brandlint):
    outside = project.parent / f"{project.name}-shared"
    (outside / "Shared").mkdir(parents=True)
    (outside / "Shared" / "Hype.yml").write_text(
        "extends: existence\nmessage: \"Avoid '%s'.\"\nlevel: error\ntokens: [synergy]\n"
    )
    (project / "brandlint.yaml").write_text(
        f"name: t\nallow_outside_project: true\nextends: [{outside}]\n"
    )
    (project / "page.md").write_text("Our synergy.\n")
    done = brandlint("check", "--format", "jsonl", "page.md")
    assert (done.code, json.loads(done.out)["rule"]) == (1, "Shared.Hype")


def test_a_refused_outside_file_is_never_read_or_echoed(project, brandlint):
    secret = project.parent / f"{project.name}-secret.yaml"
    secret.write_text("token: s3cr3t-value\n")
    (project / "brandlint.yaml").write_text(f"name: t\nextends: [{secret}]\n")
    (project / "page.md").write_text("Fine.\n")
    done = brandlint("check", "page.md")
    assert done.code == 2 and "s3cr3t" not in done.out + done.err


def test_extends_into_the_git_work_tree_above_the_guide_is_inside(project, brandlint):
    site = project / "site"
    (project / "styles" / "Shared").mkdir(parents=True)
    (project / "styles" / "Shared" / "Hype.yml").write_text(
        "extends: existence\nmessage: \"Avoid '%s'.\"\nlevel: error\ntokens: [synergy]\n"
    )
    site.mkdir()
    (site / "brandlint.yaml").write_text("name: t\nextends: [../styles]\n")
    (site / "page.md").write_text("Our synergy.\n")
    done = brandlint("check", "--format", "jsonl", "site/page.md")
    assert (done.code, json.loads(done.out)["rule"]) == (1, "Shared.Hype")
