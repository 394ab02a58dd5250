"""A real editor grows the guide: in headless Neovim, the user picks "Accept 'WORD' in the
guide" from the code action menu, Neovim runs the action's command, applies the edit the
server sends to the guide's buffer (unsaved), and the alert goes from the next
diagnostics. lsprotocol-based clients cannot read such an action (see
test_guide_actions), so this is the check that editors can."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.lsp.test_guide_actions import ACCEPTED, GUIDE, POST

LUA = """
local cmd = vim.fn.json_decode(os.getenv("BRANDLINT_CMD"))
local id = vim.lsp.start_client({ name = "brandlint", cmd = cmd, root_dir = vim.fn.getcwd() })
local post = vim.api.nvim_get_current_buf()
vim.lsp.buf_attach_client(post, id)
local function codes()
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(post)) do
    table.insert(found, d.code or ((d.user_data or {}).lsp or {}).code)
  end
  table.sort(found)
  return found
end
local shown = vim.wait(60000, function() return #vim.diagnostic.get(post) == 2 end, 50)
local before = codes()
local offered = {}
-- the user picks the action by its title from the menu
vim.ui.select = function(items, _, choose)
  for _, item in ipairs(items) do
    table.insert(offered, item[2].title)
  end
  for _, item in ipairs(items) do
    if item[2].title == os.getenv("BRANDLINT_PICK") then return choose(item) end
  end
  choose(nil)
end
vim.api.nvim_win_set_cursor(0, { 1, 0 })
vim.lsp.buf.code_action({ only = { "refactor.brandlint.guide" } })
local relinted = vim.wait(60000, function() return #vim.diagnostic.get(post) == 1 end, 50)
local guide = vim.fn.bufnr(vim.fn.getcwd() .. "/brandlint.yaml")
local out = io.open(os.getenv("BRANDLINT_OUT"), "w")
out:write(vim.fn.json_encode({
  shown = shown, before = before, offered = offered, relinted = relinted, after = codes(),
  guide = table.concat(vim.api.nvim_buf_get_lines(guide, 0, -1, false), "\\n") .. "\\n",
  modified = vim.api.nvim_buf_get_option(guide, "modified"),
}))
out:close()
vim.cmd("qa!")
"""


def test_neovim_accepts_a_spelling_and_the_alert_goes_before_any_save(tmp_path: Path):
    nvim = shutil.which("nvim")
    assert nvim, "neovim is needed (apt-get install neovim; .ci/run installs it)"
    (tmp_path / "brandlint.yaml").write_text(GUIDE, encoding="utf-8")
    (tmp_path / "post.md").write_text(POST, encoding="utf-8")
    (tmp_path / "grow.lua").write_text(LUA, encoding="utf-8")
    env = {
        **os.environ,
        "BRANDLINT_CMD": json.dumps([sys.executable, "-m", "brandlint", "lsp"]),
        "BRANDLINT_OUT": str(tmp_path / "out.json"),
        "BRANDLINT_PICK": "Accept 'Acme cloud' in the guide",
    }
    subprocess.run(
        [nvim, "--headless", "--clean", "-n", "post.md", "-c", "luafile grow.lua"],
        cwd=tmp_path,
        env=env,
        timeout=180,
        check=True,
        stdin=subprocess.DEVNULL,
        capture_output=True,
    )
    result = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert (result["shown"], result["before"]) == (
        True,
        ["acme.consistency.omnichannel", "acme.terms.acme-cloud"],
    )
    assert result["offered"] == [
        "Accept 'Acme cloud' in the guide",
        "Make 'Acme cloud' the preferred variant",
        "Ban 'Acme cloud' in the guide",
    ]
    assert (result["relinted"], result["after"]) == (True, ["acme.consistency.omnichannel"])
    # the guide's buffer holds the edit, comments and layout kept, and is left unsaved
    assert (result["guide"], result["modified"]) == (ACCEPTED, True)
    assert (tmp_path / "brandlint.yaml").read_text(encoding="utf-8") == GUIDE
