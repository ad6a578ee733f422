// Where each rule's main report lands, as the text under the editor's squiggle: the call, the
// callee, the binding or the function head, never a whole statement run or function body.
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

import plugin from 'eslint-plugin-async-pitfalls';

interface RangeCase {
  rule: keyof typeof plugin.rules;
  code: string;
  /** The text each report covers, in order. */
  marked: string[];
}

const cases: RangeCase[] = [
  {
    rule: 'no-floating-promises',
    code: `async function save(): Promise<number> { return 1; }
export function run(): void {
  save();
  save().then((value) => {
    console.log(value);
  });
  new Promise<void>((resolve) => {
    setTimeout(resolve, 10);
  }).then(() => save());
  const pending = save();
}`,
    marked: ['save', 'save().then', 'new Promise<void>((resolve) => {\n    setTimeout(resolve, 10);\n  }).then', 'pending'],
  },
  {
    rule: 'prefer-promise-all',
    code: `export async function load(id: string) {
  const user = await fetch('/users/' + id);
  const orders = await fetch('/orders/' + id);
  return [user, orders];
}`,
    marked: ["await fetch('/users/' + id)"],
  },
  {
    rule: 'prefer-promise-all',
    code: `declare function notify(id: string): Promise<void>;
export async function notifyAll(ids: string[]) {
  for (const id of ids) {
    await notify(id);
  }
}`,
    marked: ['for (const id of ids)'],
  },
  {
    rule: 'no-blocking-in-async',
    code: `import fs from 'node:fs';
export async function read(): Promise<string> {
  return fs.readFileSync('settings.json', 'utf8');
}`,
    marked: ['fs.readFileSync'],
  },
  {
    rule: 'no-unguarded-promise-all',
    code: `export function refresh(a: string, b: string): void {
  Promise.all([fetch(a), fetch(b)]).then(([x, y]) => {
    console.log(x.status, y.status);
  });
}`,
    marked: ['Promise.all'],
  },
  {
    rule: 'no-misused-async-callback',
    code: `declare function ship(id: string): Promise<void>;
export function shipAll(ids: string[]) {
  ids.forEach(async (id) => {
    await ship(id);
  });
  setTimeout(async function retry() {
    await ship('late');
  }, 1000);
}`,
    marked: ['async (id) =>', 'async function retry()'],
  },
  {
    rule: 'no-unclosed-resources',
    code: `import fs from 'node:fs/promises';
export async function firstLine(path: string) {
  const handle = await fs.open(path);
  const { buffer } = await handle.read();
  return buffer.toString().split('\\n')[0];
}`,
    marked: ['handle'],
  },
  {
    rule: 'require-abort-signal',
    code: `export async function load(url: string) {
  const response = await fetch(url);
  return response.json();
}`,
    marked: ['fetch'],
  },
];

const linter = new Linter();

function markedTexts({ rule, code }: RangeCase): string[] {
  const messages = linter.verify(code, [
    { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } },
    { plugins: plugin.configs.strict.plugins, rules: { [`async-pitfalls/${rule}`]: 'error' } },
  ], 'file.ts');
  const lineStarts = [0];
  for (let index = 0; index < code.length; index++) if (code[index] === '\n') lineStarts.push(index + 1);
  const offset = (line: number, column: number) => lineStarts[line - 1]! + column - 1;
  return messages.map((message) => {
    expect(message.ruleId).toBe(`async-pitfalls/${rule}`);
    return code.slice(offset(message.line, message.column), offset(message.endLine!, message.endColumn!));
  });
}

describe('report ranges', () => {
  for (const testCase of cases) {
    it(`${testCase.rule}: ${testCase.marked.join(' | ').replace(/\s+/g, ' ')}`, () => {
      expect(markedTexts(testCase)).toEqual(testCase.marked);
    });
  }

  it('covers every rule', () => {
    expect(new Set(cases.map((testCase) => testCase.rule))).toEqual(new Set(Object.keys(plugin.rules)));
  });
});
