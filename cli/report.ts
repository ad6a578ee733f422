import path from 'node:path';

import type { ESLint, Linter } from 'eslint';

const PARSE_ERRORS = 'parse errors';

interface Group {
  ruleId: string;
  url: string | undefined;
  errors: number;
  warnings: number;
  files: Set<string>;
  lines: string[];
}

/**
 * The audit's own report: findings grouped by rule (each group headed by the rule's docs link),
 * then a table with the errors, warnings and files per rule.
 */
export function formatGrouped(
  results: readonly ESLint.LintResult[],
  rulesMeta: Record<string, { docs?: { url?: string } }>,
  cwd: string,
): string {
  const groups = new Map<string, Group>();
  for (const result of results) {
    const file = path.relative(cwd, result.filePath) || result.filePath;
    for (const message of result.messages) {
      const ruleId = message.ruleId ?? PARSE_ERRORS;
      let group = groups.get(ruleId);
      if (!group) {
        group = { ruleId, url: rulesMeta[ruleId]?.docs?.url, errors: 0, warnings: 0, files: new Set(), lines: [] };
        groups.set(ruleId, group);
      }
      if (message.severity === 2) group.errors++;
      else group.warnings++;
      group.files.add(file);
      group.lines.push(`  ${file}:${message.line}:${message.column}  ${severityName(message)}  ${message.message}`);
    }
  }
  if (groups.size === 0) return '';

  const ordered = [...groups.values()].sort(
    (a, b) => b.errors + b.warnings - (a.errors + a.warnings) || a.ruleId.localeCompare(b.ruleId),
  );
  const sections = ordered.map((group) => {
    const count = group.errors + group.warnings;
    const heading = `${group.ruleId} (${count} ${count === 1 ? 'finding' : 'findings'})${group.url ? `  ${group.url}` : ''}`;
    return [heading, ...group.lines].join('\n');
  });

  const allFiles = new Set(ordered.flatMap((group) => [...group.files]));
  const rows = [
    ['rule', 'errors', 'warnings', 'files'],
    ...ordered.map((group) => [group.ruleId, String(group.errors), String(group.warnings), String(group.files.size)]),
    [
      'total',
      String(ordered.reduce((sum, group) => sum + group.errors, 0)),
      String(ordered.reduce((sum, group) => sum + group.warnings, 0)),
      String(allFiles.size),
    ],
  ];
  return `${sections.join('\n\n')}\n\n${formatTable(rows)}\n`;
}

function severityName(message: Linter.LintMessage): string {
  return message.severity === 2 ? 'error' : 'warning';
}

/** A plain-text table: the first column left-aligned, the numbers right-aligned. */
function formatTable(rows: readonly string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const render = (row: readonly string[]) =>
    row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [render(rows[0]!), rule, ...rows.slice(1, -1).map(render), rule, render(rows[rows.length - 1]!)].join('\n');
}
