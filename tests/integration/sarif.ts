import { expect } from 'vitest';

// The parts of the OASIS SARIF 2.1.0 schema (sarif-schema-2.1.0.json) that code-scanning
// services read, with the schema's own constraints: required properties, enums and minimums.

export interface SarifLog {
  version: string;
  $schema?: string;
  runs: {
    tool: { driver: { name: string; rules?: { id: string; helpUri?: string; shortDescription?: { text: string } }[] } };
    artifacts?: { location: { uri: string } }[];
    results: {
      ruleId?: string;
      ruleIndex?: number;
      level?: string;
      message: { text?: string };
      locations?: {
        physicalLocation?: {
          artifactLocation?: { uri?: string; index?: number };
          region?: { startLine?: number; startColumn?: number; endLine?: number; endColumn?: number };
        };
      }[];
    }[];
  }[];
}

export function expectSarifShape(log: SarifLog): void {
  expect(log.version).toBe('2.1.0');
  expect(log.$schema).toMatch(/sarif-2\.1\.0/);
  expect(log.runs.length).toBeGreaterThan(0);
  for (const run of log.runs) {
    expect(typeof run.tool.driver.name).toBe('string');
    const rules = run.tool.driver.rules ?? [];
    for (const rule of rules) {
      expect(typeof rule.id).toBe('string');
      if (rule.helpUri !== undefined) expect(() => new URL(rule.helpUri!)).not.toThrow();
    }
    for (const artifact of run.artifacts ?? []) expect(() => new URL(artifact.location.uri)).not.toThrow();
    for (const result of run.results) {
      expect(typeof result.message.text).toBe('string');
      expect(['none', 'note', 'warning', 'error']).toContain(result.level ?? 'warning');
      if (result.ruleIndex !== undefined) expect(rules[result.ruleIndex]?.id).toBe(result.ruleId);
      for (const location of result.locations ?? []) {
        const { artifactLocation, region } = location.physicalLocation ?? {};
        expect(artifactLocation?.uri !== undefined || artifactLocation?.index !== undefined).toBe(true);
        if (artifactLocation?.index !== undefined) expect(run.artifacts?.[artifactLocation.index]).toBeDefined();
        for (const value of Object.values(region ?? {})) expect(value).toBeGreaterThanOrEqual(1);
        if (region?.endLine !== undefined) expect(region.endLine).toBeGreaterThanOrEqual(region.startLine ?? 1);
      }
    }
  }
}
