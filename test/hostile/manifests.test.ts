// Hostile YAML and file-system input through the real scan(): each is reported with its file
// (and line when known), never crashes the scan, and never hides a good file's findings.
import { mkdirSync, openSync, closeSync, symlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { devHelm } from '../../scripts/dev-helm.js';
import {
  goodFileFindings,
  GOOD_MANIFEST,
  scanRepo,
  tempRepo,
  unreadable,
  type Repo,
} from './support.js';

let repo: Repo;
afterEach(() => repo?.remove());

function repoWith(files: Record<string, string | Uint8Array>): Repo {
  repo = tempRepo();
  repo.write('good.yaml', GOOD_MANIFEST);
  for (const [file, content] of Object.entries(files)) repo.write(file, content);
  return repo;
}

describe('hostile YAML', () => {
  it('reports malformed YAML on its line and scans the rest', async () => {
    const { root } = repoWith({
      'broken.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n data: [unclosed\n',
      'tabs.yaml': 'kind: Pod\nmetadata:\n\tname: tabbed\n',
    });
    const result = await scanRepo(root);
    expect(goodFileFindings(result)).toHaveLength(1);
    const broken = result.errors.find((error) => error.file === 'broken.yaml');
    expect(broken).toMatchObject({ file: 'broken.yaml', line: expect.any(Number) });
    expect(broken!.line).toBeGreaterThanOrEqual(4);
    expect(unreadable(result, 'broken.yaml')).toHaveLength(1);
    expect(unreadable(result, 'tabs.yaml')).toHaveLength(1);
    expect(result.errors.find((error) => error.file === 'tabs.yaml')?.line).toBe(3);
    expect(result.summary.failed).toBe(true);
  });

  it('keeps the good documents of a stream with one broken document', async () => {
    const { root } = repoWith({
      'stream.yaml': `${GOOD_MANIFEST}---\nkind: Pod\nmetadata: {name: [}\n`,
    });
    const result = await scanRepo(root);
    expect(goodFileFindings(result, 'stream.yaml')).toHaveLength(1);
    expect(unreadable(result, 'stream.yaml')[0].line).toBe(15);
  });

  it('refuses binary files with YAML names', async () => {
    const bytes = new Uint8Array(4096).map((_, index) => (index * 7919) % 256);
    const { root } = repoWith({
      'image.yaml': bytes,
      'nested/archive.yml': Buffer.from('PK\x03\x04\0\0'),
    });
    const result = await scanRepo(root);
    expect(goodFileFindings(result)).toHaveLength(1);
    for (const file of ['image.yaml', 'nested/archive.yml']) {
      expect(result.errors).toContainEqual({
        file,
        message: 'binary file, not YAML or a Dockerfile',
      });
      expect(unreadable(result, file)).toHaveLength(1);
    }
  });

  it('refuses YAML alias bombs instead of expanding them', async () => {
    const levels = 'abcdefghi'.split('');
    const bomb = levels
      .map((name, index) =>
        index === 0
          ? `${name}: &${name} ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]`
          : `${name}: &${name} [${Array(9)
              .fill(`*${levels[index - 1]}`)
              .join(',')}]`,
      )
      .join('\n');
    // The bomb as a whole document, and hidden inside a real-looking resource.
    const { root } = repoWith({
      'bomb.yaml': `${bomb}\n`,
      'bomb-in-pod.yaml': `kind: Pod\nmetadata:\n  name: p\n  annotations:\n${bomb.replace(/^/gm, '    ')}\nspec: {containers: [{name: a, image: x}]}\n`,
    });
    const result = await scanRepo(root);
    expect(goodFileFindings(result)).toHaveLength(1);
    for (const file of ['bomb.yaml', 'bomb-in-pod.yaml']) {
      const [error] = result.errors.filter((e) => e.file === file);
      expect(error.message).toMatch(/alias/i);
      expect(error.line).toBe(1);
    }
  });

  it('refuses a 50 MB YAML file by its size, without reading it', async () => {
    const { root } = repoWith({});
    // Written in chunks: the test itself must not hold 50 MB strings.
    const fd = openSync(path.join(root, 'huge.yaml'), 'w');
    const chunk = Buffer.from(
      Array.from(
        { length: 1000 },
        (_, i) => `---\nkind: ConfigMap\nmetadata: {name: c${i}}\n`,
      ).join(''),
    );
    for (let written = 0; written < 50 * 1024 * 1024; written += chunk.length) writeSync(fd, chunk);
    closeSync(fd);
    const result = await scanRepo(root);
    expect(goodFileFindings(result)).toHaveLength(1);
    const [error] = result.errors.filter((e) => e.file === 'huge.yaml');
    expect(error.message).toMatch(/^file is 50 MiB, over the 16 MiB limit/);
    expect(unreadable(result, 'huge.yaml')).toHaveLength(1);
  });

  it.each([
    ['flow sequences', `kind: Pod\nspec: ${'['.repeat(200_000)}${']'.repeat(200_000)}\n`],
    ['flow maps', `kind: Pod\nspec: ${'{a: '.repeat(50_000)}1${'}'.repeat(50_000)}\n`],
    ['block sequences', `kind: Pod\nspec:\n  ${'- '.repeat(100_000)}x\n`],
  ])('names a file nested too deeply (%s) instead of crashing', async (_, text) => {
    const { root } = repoWith({ 'deep.yaml': text });
    const result = await scanRepo(root);
    expect(goodFileFindings(result)).toHaveLength(1);
    const errors = result.errors.filter((e) => e.file === 'deep.yaml');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: expect.any(Number), message: expect.any(String) });
    expect(errors[0].message).not.toMatch(/Maximum call stack/);
  });

  it('locates findings in a deeply nested but parseable document', async () => {
    const depth = 500;
    const nested = Array.from({ length: depth }, (_, i) => `${'  '.repeat(i + 2)}k${i}:`).join(
      '\n',
    );
    const { root } = repoWith({
      'nested.yaml': `${GOOD_MANIFEST.replace('good', 'nested')}  extra:\n${nested} end\n`,
    });
    const result = await scanRepo(root);
    expect(goodFileFindings(result, 'nested.yaml')[0].line).toBe(12);
  });
});

