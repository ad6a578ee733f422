import path from 'node:path';

import ts from 'typescript';

import { fixturesDir } from './rule-tester.js';

const config = ts.getParsedCommandLineOfConfigFile(path.join(fixturesDir, 'tsconfig.json'), {}, {
  ...ts.sys,
  onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
    throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
  },
});
if (!config) throw new Error('tests/fixtures/tsconfig.json could not be read');
const options = config.options;

// Library and fixture files parse once; only the checked text changes between calls.
const sourceFiles = new Map<string, ts.SourceFile>();
let previous: ts.Program | undefined;

/**
 * The TypeScript errors in `code`, checked as `tests/fixtures/<fileName>` against the fixture
 * project (so it can import the other fixtures and Node's types).
 */
export function typeErrors(code: string, fileName = 'file.ts'): string[] {
  const target = path.join(fixturesDir, fileName);
  const host = ts.createCompilerHost(options);
  host.getSourceFile = (name, languageVersion) => {
    if (name === target) return ts.createSourceFile(name, code, languageVersion, true);
    let file = sourceFiles.get(name);
    if (!file) {
      const text = ts.sys.readFile(name);
      if (text === undefined) return undefined;
      file = ts.createSourceFile(name, text, languageVersion, true);
      sourceFiles.set(name, file);
    }
    return file;
  };
  const program = ts.createProgram({ rootNames: [target], options, host, oldProgram: previous });
  previous = program;
  return ts
    .getPreEmitDiagnostics(program, program.getSourceFile(target))
    .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
}
