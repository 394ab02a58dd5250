"""The pre-commit hook, with the real pre-commit framework against this checkout."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

GUIDE = "name: acme\nterms:\n  - avoid: [synergy]\n    level: error\n"


@pytest.fixture(scope="module")
def env(tmp_path_factory) -> dict[str, str]:
    """One PRE_COMMIT_HOME for the module: the hook's environment is built there once."""
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


@pytest.fixture(scope="module")
def hook_config(tmp_path_factory, env) -> str:
    """A .pre-commit-config.yaml naming this checkout, as it is on disk, at one revision.

    The checkout's files (tracked, and new ones not ignored: what a build of it packages, so
    uncommitted changes are tested too) are committed into a scratch repository; this
    checkout's own git state is only read. Every test names that same repository and revision,
    so pre-commit builds the hook's environment once, in the shared PRE_COMMIT_HOME.
    (`pre-commit try-repo` would build a fresh one in a private store on every call.)
    """
    listed = git(REPO, env, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
    assert listed.returncode == 0, listed.stderr
    snapshot = tmp_path_factory.mktemp("hook-repo")
    for name in filter(None, listed.stdout.split("\0")):
        source = REPO / name
        if source.is_file():  # a file deleted but not yet committed is left out
            (snapshot / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, snapshot / name)
    for args in (("init", "-q"), ("add", "-A"), ("commit", "-q", "-m", "snapshot", "--no-verify")):
        done = git(snapshot, env, *args)
        assert done.returncode == 0, done.stdout + done.stderr
    rev = git(snapshot, env, "rev-parse", "HEAD").stdout.strip()
    return f"repos:\n  - repo: {snapshot}\n    rev: {rev}\n    hooks:\n      - id: brandlint\n"


def content_repo(tmp_path: Path, env: dict[str, str]) -> Path:
    repo = tmp_path / "content"
    repo.mkdir()
    git(repo, env, "init", "-q")
    (repo / "brandlint.yaml").write_text(GUIDE)
    git(repo, env, "add", "brandlint.yaml")
    git(repo, env, "commit", "-q", "-m", "guide", "--no-verify")
    return repo


def test_the_hook_refuses_a_banned_term_and_passes_clean_copy(tmp_path, env, hook_config):
    repo = content_repo(tmp_path, env)
    (repo / ".pre-commit-config.yaml").write_text(hook_config)
    (repo / "post.md").write_text("Pure synergy.\n")
    git(repo, env, "add", "post.md", ".pre-commit-config.yaml")
    refused = pre_commit(repo, env, "run")  # the staged files, as at commit time
    assert refused.returncode == 1, refused.stdout + refused.stderr
    assert "post.md:1:6: error acme.terms.synergy Avoid 'synergy'." in refused.stdout
    (repo / "post.md").write_text("Pure teamwork.\n")
    git(repo, env, "add", "post.md")
    passed = pre_commit(repo, env, "run")
    assert passed.returncode == 0, passed.stdout + passed.stderr


def test_an_installed_hook_blocks_the_commit(tmp_path, env, hook_config):
    repo = content_repo(tmp_path, env)
    (repo / ".pre-commit-config.yaml").write_text(hook_config)
    assert pre_commit(repo, env, "install").returncode == 0
    (repo / "post.md").write_text("Pure synergy.\n")
    git(repo, env, "add", "post.md", ".pre-commit-config.yaml")
    refused = git(repo, env, "commit", "-m", "copy")
    assert refused.returncode != 0
    assert "acme.terms.synergy" in refused.stdout + refused.stderr
    (repo / "post.md").write_text("Pure teamwork.\n")
    git(repo, env, "add", "post.md")
    assert git(repo, env, "commit", "-q", "-m", "copy").returncode == 0