describe('the YAML dialect of the API server', () => {
  it.each(['yes', 'on', 'Y', 'True'])('reads privileged: %s as true', async (word) => {
    const { root } = repoWith({
      'yes.yaml': GOOD_MANIFEST.replace('privileged: true', `privileged: ${word}`),
    });
    const result = await scanRepo(root);
    expect(goodFileFindings(result, 'yes.yaml')).toHaveLength(1);
  });

  it('reads a Pod whose apiVersion and kind come from a << merge key', async () => {
    const pod = [
      '<<: {apiVersion: v1, kind: Pod}',
      'metadata: {name: hidden}',
      'spec:',
      '  containers:',
      '    - name: app',
      '      image: nginx:1.27.0',
      '      securityContext: {privileged: true}',
    ].join('\n');
    const { root } = repoWith({ 'merged.yaml': `${pod}\n` });
    const result = await scanRepo(root);
    const [finding] = goodFileFindings(result, 'merged.yaml');
    expect(finding).toMatchObject({ line: 7, resource: { kind: 'Pod', name: 'hidden' } });
  });

  it('checks the last of duplicate keys and reports the duplicate on that line (KPG004)', async () => {
    const twice = GOOD_MANIFEST.replace(
      'privileged: true',
      'privileged: false\n            runAsNonRoot: true\n            privileged: true',
    );
    const { root } = repoWith({ 'twice.yaml': twice });
    const result = await scanRepo(root);
    expect(goodFileFindings(result, 'twice.yaml').map((f) => f.line)).toEqual([14]);
    const duplicate = result.findings.filter((f) => f.ruleId === 'KPG004');
    expect(duplicate).toEqual([
      expect.objectContaining({ file: 'twice.yaml', line: 14, severity: 'medium' }),
    ]);
    expect(duplicate[0].message).toMatch(/`privileged` is set 2 times/);
  });

  it('refuses an 8 MB file of aliases without expanding them', async () => {
    // One anchored map of 100 keys and 8 MB of aliases to it: go-yaml's alias ratio refuses it.
    const keys = Array.from({ length: 100 }, (_, i) => `  k${i}: v${i}`).join('\n');
    const aliases = '  - *a\n'.repeat((8 * 1024 * 1024) / 7);
    const { root } = repoWith({
      'aliases.yaml': `kind: ConfigMap\nbase: &a\n${keys}\nitems:\n${aliases}`,
    });
    const before = process.memoryUsage().rss;
    const result = await scanRepo(root);
    expect(goodFileFindings(result)).toHaveLength(1);
    const [error] = result.errors.filter((e) => e.file === 'aliases.yaml');
    expect(error).toEqual({
      file: 'aliases.yaml',
      line: 1,
      message: 'document contains excessive aliasing',
    });
    // Far below what expanding 1.2 million copies of a 100-key map would take.
    expect(process.memoryUsage().rss - before).toBeLessThan(1024 * 1024 * 1024);
  });
});

