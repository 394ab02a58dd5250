"""A real editor: headless Neovim attaches `brandlint lsp` and receives its diagnostics."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.lsp.test_keep_warm import HANDED_OVER, LINUX, runtime, warm_socket

__all__ = ["runtime"]  # the fixture, shared with the keep-warm tests

LUA = """
local cmd = vim.fn.json_decode(os.getenv("BRANDLINT_CMD"))
local id = vim.lsp.start_client({ name = "brandlint", cmd = cmd, root_dir = vim.fn.getcwd() })
vim.lsp.buf_attach_client(0, id)
local ok = vim.wait(60000, function() return #vim.diagnostic.get(0) > 1 end, 50)
local items = {}
for _, d in ipairs(vim.diagnostic.get(0)) do
  local lsp = (d.user_data or {}).lsp or {}
  table.insert(items, { lnum = d.lnum, col = d.col, end_col = d.end_col,
                        code = d.code or lsp.code, message = d.message })
end
local out = io.open(os.getenv("BRANDLINT_OUT"), "w")
out:write(vim.fn.json_encode({ ok = ok, items = items }))
out:close()
vim.cmd("qa!")
"""


def neovim(folder: Path, command: list[str], **env: str) -> list[tuple[int, int, int, str]]:
    """Open post.md in headless Neovim with the server `command` attached: the diagnostics
    it shows, as (line, start byte, end byte, code)."""
    nvim = shutil.which("nvim")
    assert nvim, "neovim is needed (apt-get install neovim; .ci/run installs it)"
    (folder / "brandlint.yaml").write_text(
        "name: t\nterms:\n  - avoid: [leverage]\n    suggest: use\n  - avoid: [synergy]\n"
    )
    (folder / "post.md").write_text("# Launch\n\n🎉 We leverage synergy\n", encoding="utf-8")
    (folder / "attach.lua").write_text(LUA)
    environment = {
        **os.environ,
        "BRANDLINT_CMD": json.dumps(command),
        "BRANDLINT_OUT": str(folder / "out.json"),
        **env,
    }
    subprocess.run(
        [nvim, "--headless", "--clean", "-n", "post.md", "-c", "luafile attach.lua"],
        cwd=folder,
        env=environment,
        timeout=120,
        check=True,
        stdin=subprocess.DEVNULL,
        capture_output=True,
    )
    result = json.loads((folder / "out.json").read_text())
    assert result["ok"] is True
    return sorted((d["lnum"], d["col"], d["end_col"], d["code"]) for d in result["items"])


# Neovim keeps byte columns: "🎉" is 4 bytes in UTF-8, so "leverage" starts at byte 8; the
# server sent UTF-16 column 6 and Neovim converted it.
SHOWN = [(2, 8, 16, "t.terms.leverage"), (2, 17, 24, "t.terms.synergy")]


def test_neovim_receives_diagnostics_at_the_right_columns(tmp_path: Path) -> None:
    assert neovim(tmp_path, [sys.executable, "-m", "brandlint", "lsp"]) == SHOWN


@LINUX
def test_neovim_sessions_after_the_first_are_served_warm(tmp_path: Path, runtime: Path) -> None:
    """`--keep-warm` under a real editor: the second session is handed to the warm server
    the first left (Neovim logs the server's stderr), with the same diagnostics, and ends
    with the editor."""
    command = [sys.executable, "-m", "brandlint", "lsp", "--keep-warm", "2"]
    env = {
        "XDG_RUNTIME_DIR": str(runtime),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
    }
    assert neovim(tmp_path, command, **env) == SHOWN
    warm_socket(runtime)
    assert neovim(tmp_path, command, **env) == SHOWN
    # Neovim 0.7 logs in its cache folder, 0.8 and later in its state folder
    logs = [tmp_path / home / "nvim" / "lsp.log" for home in ("cache", "state")]
    text = "".join(p.read_text() for p in logs if p.exists())
    assert text.count(HANDED_OVER) == 1
