"""The pre-commit hook, with the real pre-commit framework against this checkout."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

GUIDE = "name: acme\nterms:\n  - avoid: [synergy]\n    level: error\n"


@pytest.fixture(scope="module")
def env(tmp_path_factory) -> dict[str, str]:
    home = tmp_path_factory.mktemp("pre-commit-home")
    return {
        **os.environ,
        "PRE_COMMIT_HOME": str(home),
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.com",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.com",
        "PRE_COMMIT_COLOR": "never",
    }


def git(repo: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True)


def pre_commit(repo: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )


def content_repo(tmp_path: Path, env: dict[str, str]) -> Path:
    repo = tmp_path / "content"
    repo.mkdir()
    git(repo, env, "init", "-q")
    (repo / "brandlint.yaml").write_text(GUIDE)
    git(repo, env, "add", "brandlint.yaml")
    git(repo, env, "commit", "-q", "-m", "guide", "--no-verify")
    return repo


def test_try_repo_refuses_a_banned_term_and_passes_clean_copy(tmp_path, env):
    repo = content_repo(tmp_path, env)
    (repo / "post.md").write_text("Pure synergy.\n")
    git(repo, env, "add", "post.md")
    refused = pre_commit(repo, env, "try-repo", str(REPO), "brandlint")
    assert refused.returncode == 1, refused.stdout + refused.stderr
    assert "post.md:1:6: error acme.terms.synergy Avoid 'synergy'." in refused.stdout
    (repo / "post.md").write_text("Pure teamwork.\n")
    git(repo, env, "add", "post.md")
    passed = pre_commit(repo, env, "try-repo", str(REPO), "brandlint")
    assert passed.returncode == 0, passed.stdout + passed.stderr


def test_an_installed_hook_blocks_the_commit(tmp_path, env):
    head = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout.strip()
    repo = content_repo(tmp_path, env)
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {REPO}\n    rev: {head}\n    hooks:\n      - id: brandlint\n"
    )
    assert pre_commit(repo, env, "install").returncode == 0
    (repo / "post.md").write_text("Pure synergy.\n")
    git(repo, env, "add", "post.md", ".pre-commit-config.yaml")
    refused = git(repo, env, "commit", "-m", "copy")
    assert refused.returncode != 0
    assert "acme.terms.synergy" in refused.stdout + refused.stderr
    (repo / "post.md").write_text("Pure teamwork.\n")
    git(repo, env, "add", "post.md")
    assert git(repo, env, "commit", "-q", "-m", "copy").returncode == 0
