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
