// Minimal VS Code client for `brandlint lsp`: starts the server, forwards settings, and
// watches guides and rule files so saving them re-lints open documents.
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const settings = vscode.workspace.getConfiguration("brandlint");
  const [command, ...args] = settings.get("command");
  const options = {
    guide: settings.get("guide") || undefined,
    minLevel: settings.get("minLevel"),
    channel: settings.get("channel") || undefined,
    lang: settings.get("lang") || undefined,
  };
  client = new LanguageClient("brandlint", "brandlint", { command, args }, {
    documentSelector: ["markdown", "html", "plaintext", "yaml", "json", "css"]
      .map((language) => ({ scheme: "file", language }))
      .concat([{ scheme: "file", pattern: "**/*.svg" }]),
    initializationOptions: options,
    synchronize: {
      configurationSection: "brandlint",
      fileEvents: vscode.workspace.createFileSystemWatcher("**/{brandlint.yaml,.brandlint.yaml,*.yml}"),
    },
  });
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
