import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../model.js';
import { fingerprint, resourceFingerprintScope, scopedFingerprint } from './fingerprint.js';

const sha256Half = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 32);

describe('fingerprint', () => {
  const base: Pick<
    Finding,
    'ruleId' | 'resource' | 'container' | 'chart' | 'valuesSet' | 'message'
  > = {
    ruleId: 'KSV017',
    resource: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', namespace: 'shop' },
    container: 'app',
    message: "Container 'app' of Deployment 'web' should set 'securityContext.privileged' to false",
  };

  it('is 32 lowercase hex digits, the same on every call', () => {
    const value = fingerprint(base, 'deploy/web.yaml');
    expect(value).toMatch(/^[0-9a-f]{32}$/);
    expect(fingerprint({ ...base }, 'deploy/web.yaml')).toBe(value);
  });

  it('hashes the JSON key of rule, file, chart, values set, resource and container', () => {
    const key = JSON.stringify([
      'KSV017',
      'deploy/web.yaml',
      '',
      '',
      'Deployment',
      'shop',
      'web',
      'app',
    ]);
    expect(fingerprint(base, 'deploy/web.yaml')).toBe(sha256Half(key));
    const dockerKey = JSON.stringify(['DL3007', 'Dockerfile', '', '', 'Using latest', '']);
    expect(fingerprint({ ruleId: 'DL3007', message: 'Using latest' }, 'Dockerfile')).toBe(
      sha256Half(dockerKey),
    );
  });

  it('stays the same from release to release', () => {
    // Code scanning and base-vs-head classification track findings by it.
    expect(fingerprint(base, 'deploy/web.yaml')).toBe('022a67bac371d2992bb12f17a45e7c27');
  });

  it('is the same whether built per finding or from a resource scope', () => {
    const scope = resourceFingerprintScope('deploy/web.yaml', 'charts/web', 'ci/a', base.resource!);
    expect(scopedFingerprint(scope, 'KSV017', 'app')).toBe(
      fingerprint({ ...base, chart: 'charts/web', valuesSet: 'ci/a' }, 'deploy/web.yaml'),
    );
  });

  it('is the hash of that JSON key whatever characters the fields hold', () => {
    const text = fc.string({ unit: 'binary', maxLength: 12 });
    fc.assert(
      fc.property(
        text,
        text,
        text,
        fc.option(text, { nil: undefined }),
        (rule, file, name, container) => {
          const resource = { apiVersion: 'v1', kind: 'Pod', name };
          const key = JSON.stringify([rule, file, '', '', 'Pod', '', name, container ?? '']);
          expect(fingerprint({ ruleId: rule, message: 'm', resource, container }, file)).toBe(
            sha256Half(key),
          );
        },
      ),
    );
  });

  it('ignores the message and the API version of a resource finding', () => {
    const value = fingerprint(base, 'deploy/web.yaml');
    expect(fingerprint({ ...base, message: 'reworded' }, 'deploy/web.yaml')).toBe(value);
    expect(
      fingerprint(
        { ...base, resource: { ...base.resource!, apiVersion: 'v1' } },
        'deploy/web.yaml',
      ),
    ).toBe(value);
  });

  it('differs when any part of the identity differs', () => {
    const values = new Set([
      fingerprint(base, 'deploy/web.yaml'),
      fingerprint(base, 'deploy/web2.yaml'),
      fingerprint({ ...base, ruleId: 'KSV001' }, 'deploy/web.yaml'),
      fingerprint({ ...base, container: 'sidecar' }, 'deploy/web.yaml'),
      fingerprint({ ...base, container: undefined }, 'deploy/web.yaml'),
      fingerprint({ ...base, chart: 'charts/web' }, 'deploy/web.yaml'),
      fingerprint({ ...base, chart: 'charts/web', valuesSet: 'ci/prod' }, 'deploy/web.yaml'),
      fingerprint(
        { ...base, resource: { ...base.resource!, namespace: undefined } },
        'deploy/web.yaml',
      ),
      fingerprint({ ...base, resource: { ...base.resource!, name: 'api' } }, 'deploy/web.yaml'),
      fingerprint(
        { ...base, resource: { ...base.resource!, kind: 'StatefulSet' } },
        'deploy/web.yaml',
      ),
    ]);
    expect(values.size).toBe(10);
  });

  it('spreads similar keys over all 128 bits', () => {
    // 4,096 keys that differ in one counter: every hex digit position takes all 16 values,
    // each about equally often, and no two keys collide.
    const values = Array.from({ length: 4096 }, (_, i) =>
      fingerprint({ ...base, resource: { ...base.resource!, name: `web-${i}` } }, 'a.yaml'),
    );
    expect(new Set(values).size).toBe(values.length);
    for (let position = 0; position < 32; position++) {
      const counts = new Map<string, number>();
      for (const value of values)
        counts.set(value[position], (counts.get(value[position]) ?? 0) + 1);
      expect(counts.size).toBe(16);
      // Expected 256 per digit; 5 standard deviations (~16 each) either side.
      for (const count of counts.values()) expect(Math.abs(count - 256)).toBeLessThan(80);
    }
  });
});