describe.each([3, 4] as const)('the same dialect in rendered charts, helm v%i', (major) => {
  /** A chart `c` with `values.yaml`, whose Pod's securityContext ends with `lastLine`. */
  async function scanChart(values: string, lastLine: string) {
    const { root } = repoWith({
      'charts/c/Chart.yaml': 'apiVersion: v2\nname: c\nversion: 0.1.0\n',
      'charts/c/values.yaml': values,
      'charts/c/templates/pod.yaml': [
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '  name: p',
        'spec:',
        '  containers:',
        '    - name: app',
        '      image: nginx:1.27.0',
        '      securityContext:',
        '        privileged: false',
        lastLine,
        '',
      ].join('\n'),
    });
    const result = await scanRepo(root, await devHelm(major));
    const at = (ruleId: string) =>
      result.findings
        .filter((f) => f.ruleId === ruleId && f.file.startsWith('charts/c/'))
        .map((f) => `${f.file}:${f.line}`);
    return { result, at };
  }

  it('reads privileged: yes from values as helm does and reports the duplicate key on its template line', async () => {
    const { result, at } = await scanChart(
      'privileged: yes\n',
      '        privileged: {{ .Values.privileged }}',
    );
    expect(goodFileFindings(result)).toHaveLength(1);
    // The value that applies is the values file's `yes`, which helm reads as true: the finding
    // on it is placed there; the duplicate key is the template's, on the occurrence that applies.
    expect(at('KSV017')).toEqual(['charts/c/values.yaml:1']);
    expect(at('KPG004')).toEqual(['charts/c/templates/pod.yaml:11']);
  });

  it('places a duplicate key that toYaml of values writes on the template line that emits it', async () => {
    const { at } = await scanChart(
      'securityContext:\n  privileged: true\n',
      '        {{- toYaml .Values.securityContext | nindent 8 }}',
    );
    // The value that applies (true) is the values file's; the key is written twice by the
    // template, the second time by its toYaml line.
    expect(at('KSV017')).toEqual(['charts/c/values.yaml:2']);
    expect(at('KPG004')).toEqual(['charts/c/templates/pod.yaml:11']);
  });
});

describe('hostile file systems', () => {
  it('stops at a symlink loop', async () => {
    const { root } = repoWith({ 'apps/app.yaml': GOOD_MANIFEST.replace('good', 'app') });
    symlinkSync('..', path.join(root, 'apps', 'parent')); // apps/parent -> . (a cycle)
    symlinkSync('self', path.join(root, 'self')); // a link to itself (ELOOP)
    mkdirSync(path.join(root, 'a'));
    symlinkSync('../b', path.join(root, 'a', 'to-b'));
    mkdirSync(path.join(root, 'b'));
    symlinkSync('../a', path.join(root, 'b', 'to-a'));
    const result = await scanRepo(root);
    expect(goodFileFindings(result)).toHaveLength(1);
    // Each real file is scanned once, however many ways lead to it.
    expect(
      result.findings
        .filter((f) => f.ruleId === 'KSV017')
        .map((f) => f.file)
        .sort(),
    ).toEqual(['apps/app.yaml', 'good.yaml']);
    expect(result.errors).toContainEqual({
      file: 'self',
      message: 'broken symlink or unreadable path; skipped',
      level: 'warning',
    });
  });

  it('does not follow a symlink out of the repository', async () => {
    const outside = tempRepo();
    try {
      outside.write('secret.yaml', GOOD_MANIFEST.replace('good', 'outside'));
      const { root } = repoWith({});
      symlinkSync(outside.root, path.join(root, 'linked-dir'));
      symlinkSync(path.join(outside.root, 'secret.yaml'), path.join(root, 'linked.yaml'));
      const result = await scanRepo(root);
      expect(goodFileFindings(result)).toHaveLength(1);
      expect(result.findings.every((f) => !f.file.startsWith('..'))).toBe(true);
      expect(result.findings.some((f) => f.resource?.name === 'outside')).toBe(false);
      for (const file of ['linked-dir', 'linked.yaml']) {
        expect(result.errors).toContainEqual({
          file,
          message: 'symlink points outside the repository; not followed',
          level: 'warning',
        });
      }
    } finally {
      outside.remove();
    }
  });
});
