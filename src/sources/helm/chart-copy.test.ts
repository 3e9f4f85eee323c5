import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chartToRender } from './chart-copy.js';

let root: string;
let work: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'kpg-chart-copy-repo-'));
  work = mkdtempSync(path.join(tmpdir(), 'kpg-chart-copy-work-'));
  write('charts/app/Chart.yaml', 'apiVersion: v2\nname: app\nversion: 1.0.0\n');
  write('charts/app/values.yaml', 'replicas: 1\n');
  write('charts/app/templates/deploy.yaml', 'kind: Deployment\n');
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

function write(file: string, text: string): void {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
}
const render = () => chartToRender(root, 'charts/app', path.join(work, 'app'));
const CHART_BYTES = 40 + 12 + 17;

describe('chartToRender', () => {
  it('renders a chart of directories and regular files where it is, copying nothing', async () => {
    const chart = await render();
    expect(chart).toEqual({ dir: path.join(root, 'charts/app'), leftOut: [], bytes: CHART_BYTES });
    expect(existsSync(path.join(work, 'app'))).toBe(false);
  });

  it('copies a chart holding a symlink, with the linked file in its place', async () => {
    write('shared/labels.tpl', '{{- define "labels" -}}{{- end -}}\n');
    symlinkSync('../../../shared/labels.tpl', path.join(root, 'charts/app/templates/_labels.tpl'));
    const chart = await render();
    expect(chart.dir).toBe(path.join(work, 'app'));
    expect(readFileSync(path.join(chart.dir, 'templates/_labels.tpl'), 'utf8')).toMatch(/define/);
  });

  it('copies a chart holding a symlink out of the repository, leaving the link out', async () => {
    symlinkSync('/etc/hostname', path.join(root, 'charts/app/host.txt'));
    const chart = await render();
    expect(chart.dir).toBe(path.join(work, 'app'));
    expect(chart.leftOut.map((entry) => entry.file)).toEqual(['charts/app/host.txt']);
    expect(existsSync(path.join(chart.dir, 'host.txt'))).toBe(false);
  });

  it('copies a chart with a .git folder (left out) or a schema that refers outward', async () => {
    write('charts/app/.git/config', '[core]\n');
    const withGit = await render();
    expect(withGit.dir).toBe(path.join(work, 'app'));
    expect(existsSync(path.join(withGit.dir, '.git'))).toBe(false);
    rmSync(path.join(root, 'charts/app/.git'), { recursive: true });
    write('charts/app/values.schema.json', '{"$ref": "file:///proc/self/environ"}');
    const chart = await chartToRender(root, 'charts/app', path.join(work, 'app2'));
    expect(chart.dir).toBe(path.join(work, 'app2'));
    expect(chart.leftOut.map((entry) => entry.file)).toEqual(['charts/app/values.schema.json']);
  });

  it.each([
    '{"properties": {"a": {"$ref": "#/definitions/a"}}}',
    // What Bitnami's charts name: the latest draft, known to helm v3 and v4 without a fetch.
    '{"$schema": "http://json-schema.org/schema#", "type": "object"}',
    '{"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object"}',
  ])(
    'renders a chart whose schema refers only to itself or a draft where it is: %s',
    async (schema) => {
      write('charts/app/values.schema.json', schema);
      expect((await render()).dir).toBe(path.join(root, 'charts/app'));
    },
  );

  it('copies a chart whose schema names a meta-schema helm would fetch, leaving it out', async () => {
    write('charts/app/values.schema.json', '{"$schema": "http://json-schema.org/schema/x"}');
    expect((await render()).leftOut.map((entry) => entry.file)).toEqual([
      'charts/app/values.schema.json',
    ]);
  });

  it('copies a chart reached through a symlinked folder', async () => {
    symlinkSync('app', path.join(root, 'charts/alias'));
    const chart = await chartToRender(root, 'charts/alias', path.join(work, 'alias'));
    expect(chart.dir).toBe(path.join(work, 'alias'));
    expect(chart.bytes).toBe(CHART_BYTES);
  });
});

/** A gzipped tar of `entries` (name, body, type flag: '0' file, '2' symlink), as an archive
 *  tool would write it: a ustar header per entry, the body in 512-byte blocks. */
