import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('the Worker bundle', () => {
  it('builds offline with wrangler, pulls in no Node-only module and stays within budget', () => {
    const result = spawnSync('node_modules/.bin/tsx', ['scripts/check-worker.ts'], {
      encoding: 'utf8',
    });
    expect(result.stderr).not.toMatch(/check failed/);
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout.slice(0, result.stdout.lastIndexOf('}') + 1)) as {
      nodeImports: string[];
      gzipBytes: number;
      budget: { gzipBytes: number };
    };
    expect(report.nodeImports).toEqual([]);
    expect(report.gzipBytes).toBeLessThanOrEqual(report.budget.gzipBytes);
  }, 120_000);
});
