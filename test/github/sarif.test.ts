import { describe, expect, it } from 'vitest';
import { FINGERPRINT_KEY, renderSarif } from '../../src/report/sarif.js';
import { finding, result } from './fixtures.js';
import { validateSarif as validate } from './sarif-schema.js';

describe('SARIF', () => {
  const scanned = result({
    findings: [
      finding({ status: 'new', endLine: 24 }),
      finding({
        ruleId: 'KSV013',
        severity: 'medium',
        file: 'charts/web/values prod.yaml',
        line: 3,
        source: 'helm-values',
        chart: 'charts/web',
        valuesSet: 'prod',
        rendered: { file: 'web/templates/deployment.yaml', line: 30 },
      }),
    ],
    suppressed: [
      {
        ...finding({ severity: 'low' }),
        suppressedBy: {
          source: 'annotation',
          file: 'deploy/web.yaml',
          line: 5,
          reason: 'needs it',
        },
      },
    ],
    fixed: [],
    errors: [
      { file: 'deploy/pipe.yaml', message: 'not a regular file' },
      { file: '.kube-policy-gate.yaml', line: 7, message: 'exception expired', level: 'warning' },
      { file: '(cluster)', message: 'cannot list namespaces from https://k8s:6443: denied' },
    ],
  });
  const log = JSON.parse(renderSarif(scanned));

  it('validates against the SARIF 2.1.0 schema', () => {
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
  });

  it("says what the scan could not read or apply as the run's notifications", () => {
    expect(log.runs[0].invocations).toEqual([
      {
        executionSuccessful: true,
        toolExecutionNotifications: [
          {
            level: 'error',
            message: { text: 'not a regular file' },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: 'deploy/pipe.yaml', uriBaseId: '%SRCROOT%' },
                },
              },
            ],
          },
          {
            level: 'warning',
            message: { text: 'exception expired' },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: '.kube-policy-gate.yaml', uriBaseId: '%SRCROOT%' },
                  region: { startLine: 7 },
                },
              },
            ],
          },
          {
            level: 'error',
            message: { text: 'cannot list namespaces from https://k8s:6443: denied' },
          },
        ],
      },
    ]);
  });

  it('has one rule per rule ID, with the severity in force', () => {
    const rules = log.runs[0].tool.driver.rules;
    expect(
      rules.map(
        (r: {
          id: string;
          defaultConfiguration: { level: string };
          properties: Record<string, string>;
        }) => [r.id, r.defaultConfiguration.level, r.properties['security-severity']],
      ),
    ).toEqual([
      ['KSV013', 'warning', '5.5'],
      ['KSV017', 'error', '8.0'],
    ]);
    expect(rules[1].properties.tags).toContain('pss-baseline');
  });

  it('places results at repository-relative locations with our fingerprint', () => {
    const [first, second, suppressed] = log.runs[0].results;
    expect(first.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'deploy/web.yaml', uriBaseId: '%SRCROOT%' },
      region: { startLine: 20, endLine: 24 },
    });
    expect(first.partialFingerprints).toEqual({
      [FINGERPRINT_KEY]: scanned.findings[0].fingerprint,
    });
    expect(first.ruleIndex).toBe(1);
    expect(second.locations[0].physicalLocation.artifactLocation.uri).toBe(
      'charts/web/values%20prod.yaml',
    );
    expect(second.properties).toMatchObject({ chart: 'charts/web', valuesSet: 'prod' });
    expect(suppressed.suppressions).toEqual([
      { kind: 'inSource', status: 'accepted', justification: 'needs it' },
    ]);
  });
});
