// Minimal VS Code client for `brandlint lsp`: starts the server, forwards settings, and
// watches guides and rule files so saving them re-lints open documents.
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

// Source files whose comments brandlint lints (VS Code's language ids)
const CODE_LANGUAGES = [
  "python", "javascript", "javascriptreact", "typescript", "typescriptreact", "go", "rust",
  "c", "cpp", "csharp", "java", "kotlin", "scala", "swift", "dart", "groovy", "php", "ruby",
  "shellscript", "perl", "r", "elixir", "julia", "powershell", "lua", "haskell", "clojure",
  "scss", "less", "proto3",
];

function activate(context) {
  const settings = vscode.workspace.getConfiguration("brandlint");
  const [command, ...args] = settings.get("command");
  const options = {
    guide: settings.get("guide") || undefined,
    valeConfig: settings.get("valeConfig") || undefined,
    valeCompat: settings.get("valeCompat"),
    minLevel: settings.get("minLevel"),
    channel: settings.get("channel") || undefined,
    lang: settings.get("lang") || undefined,
    maxDocumentSize: settings.get("maxDocumentSize"),
    lintTimeout: settings.get("lintTimeout"),
  };
  client = new LanguageClient("brandlint", "brandlint", { command, args }, {
    documentSelector: ["markdown", "html", "plaintext", "yaml", "json", "css", "restructuredtext"]
      .concat(CODE_LANGUAGES)
      .map((language) => ({ scheme: "file", language }))
      .concat([{ scheme: "file", pattern: "**/*.{svg,ipynb,po,pot,xlf,xliff}" }]),
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
