import { describe, expect, it } from 'vitest';
import { renderConcurrency } from './render.js';
import { helmValueProblems, setPairsValues } from './values-sets.js';

describe('helmValueProblems', () => {
  it('accepts what helm accepts', () => {
    expect(
      helmValueProblems({
        releaseName: 'web.prod-1',
        namespace: 'shop',
        kubeVersion: 'v1.31.2',
        apiVersions: ['v1', 'apps/v1', 'monitoring.coreos.com/v1/ServiceMonitor'],
        set: { 'image.tag': 'x', 'podAnnotations.prometheus\\.io/scrape': 'true', 'a[0].b': '1' },
        valuesFiles: ['values-prod.yaml', '../shared/values.yaml'],
      }),
    ).toEqual([]);
  });

  it.each([
    ['releaseName', { releaseName: '--post-renderer=./pwn.sh' }],
    ['releaseName', { releaseName: 'a'.repeat(54) }],
    ['namespace', { namespace: '-n' }],
    ['namespace', { namespace: 'Shop' }],
    ['kubeVersion', { kubeVersion: '--validate' }],
    ['apiVersions', { apiVersions: ['--dry-run=server'] }],
    ['set.--debug', { set: { '--debug': 'x' } }],
    ['set.a,b', { set: { 'a,b': 'x' } }],
    ['set.a[99999]', { set: { 'a[99999]': 'x' } }],
    ['values', { valuesFiles: ['-f'] }],
    ['values', { valuesFiles: ['/etc/passwd'] }],
  ])('refuses a bad %s', (field, set) => {
    expect(helmValueProblems({ set: {}, ...set }).map((problem) => problem.field)).toEqual([field]);
  });
});

describe('setPairsValues', () => {
  it('builds the tree helm builds from --set, typed as helm types it', () => {
    expect(
      JSON.parse(
        JSON.stringify(
          setPairsValues([
            ['image.tag', '1.2.3'],
            ['replicas', '3'],
            ['debug', 'true'],
            ['zero', '0'],
            ['octal', '0755'],
            ['nothing', 'null'],
            ['list', '{a,b}'],
            ['ports[1].name', 'http'],
            ['annotations.prometheus\\.io/scrape', 'x,--set=y'],
            ['__proto__.polluted', 'yes'],
          ]),
        ),
      ),
    ).toEqual({
      image: { tag: '1.2.3' },
      replicas: 3,
      debug: true,
      zero: 0,
      octal: '0755',
      nothing: null,
      list: ['a', 'b'],
      ports: [null, { name: 'http' }],
      annotations: { 'prometheus.io/scrape': 'x,--set=y' },
      ['__proto__']: { polluted: 'yes' },
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('renderConcurrency', () => {
  const GB = 1024 * 1024 * 1024;
  it('runs one render per core, fewer when free memory is short, never none', () => {
    expect(renderConcurrency(2, 8 * GB)).toBe(2);
    expect(renderConcurrency(8, 8 * GB)).toBe(8);
    expect(renderConcurrency(8, 1.2 * GB)).toBe(2);
    expect(renderConcurrency(8, 100 * 1024 * 1024)).toBe(1);
  });
});
