// Findings and scan results for the report and GitHub unit tests.
import type { Finding } from '../../src/model.js';
import { gate, type ScanResult } from '../../src/gate.js';
import type { SuppressedFinding } from '../../src/suppress/suppress.js';

let counter = 0;

export function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'KSV017',
    aliases: [],
    severity: 'high',
    title: 'Privileged',
    message: "Container 'app' of Deployment 'web' should set 'securityContext.privileged' to false",
    file: 'deploy/web.yaml',
    line: 20,
    source: 'manifest',
    resource: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
    container: 'app',
    fingerprint: `fp-${++counter}`,
    ...overrides,
  };
}

export function result(
  parts: {
    findings?: Finding[];
    suppressed?: SuppressedFinding[];
    fixed?: Finding[];
    errors?: ScanResult['errors'];
  },
  on: 'new' | 'all' = 'new',
): ScanResult {
  return gate(
    {
      findings: parts.findings ?? [],
      suppressed: parts.suppressed ?? [],
      errors: parts.errors ?? [],
      ...(parts.fixed ? { fixed: parts.fixed } : {}),
    },
    { failOn: 'high' },
    on,
  );
}
