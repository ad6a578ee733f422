import path from 'node:path';

import tsParser from '@typescript-eslint/parser';
import { type InvalidTestCase, RuleTester, type ValidTestCase } from '@typescript-eslint/rule-tester';
import type { TSESLint } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

export const fixturesDir = path.join(import.meta.dirname, 'fixtures');

/** Syntactic: no type information. Type-aware: a project service over tests/fixtures. */
export type Mode = 'syntactic' | 'type-aware';

const parserOptionsFor: Record<Mode, Linter.ParserOptions> = {
  syntactic: {},
  'type-aware': { projectService: true, tsconfigRootDir: fixturesDir },
};

/** A case that holds in one mode only (say, a cross-file call only types can see). */
interface ModeOnly {
  mode?: Mode;
}

type AnyRuleModule = TSESLint.RuleModule<string, readonly unknown[], unknown>;
export type MessageIdsOf<R extends AnyRuleModule> = R extends TSESLint.RuleModule<infer M, readonly unknown[], unknown> ? M : never;
export type OptionsOf<R extends AnyRuleModule> = R extends TSESLint.RuleModule<string, infer O, unknown> ? O : never;

/** The cases of a rule's suite, typed from the rule itself. */
export type CasesFor<R extends AnyRuleModule> = RuleCases<MessageIdsOf<R>, OptionsOf<R>>;

export interface RuleCases<MessageIds extends string, Options extends readonly unknown[]> {
  valid: (string | (ValidTestCase<Options> & ModeOnly))[];
  invalid: (InvalidTestCase<MessageIds, Options> & ModeOnly)[];
}

type AnyRule<MessageIds extends string, Options extends readonly unknown[]> = TSESLint.RuleModule<
  MessageIds,
  Options,
  unknown
>;

function inMode<T extends ModeOnly>(cases: readonly (string | T)[], mode: Mode): (string | Omit<T, 'mode'>)[] {
  return cases.flatMap((item): (string | Omit<T, 'mode'>)[] => {
    if (typeof item === 'string') return [item];
    const { mode: only, ...rest } = item;
    return only === undefined || only === mode ? [rest] : [];
  });
}

/**
 * Runs one suite of cases in both modes, then checks what RuleTester does not: every asserted
 * suggestion leaves fewer reports of the rule than the code it was applied to.
 */
export function runRuleTests<MessageIds extends string, Options extends readonly unknown[]>(
  name: string,
  rule: AnyRule<MessageIds, Options>,
  cases: RuleCases<MessageIds, Options>,
): void {
  for (const mode of ['syntactic', 'type-aware'] as const) {
    describe(mode, () => {
      const tester = new RuleTester({
        languageOptions: { parserOptions: parserOptionsFor[mode] as never },
      });
      tester.run(name, rule, {
        valid: inMode(cases.valid, mode),
        invalid: inMode(cases.invalid, mode) as InvalidTestCase<MessageIds, Options>[],
      });

      describe(`${name}: suggestions resolve the report`, () => {
        const count = createReportCounter(name, rule, mode);
        for (const testCase of cases.invalid.filter((item) => item.mode === undefined || item.mode === mode)) {
          const outputs = testCase.errors.flatMap((error) =>
            Array.isArray(error.suggestions) ? error.suggestions.map((suggestion) => suggestion.output) : [],
          );
          if (outputs.length === 0) continue;
          it(testCase.name ?? testCase.code, () => {
            const before = count(testCase.code, testCase.options, testCase.filename);
            for (const output of outputs) {
              expect(count(output, testCase.options, testCase.filename), output).toBeLessThan(before);
            }
          });
        }
      });
    });
  }
}

function createReportCounter<MessageIds extends string, Options extends readonly unknown[]>(
  name: string,
  rule: AnyRule<MessageIds, Options>,
  mode: Mode,
): (code: string, options: Readonly<Options> | undefined, filename: string | undefined) => number {
  const linter = new Linter({ configType: 'flat', cwd: fixturesDir });
  return (code, options, filename) => {
    const config: Linter.Config[] = [
      {
        files: ['**/*.ts', '**/*.tsx', '**/*.js'],
        languageOptions: { parser: tsParser as Linter.Parser, parserOptions: parserOptionsFor[mode] },
        plugins: { test: { rules: { [name]: rule as never } } },
        rules: { [`test/${name}`]: ['error', ...(options ?? [])] as Linter.RuleEntry },
      },
    ];
    const messages = linter.verify(code, config, path.join(fixturesDir, filename ?? 'file.ts'));
    const fatal = messages.find((message) => message.fatal);
    if (fatal) throw new Error(`parse error: ${fatal.message}\n${code}`);
    return messages.filter((message) => message.ruleId === `test/${name}`).length;
  };
}
