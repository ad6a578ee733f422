// Editor squiggles, the way editors get them: the real ESLint language server
// (vscode-eslint's server, as shipped in vscode-langservers-extracted) spoken to over stdio,
// opening documents of fixture projects whose eslint.config.js loads the built plugin.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import protocol from 'vscode-languageserver-protocol/node.js';
import type {
  CodeAction,
  Diagnostic,
  DocumentDiagnosticReport,
  ProtocolConnection,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol';

const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = protocol;

const require = createRequire(import.meta.url);
const serverPath = path.join(
  path.dirname(require.resolve('vscode-langservers-extracted/package.json')),
  'bin',
  'vscode-eslint-language-server',
);
const projects = path.join(import.meta.dirname, '..', 'fixtures', 'projects');
const DOCS = 'https://github.com/async-pitfalls/eslint-plugin-async-pitfalls/blob/main/docs/rules/';

/** A minimal editor: one workspace folder, the settings the VS Code extension sends by default. */
class Editor {
  private readonly server: ChildProcess;
  private readonly connection: ProtocolConnection;
  readonly appliedEdits: WorkspaceEdit[] = [];

  constructor(private readonly folder: string) {
    this.server = spawn(process.execPath, [serverPath, '--stdio'], { cwd: folder, stdio: ['pipe', 'pipe', 'inherit'] });
    this.connection = createProtocolConnection(
      new StreamMessageReader(this.server.stdout!),
      new StreamMessageWriter(this.server.stdin!),
    );
    this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) =>
      params.items.map(() => this.settings()),
    );
    this.connection.onRequest('workspace/applyEdit', (params: { edit: WorkspaceEdit }) => {
      this.appliedEdits.push(params.edit);
      return { applied: true };
    });
    // Registrations, progress and the server's own requests need no more than an answer.
    for (const method of [
      'client/registerCapability',
      'client/unregisterCapability',
      'window/workDoneProgress/create',
      'window/showMessageRequest',
      'eslint/openDoc',
      'eslint/noLibrary',
      'eslint/noConfig',
      'eslint/probeFailed',
    ]) {
      this.connection.onRequest(method, () => null);
    }
    this.connection.listen();
  }

  private settings() {
    return {
      validate: 'on',
      packageManager: 'npm',
      useESLintClass: false,
      useFlatConfig: true,
      experimental: { useFlatConfig: false },
      codeAction: {
        disableRuleComment: { enable: true, location: 'separateLine', commentStyle: 'line' },
        showDocumentation: { enable: true },
      },
      codeActionOnSave: { mode: 'all' },
      format: false,
      quiet: false,
      onIgnoredFiles: 'off',
      options: {},
      rulesCustomizations: [],
      run: 'onType',
      problems: { shortenToSingleLine: false },
      nodePath: null,
      workspaceFolder: { name: path.basename(this.folder), uri: pathToFileURL(this.folder).href },
    };
  }

  async start(): Promise<void> {
    const uri = pathToFileURL(this.folder).href;
    await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: uri,
      workspaceFolders: [{ uri, name: path.basename(this.folder) }],
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, applyEdit: true },
        textDocument: {
          diagnostic: { dynamicRegistration: false },
          publishDiagnostics: { codeDescriptionSupport: true },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source'] } } },
        },
      },
    });
    await this.connection.sendNotification('initialized', {});
  }

  /**
   * Opens a file of the project and asks for its diagnostics, as editors do since LSP 3.17
   * (the server answers `textDocument/diagnostic` pulls rather than pushing them).
   */
  async open(relative: string): Promise<{ uri: string; text: string; diagnostics: Diagnostic[] }> {
    const file = path.join(this.folder, relative);
    const uri = pathToFileURL(file).href;
    const text = await readFile(file, 'utf8');
    const languageId = file.endsWith('.ts') ? 'typescript' : 'javascript';
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    const report: DocumentDiagnosticReport = await this.connection.sendRequest('textDocument/diagnostic', {
      textDocument: { uri },
    });
    expect(report.kind).toBe('full');
    return { uri, text, diagnostics: report.kind === 'full' ? report.items : [] };
  }

  codeActions(uri: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
    return this.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    });
  }

  async apply(action: CodeAction): Promise<WorkspaceEdit> {
    const before = this.appliedEdits.length;
    await this.connection.sendRequest('workspace/executeCommand', {
      command: action.command!.command,
      arguments: action.command!.arguments,
    });
    expect(this.appliedEdits).toHaveLength(before + 1);
    return this.appliedEdits[before]!;
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } finally {
      this.connection.dispose();
      this.server.kill();
    }
  }
}

