import { describe, expect, it } from 'vitest';
import { ManifestStrings, parseManifests } from './manifests.js';
import { loadYamlStream } from './yaml-load.js';
import { DocumentPositions, KeyTable, NO_KEY } from './yaml-position.js';

const deployment = (name: string, extra = '') =>
  [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: ${name}`,
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: web',
    '          image: registry.example.com/team/web:1.2.3',
    extra,
  ].join('\n');

describe('positions kept after the parse', () => {
  it('locates fields, missing fields and multi-line spans in every document of a stream', () => {
    const text = `${deployment('a')}\n---\n${deployment('b', '          securityContext:\n            privileged: true')}\n`;
    const { resources } = parseManifests(text, { file: 'd.yaml' });
    const [a, b] = resources;
    expect(a.origin.locate(['metadata', 'name'])).toEqual({ line: 4 });
    expect(b.origin.locate(['metadata', 'name'])).toEqual({ line: 16 });
    const container = b.pod!.containers[0].path;
    expect(b.origin.locate([...container, 'securityContext', 'privileged'])).toEqual({ line: 24 });
    // A missing field: the nearest node on its path, with its span.
    expect(b.origin.locate([...container, 'resources', 'limits'])).toEqual({
      line: 21,
      endLine: 24,
    });
    // A key no document has at all.
    expect(a.origin.locate(['spec', 'no-such-key'])).toEqual({ line: 5, endLine: 10 });
  });

  it('gives the same spans whatever was located before (each walk resumes the last one)', () => {
    const extra = [
      '          securityContext:',
      '            privileged: true',
      '            capabilities:',
      '              add: [NET_ADMIN, SYS_TIME]',
      '        - name: sidecar',
      '          image: busybox',
    ].join('\n');
    const text = `${deployment('a', extra)}\n---\n${deployment('b', extra)}\n`;
    const fresh = () => parseManifests(text, { file: 'd.yaml' }).resources;
    const [, web, sidecar] = [0, 0, 1].map((i) => fresh()[0].pod!.containers[i].path);
    const paths = [
      [...web, 'securityContext', 'capabilities', 'add', 1],
      [...web, 'securityContext', 'privileged'],
      [...sidecar, 'image'],
      [...web, 'securityContext', 'capabilities', 'add', 0],
      [...web, 'securityContext', 'runAsUser'],
      [...web, 'securityContext', 'capabilities', 'add', 7],
      ['spec', 'template', 'spec', 'containers', 1, 'image'],
      ['spec', 'template', 'spec', 'containers', '1'],
      [...sidecar],
      ['metadata', 'name'],
      [],
    ];
    // Each path once in a parse of its own, against all of them one after the other, in both
    // documents in turn.
    const alone = paths.map((path) => fresh()[1].origin.locate(path));
    const resources = fresh();
    const inTurn = paths.flatMap((path) =>
      [resources[0], resources[1]].map((r) => r.origin.locate(path)),
    );
    expect(inTurn.filter((_, i) => i % 2 === 1)).toEqual(alone);
    expect(inTurn.filter((_, i) => i % 2 === 0)).toEqual(
      alone.map((span) => ({
        line: span.line - 17,
        ...(span.endLine ? { endLine: span.endLine - 17 } : {}),
      })),
    );
    expect(alone[0]).toEqual({ line: 14 + 17 });
    expect(alone[5]).toEqual({ line: 14 + 17 });
  });

  it('adds the line offset of a document taken out of a larger stream', () => {
    const { resources } = parseManifests(deployment('a'), { file: 'd.yaml', lineOffset: 100 });
    expect(resources[0].origin.locate(['metadata', 'name'])).toEqual({ line: 104 });
    expect(resources[0].origin.locate(['spec'])).toEqual({ line: 105, endLine: 110 });
  });

  it('shares one key table across the files of a load without mixing up their keys', () => {
    const strings = new ManifestStrings();
    const first = parseManifests('kind: ConfigMap\ndata:\n  only-here: x\n', {
      file: 'a.yaml',
      strings,
    });
    const second = parseManifests('kind: ConfigMap\nmetadata:\n  name: b\ndata:\n  other: y\n', {
      file: 'b.yaml',
      strings,
    });
    expect(first.resources[0].origin.locate(['data', 'only-here'])).toEqual({ line: 3 });
    // The key exists in the table (from a.yaml) but not in this document: the parent.
    expect(second.resources[0].origin.locate(['data', 'only-here'])).toEqual({
      line: 4,
      endLine: 5,
    });
    expect(second.resources[0].origin.locate(['data', 'other'])).toEqual({ line: 5 });
  });

  it('follows aliases, and keeps values an alias shares one object', () => {
    const text = [
      'kind: Pod',
      'common: &common',
      '  labels: &labels {app: web, tier: frontend-and-backend-tier}',
      'metadata: *common',
      'spec:',
      '  containers: []',
    ].join('\n');
    const { resources, errors } = parseManifests(text, { file: 'p.yaml' });
    expect(errors).toEqual([]);
    const object = resources[0].object as { common: object; metadata: { labels: object } };
    expect(object.metadata).toBe(object.common);
    expect(object.metadata.labels).toEqual({ app: 'web', tier: 'frontend-and-backend-tier' });
    expect(resources[0].origin.locate(['metadata', 'labels', 'tier'])).toEqual({ line: 3 });
  });

  it('refuses an anchor that contains its own alias, as go-yaml does', () => {
    const text = 'kind: Pod\nmetadata: {name: p}\ncycle: &cycle [1, *cycle]\n';
    const { resources, errors } = parseManifests(text, { file: 'p.yaml' });
    expect(resources).toEqual([]);
    expect(errors).toEqual([
      { file: 'p.yaml', line: 3, message: "anchor 'cycle' value contains itself" },
    ]);
  });

  it('reads the same values as the parser gives', () => {
    const text =
      'kind: ConfigMap\ndata:\n  long: "a value that is longer than thirteen characters"\n  script: |\n    echo one\n    echo two\n';
    const { resources } = parseManifests(text, { file: 'c.yaml' });
    expect(resources[0].object.data).toEqual({
      long: 'a value that is longer than thirteen characters',
      script: 'echo one\necho two\n',
    });
  });

  it('keeps entries in 16 bits where they fit, in 32 where a line or a key id does not', () => {
    const keys = new KeyTable();
    const positionsOf = (text: string, lineOffset = 0) => {
      const [document] = loadYamlStream(text, { keys, intern: (s) => s, lineOffset });
      if (!('value' in document)) throw new Error(document.message);
      return document.positions;
    };
    const small = positionsOf(deployment('a'));
    expect(small).toBeInstanceOf(Uint16Array);
    // Far down a big stream: lines over 65,535.
    const far = positionsOf(deployment('a'), 70_000);
    expect(far).toBeInstanceOf(Int32Array);
    const path = ['spec', 'template', 'spec', 'containers', 0, 'image'];
    expect(DocumentPositions.fromEntries(small, keys).locate(path)).toEqual({ line: 10 });
    expect(DocumentPositions.fromEntries(far, keys).locate(path)).toEqual({ line: 70_010 });
    // The raw entries read the same either way, NO_KEY as -1.
    const entries = DocumentPositions.fromEntries(small, keys).entries;
    expect(Array.from(entries)).toEqual(
      Array.from(far, (value, index) =>
        index % 5 === 1 || index % 5 === 2 ? value - 70_000 : value,
      ),
    );
    expect(entries).toContain(NO_KEY);

    // Key ids past 16 bits: their documents keep 32 bits, and looking one of those keys up in
    // an earlier 16-bit document finds nothing rather than an entry without a key.
    for (let i = 0; keys.names.length < 0xffff; i++) keys.add(`filler-${i}`);
    const late = positionsOf('kind: ConfigMap\ndata:\n  late-key: x\n');
    expect(late).toBeInstanceOf(Int32Array);
    expect(DocumentPositions.fromEntries(late, keys).locate(['data', 'late-key'])).toEqual({
      line: 3,
    });
    expect(DocumentPositions.fromEntries(small, keys).locate(['late-key'])).toEqual({
      line: 1,
      endLine: 10,
    });
  });
});
