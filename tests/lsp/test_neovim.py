"""A real editor: headless Neovim attaches `brandlint lsp` and receives its diagnostics."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

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


def test_neovim_receives_diagnostics_at_the_right_columns(tmp_path):
    nvim = shutil.which("nvim")
    assert nvim, "neovim is needed (apt-get install neovim; .ci/run installs it)"
    (tmp_path / "brandlint.yaml").write_text(
        "name: t\nterms:\n  - avoid: [leverage]\n    suggest: use\n  - avoid: [synergy]\n"
    )
    (tmp_path / "post.md").write_text("# Launch\n\n🎉 We leverage synergy\n", encoding="utf-8")
    (tmp_path / "attach.lua").write_text(LUA)
    env = {
        **os.environ,
        "BRANDLINT_CMD": json.dumps([sys.executable, "-m", "brandlint", "lsp"]),
        "BRANDLINT_OUT": str(tmp_path / "out.json"),
    }
    subprocess.run(
        [nvim, "--headless", "--clean", "-n", "post.md", "-c", "luafile attach.lua"],
        cwd=tmp_path,
        env=env,
        timeout=120,
        check=True,
        stdin=subprocess.DEVNULL,
        capture_output=True,
    )
    result = json.loads((tmp_path / "out.json").read_text())
    assert result["ok"] is True
    found = sorted((d["lnum"], d["col"], d["end_col"], d["code"]) for d in result["items"])
    # Neovim keeps byte columns: "🎉" is 4 bytes in UTF-8, so "leverage" starts at byte 8;
    # the server sent UTF-16 column 6 and Neovim converted it.
    assert found == [(2, 8, 16, "t.terms.leverage"), (2, 17, 24, "t.terms.synergy")]