/** The edits a workspace edit makes to one document, whichever of its two forms it uses. */
function editsFor(edit: WorkspaceEdit, uri: string): TextEdit[] {
  if (edit.changes?.[uri]) return edit.changes[uri];
  const change = edit.documentChanges?.find((candidate) => 'textDocument' in candidate && candidate.textDocument.uri === uri);
  return change && 'edits' in change ? (change.edits as TextEdit[]) : [];
}

function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const lineStarts = [0];
  for (let index = 0; index < text.length; index++) if (text[index] === '\n') lineStarts.push(index + 1);
  const offset = (position: { line: number; character: number }) => lineStarts[position.line]! + position.character;
  return [...edits]
    .sort((a, b) => offset(b.range.start) - offset(a.range.start))
    .reduce((result, edit) => result.slice(0, offset(edit.range.start)) + edit.newText + result.slice(offset(edit.range.end)), text);
}

function textAt(text: string, { range }: Diagnostic): string {
  const lines = text.split('\n');
  if (range.start.line === range.end.line) return lines[range.start.line]!.slice(range.start.character, range.end.character);
  return [
    lines[range.start.line]!.slice(range.start.character),
    ...lines.slice(range.start.line + 1, range.end.line),
    lines[range.end.line]!.slice(0, range.end.character),
  ].join('\n');
}

describe('the ESLint language server, syntactic project', () => {
  const editor = new Editor(path.join(projects, 'js'));
  beforeAll(() => editor.start());
  afterAll(() => editor.stop());

  it('publishes our diagnostics with rule ids, ranges, messages and docs links', async () => {
    const { text, diagnostics } = await editor.open('src/jobs.js');
    expect(
      diagnostics.map((diagnostic) => ({
        code: diagnostic.code,
        source: diagnostic.source,
        severity: diagnostic.severity,
        marked: textAt(text, diagnostic),
        href: diagnostic.codeDescription?.href,
      })),
    ).toEqual([
      {
        code: 'async-pitfalls/no-floating-promises',
        source: 'eslint',
        severity: 1,
        marked: 'loadSettings',
        href: `${DOCS}no-floating-promises.md`,
      },
      {
        code: 'async-pitfalls/prefer-promise-all',
        source: 'eslint',
        severity: 2,
        marked: 'await fetch(`https://api.example/users/${userId}`)',
        href: `${DOCS}prefer-promise-all.md`,
      },
    ]);
    expect(diagnostics[0]!.message).toMatch(/^This promise is never awaited or handled, so its rejection goes unhandled/);
  });

  it('offers our suggestions as code actions, and applying one fixes the code', async () => {
    const { uri, text, diagnostics } = await editor.open('src/jobs.js');
    const floating = diagnostics.find((diagnostic) => diagnostic.code === 'async-pitfalls/no-floating-promises')!;
    const actions = await editor.codeActions(uri, floating);
    const titles = actions.map((action) => action.title);
    expect(titles).toEqual(
      expect.arrayContaining([
        'Add a `.catch(…)` handler. (async-pitfalls/no-floating-promises)',
        'Mark as intentionally not awaited with `void`. (async-pitfalls/no-floating-promises)',
        'Show documentation for async-pitfalls/no-floating-promises',
      ]),
    );

    const markVoid = actions.find((action) => action.title.startsWith('Mark as intentionally not awaited'))!;
    const edit = await editor.apply(markVoid);
    const fixed = applyTextEdits(text, editsFor(edit, uri));
    expect(fixed).toContain("  void loadSettings('settings.json');\n");
    expect(fixed.replace("void loadSettings('settings.json')", "loadSettings('settings.json')")).toBe(text);
  });
});

describe('the ESLint language server, type-aware project', () => {
  const editor = new Editor(path.join(projects, 'ts'));
  beforeAll(() => editor.start());
  afterAll(() => editor.stop());

  it('reports a promise from another file that only type information reveals', async () => {
    const { uri, text, diagnostics } = await editor.open('src/handler.ts');
    expect(diagnostics.map((diagnostic) => [diagnostic.code, textAt(text, diagnostic)])).toEqual([
      ['async-pitfalls/no-floating-promises', 'save'],
    ]);
    expect(diagnostics[0]!.codeDescription?.href).toBe(`${DOCS}no-floating-promises.md`);

    const actions = await editor.codeActions(uri, diagnostics[0]!);
    const addCatch = actions.find((action) => action.title.startsWith('Add a `.catch(…)` handler.'))!;
    const edit = await editor.apply(addCatch);
    expect(applyTextEdits(text, editsFor(edit, uri))).toContain('  save(item).catch((error) => { console.error(error); });');
  });
});
