import { describe, expect, it } from 'vitest';
import { isRemote, parseKustomization } from './kustomization.js';

const files: Record<string, string> = {
  'app/patch.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  hostPID: true\n',
  'app/ops.json': '[{"op": "add", "path": "/spec/hostNetwork", "value": true}]',
};
const parse = (text: string) =>
  parseKustomization(text, 'app/kustomization.yaml', (file) => files[file]);

describe('parseKustomization', () => {
  it('reads references, patches (file, inline, JSON 6902), images and inputs with their lines', () => {
    const k = parse(
      [
        'namespace: prod', // 1
        'resources:', // 2
        '  - ../base', // 3
        '  - https://example.com/x.yaml', // 4
        '  - ../../../outside', // 5
        'components: [../components/c]', // 6
        'patches:', // 7
        '  - path: patch.yaml', // 8
        '  - path: ops.json', // 9
        '    target: {kind: Pod, name: "p.*"}', // 10
        '  - patch: |-', // 11
        '      - op: replace', // 12
        '        path: /spec/hostIPC', // 13
        '        value: true', // 14
        '    target: {kind: Pod}', // 15
        'images:', // 16
        '  - name: nginx', // 17
        '    newTag: "1.25"', // 18
        'configMapGenerator:', // 19
        '  - name: cfg', // 20
        '    files: [key=conf/app.properties]', // 21
        'replicas:', // 22
        '  - name: web', // 23
        '    count: 3', // 24
        '  - {name: broken, count: many}', // 25: not a count, kustomize refuses it
        'commonLabels: {team: payments}', // 26
        'labels:', // 27
        '  - pairs:', // 28
        '      tier: "8080"', // 29
        'commonAnnotations:', // 30
        '  owner: ops', // 31
      ].join('\n'),
    );
    expect(k.kind).toBe('Kustomization');
    expect(k.namespace).toEqual({ value: 'prod', line: 1 });
    expect(k.resources).toEqual([
      { value: '../base', line: 3, local: 'base' },
      { value: 'https://example.com/x.yaml', line: 4, remote: true },
      { value: '../../../outside', line: 5, outside: true },
    ]);
    expect(k.components).toEqual([{ value: '../components/c', line: 6, local: 'components/c' }]);
    expect(k.patches.map((p) => [p.file, p.type, p.entryLine, p.flat])).toEqual([
      ['app/patch.yaml', 'strategic-merge', 8, false],
      ['app/ops.json', 'json6902', 9, false],
      ['app/kustomization.yaml', 'json6902', 11, false],
    ]);
    // Positions inside the patch file, and inside the inline block (line for line).
    expect(k.patches[0].documents[0].positions.locate(['spec', 'hostPID'])).toEqual({ line: 6 });
    expect(k.patches[2].documents[0].positions.locate([0, 'value'])).toEqual({ line: 14 });
    expect(k.patches[1].target).toEqual({ kind: 'Pod', name: 'p.*' });
    expect(k.images).toEqual([{ name: 'nginx', newTag: '1.25', line: 17, endLine: 18 }]);
    expect(k.generatorLine).toBe(19);
    expect(k.replicas).toEqual([{ name: 'web', count: 3, line: 23, endLine: 24 }]);
    expect(k.labels).toEqual([
      { key: 'team', value: 'payments', line: 26 },
      { key: 'tier', value: '8080', line: 29 },
    ]);
    expect(k.annotations).toEqual([{ key: 'owner', value: 'ops', line: 31 }]);
    expect(k.inputs).toEqual(['app/conf/app.properties', 'app/patch.yaml', 'app/ops.json']);
  });

  it('places every position of a quoted inline patch on its entry line', () => {
    const k = parse(
      'patches:\n  - patch: "[{op: add, path: /a, value: 1}]"\n    target: {kind: X}\n',
    );
    expect(k.patches[0]).toMatchObject({ flat: true, entryLine: 2, type: 'json6902' });
  });

  it('marks deprecated patchesJson6902 entries, which kustomize applies after namespace:', () => {
    const k = parse(
      'patchesJson6902:\n  - path: ops.json\n    target: {kind: Pod}\npatchesStrategicMerge:\n  - patch.yaml\n',
    );
    expect(k.patches.map((p) => [p.file, p.type, p.legacyJson6902])).toEqual([
      ['app/patch.yaml', 'strategic-merge', undefined],
      ['app/ops.json', 'json6902', true],
    ]);
  });

  it('knows a component, and reports broken YAML with its line', () => {
    expect(parse('kind: Component\n').kind).toBe('Component');
    expect(parse('resources:\n  - a\n - b: [\n').errors).toMatchObject([
      { file: 'app/kustomization.yaml', line: 3 },
    ]);
  });
});

describe('isRemote', () => {
  it.each([
    'github.com/org/repo//base?ref=v1',
    'https://example.com/app.yaml',
    'git@github.com:org/repo.git',
    'oci://registry.example.com/kustomize/base',
    'ssh://git@example.com/repo.git//dir',
    'gitlab.com/org/repo/base',
  ])('%s is remote', (value) => expect(isRemote(value)).toBe(true));
  it.each(['../base', 'deployment.yaml', 'github/base', 'components/github.com'])(
    '%s is local',
    (value) => expect(isRemote(value)).toBe(false),
  );
});
