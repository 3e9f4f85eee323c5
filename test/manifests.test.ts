import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseManifests } from '../src/sources/manifests.js';

const fixture = (name: string) => readFileSync(`test/fixtures/manifests/${name}`, 'utf8');

describe('parseManifests', () => {
  it('reads every document of a multi-document file', () => {
    const { resources, errors } = parseManifests(fixture('multi.yaml'), { file: 'multi.yaml' });
    expect(errors).toEqual([]);
    expect(resources.map((r) => `${r.ref.kind}/${r.ref.name}`)).toEqual([
      'Service/web',
      'DaemonSet/agent',
    ]);
    expect(resources[0].pod).toBeUndefined();
    expect(resources[1].pod?.containers.map((c) => c.name)).toEqual(['agent']);
  });

  it('expands kind: List and locates fields inside its items', () => {
    const { resources } = parseManifests(fixture('pod-list.yaml'), { file: 'pod-list.yaml' });
    expect(resources).toHaveLength(1);
    const [pod] = resources;
    expect(pod.ref).toEqual({ apiVersion: 'v1', kind: 'Pod', name: 'listed' });
    expect(pod.origin.locate(['spec', 'hostPID'])).toEqual({ line: 10 });
    expect(pod.origin.locate(['spec', 'containers', 0]).line).toBe(12);
  });

  it('locates a field, a missing field (nearest parent) and a pod spec key', () => {
    const { resources } = parseManifests(fixture('multi.yaml'), { file: 'multi.yaml' });
    const daemonSet = resources[1];
    const container = daemonSet.pod!.containers[0];
    expect(daemonSet.origin.locate([...container.path, 'securityContext', 'privileged']).line).toBe(
      26,
    );
    // A missing field falls back to the container entry's `- name:` line.
    expect(daemonSet.origin.locate([...container.path, 'resources', 'limits']).line).toBe(22);
    // The pod spec: the `spec:` key line, spanning its whole block.
    expect(daemonSet.origin.locate(daemonSet.pod!.specPath)).toEqual({ line: 19, endLine: 26 });
  });

  it('offsets lines of a document taken from a larger stream', () => {
    const { resources } = parseManifests('kind: Pod\nmetadata:\n  name: x\n', {
      file: 'x',
      lineOffset: 10,
    });
    expect(resources[0].origin.locate(['metadata', 'name']).line).toBe(13);
  });

  it('skips YAML that is not a Kubernetes object', () => {
    expect(parseManifests('name: ci\non: [push]\n', { file: 'workflow.yml' })).toEqual({
      resources: [],
      errors: [],
    });
    expect(parseManifests('', { file: 'empty.yaml' })).toEqual({ resources: [], errors: [] });
    expect(parseManifests('# only a comment\n', { file: 'c.yaml' })).toEqual({
      resources: [],
      errors: [],
    });
  });

  it('reports a syntax error with its line and keeps the other documents', () => {
    const text = 'kind: Pod\nmetadata: {name: ok}\n---\nkind: Pod\nmetadata: [unclosed\n';
    const { resources, errors } = parseManifests(text, { file: 'x.yaml' });
    expect(resources.map((r) => r.ref.name)).toEqual(['ok']);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'x.yaml', line: 5 });
  });

  it('reports an unclosed quote on the last line, not past the end', () => {
    const { errors } = parseManifests(fixture('broken.yaml'), { file: 'broken.yaml' });
    expect(errors).toEqual([{ file: 'broken.yaml', line: 6, message: 'Missing closing "quote' }]);
  });

  it('refuses an alias bomb quickly instead of expanding it', () => {
    const { resources, errors } = parseManifests(fixture('alias-bomb.yaml'), { file: 'bomb.yaml' });
    expect(resources).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toMatch(/alias/i);
  });
});

describe('hostile manifests', () => {
  it('names a file nested too deeply for the parser instead of crashing', () => {
    const text = `kind: Pod\nspec: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`;
    const { resources, errors } = parseManifests(text, { file: 'deep.yaml' });
    expect(resources).toEqual([]);
    expect(errors).toEqual([{ file: 'deep.yaml', line: 2, message: 'nesting too deep to parse' }]);
  });
});
