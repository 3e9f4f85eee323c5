// `kube-policy-gate scan --format sarif`: the bundled CLI writes SARIF 2.1.0 that code scanning accepts.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { validateSarif } from './github/sarif-schema.js';

describe('dist/cli.js --format sarif', () => {
  it('prints a schema-valid SARIF log with repository-relative locations', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kpg-sarif-'));
    cpSync(
      path.resolve('test/fixtures/policies/first-rules.yaml'),
      path.join(dir, '.kube-policy-gate.yaml'),
    );
    cpSync(path.resolve('test/fixtures/manifests/multi.yaml'), path.join(dir, 'deploy/multi.yaml'));
    const { stdout, code } = await promisify(execFile)(
      process.execPath,
      [path.resolve('dist/cli.js'), 'scan', '--format', 'sarif', '--fail-on', 'none'],
      { cwd: dir },
    ).then(
      ({ stdout }) => ({ stdout, code: 0 }),
      (error: { stdout: string; code: number }) => error,
    );
    expect(code).toBe(0);
    const log = JSON.parse(stdout);
    expect(validateSarif(log), JSON.stringify(validateSarif.errors)).toBe(true);
    const results = log.runs[0].results as Array<{
      ruleId: string;
      locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }>;
    }>;
    expect(results.map((r) => r.ruleId).sort()).toEqual(['KSV009', 'KSV017']);
    expect(
      results.every(
        (r) => r.locations[0].physicalLocation.artifactLocation.uri === 'deploy/multi.yaml',
      ),
    ).toBe(true);
  });
});