function tgz(
  entries: Array<{ name: string; body?: string | Buffer; type?: string; link?: string }>,
) {
  const blocks: Buffer[] = [];
  for (const { name, body = '', type = '0', link = '' } of entries) {
    const header = Buffer.alloc(512);
    const field = (offset: number, length: number, value: string) =>
      header.write(value.slice(0, length), offset, 'ascii');
    const octal = (offset: number, length: number, value: number) =>
      field(offset, length, `${value.toString(8).padStart(length - 1, '0')}\0`);
    field(0, 100, name);
    octal(100, 8, 0o644);
    octal(108, 8, 0);
    octal(116, 8, 0);
    const bytes = Buffer.from(body);
    octal(124, 12, bytes.length);
    octal(136, 12, 0);
    header.fill(' ', 148, 156);
    field(156, 1, type);
    field(157, 100, link);
    field(257, 6, 'ustar\0');
    field(263, 2, '00');
    let sum = 0;
    for (const byte of header) sum += byte;
    field(148, 8, `${sum.toString(8).padStart(6, '0')}\0 `);
    const data = Buffer.alloc(Math.ceil(bytes.length / 512) * 512);
    bytes.copy(data);
    blocks.push(header, data);
  }
  blocks.push(Buffer.alloc(1024));
  return gzipSync(Buffer.concat(blocks));
}

describe('a chart with subchart archives', () => {
  const sub = (
    files: Array<{ name: string; body?: string | Buffer; type?: string; link?: string }>,
  ) =>
    tgz([
      { name: 'sub/Chart.yaml', body: 'apiVersion: v2\nname: sub\nversion: 0.1.0\n' },
      { name: 'sub/templates/cm.yaml', body: 'kind: ConfigMap\n' },
      ...files,
    ]);
  const withArchive = (bytes: Buffer) => {
    mkdirSync(path.join(root, 'charts/app/charts'), { recursive: true });
    writeFileSync(path.join(root, 'charts/app/charts/sub-0.1.0.tgz'), bytes);
  };

  it('renders from a copy with each archive unpacked into a folder', async () => {
    withArchive(sub([]));
    const chart = await render();
    expect(chart.dir).toBe(path.join(work, 'app'));
    expect(chart.leftOut).toEqual([]);
    expect(existsSync(path.join(chart.dir, 'charts/sub-0.1.0.tgz'))).toBe(false);
    expect(readFileSync(path.join(chart.dir, 'charts/sub-0.1.0/templates/cm.yaml'), 'utf8')).toBe(
      'kind: ConfigMap\n',
    );
  });

  it("leaves out an archive's schema that refers outward, and a link's target", async () => {
    withArchive(
      sub([
        { name: 'sub/values.schema.json', body: '{"$ref": "file:///proc/self/environ"}' },
        { name: 'sub/templates/env.yaml', type: '2', link: '/proc/self/environ' },
      ]),
    );
    const chart = await render();
    expect(chart.leftOut).toEqual([
      {
        file: 'charts/app/charts/sub-0.1.0.tgz',
        message: expect.stringMatching(
          /^values\.schema\.json in the subchart archive refers to \$ref "file:\/\/\/proc\/self\/environ"/,
        ),
      },
    ]);
    const unpacked = path.join(chart.dir, 'charts/sub-0.1.0');
    expect(existsSync(path.join(unpacked, 'values.schema.json'))).toBe(false);
    expect(existsSync(path.join(unpacked, 'templates/env.yaml'))).toBe(false);
  });

  it('checks archives inside archives', async () => {
    const inner = tgz([
      { name: 'deep/Chart.yaml', body: 'apiVersion: v2\nname: deep\nversion: 0.1.0\n' },
      { name: 'deep/values.schema.json', body: '{"$schema": "http://example.com/s.json"}' },
    ]);
    withArchive(sub([{ name: 'sub/charts/deep-0.1.0.tgz', body: inner }]));
    const chart = await render();
    expect(chart.leftOut.map((entry) => entry.message)).toEqual([
      expect.stringMatching(/^charts\/deep-0\.1\.0\.tgz > values\.schema\.json in the subchart/),
    ]);
    expect(existsSync(path.join(chart.dir, 'charts/sub-0.1.0/charts/deep-0.1.0/Chart.yaml'))).toBe(
      true,
    );
  });

  it.each([
    ['an entry outside its folder', sub([{ name: 'sub/../../escape.yaml', body: 'x' }])],
    ['bytes that are not an archive', Buffer.from('not gzip at all')],
  ])('leaves out whole an archive with %s (helm then misses the subchart)', async (_, bytes) => {
    withArchive(bytes);
    const chart = await render();
    expect(chart.leftOut).toEqual([
      {
        file: 'charts/app/charts/sub-0.1.0.tgz',
        message: expect.stringMatching(/^subchart archive that cannot be read \(.+\); left out/),
      },
    ]);
    expect(existsSync(path.join(chart.dir, 'charts/sub-0.1.0'))).toBe(false);
    expect(existsSync(path.join(work, 'escape.yaml'))).toBe(false);
  });
});
