import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { parseManifests } from '../src/sources/manifests.js';
import type { Path } from '../src/sources/resource.js';

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

// The API server reads manifests with sigs.k8s.io/yaml over go-yaml v2: the cases below are
// go-yaml v2's decode_test.go and resolve.go rules (YAML 1.1), as kubectl and the API server
// see them after the conversion to JSON.
describe('the Kubernetes YAML dialect (go-yaml v2)', () => {
  const read = (text: string) => parseManifests(`kind: ConfigMap\n${text}\n`, { file: 'd.yaml' });
  const valueOf = (scalar: string) => {
    const { resources, errors } = read(`v: ${scalar}`);
    expect(errors).toEqual([]);
    return resources[0].object.v;
  };

  it.each([
    ['hi', 'hi'],
    ['true', true],
    ['True', true],
    ['TRUE', true],
    ['tRue', 'tRue'],
    ['y', true],
    ['Y', true],
    ['yes', true],
    ['Yes', true],
    ['on', true],
    ['ON', true],
    ['n', false],
    ['N', false],
    ['NO', false],
    ['off', false],
    ['Off', false],
    ['false', false],
    ['10', 10],
    ['-10', -10],
    ['0b10', 2],
    ['0xA', 10],
    ['4294967296', 4294967296],
    ['0.1', 0.1],
    ['.1', 0.1],
    ['-.1', -0.1],
    ['6.8523e+5', 685230],
    ['685.230_15e+03', 685230.15],
    ['685_230.15', 685230.15],
    ['685230', 685230],
    ['+685_230', 685230],
    ['02472256', 685230],
    ['0777', 511],
    ['0o17', 15],
    ['0x_0A_74_AE', 685230],
    ['0b1010_0111_0100_1010_1110', 685230],
    ['-0b101010', -42],
    ['1_000', 1000],
    ['1.', 1],
    ['+.5', 0.5],
    // Not an octal: ParseInt refuses it, the float pattern takes it.
    ['08', 8],
    // Beyond float64: ParseFloat's range error leaves the text.
    ['1e400', '1e400'],
    ['0x', '0x'],
    ['', null],
    ['~', null],
    ['null', null],
    ['Null', null],
    // Sexagesimal numbers and timestamps stay strings.
    ['190:20:30', '190:20:30'],
    ['2001-12-14', '2001-12-14'],
    ['2001-12-14t21:59:43.10-05:00', '2001-12-14t21:59:43.10-05:00'],
    ['"yes"', 'yes'],
    ["'0777'", '0777'],
    ['|\n  yes', 'yes\n'],
    ['!!str 123', '123'],
    ['!!int "12"', 12],
    ['!!float 1', 1],
    ['!!bool yes', true],
    ['<<', '<<'],
  ])('reads %j as %j', (scalar, expected) => {
    expect(valueOf(scalar)).toEqual(expected);
  });

  it.each([
    ['v: .inf', 1, '.inf is not a JSON number'],
    ['v: .NaN', 1, '.NaN is not a JSON number'],
    ['v: !!float error', 1, 'cannot decode !!str `error` as a !!float'],
    ['v: !!int 1.5', 1, 'cannot decode !!float `1.5` as a !!int'],
    ['~: null key', 1, 'unsupported map key of type <nil>'],
    ['v: {[.]: x}', 1, 'invalid map key: a collection'],
    ['a: &a\n  b: *a', 2, "anchor 'a' value contains itself"],
    ['a: &x null\n<<:\n- *x', 3, 'map merge requires map or sequence of maps as the value'],
    ['v: *nowhere', 1, "unknown anchor 'nowhere' referenced"],
  ])('refuses %j as go-yaml does', (text, line, message) => {
    const { resources, errors } = read(text);
    expect(resources).toEqual([]);
    expect(errors).toEqual([{ file: 'd.yaml', line: line + 1, message }]);
  });

  it('resolves keys as go-yaml does and writes them as JSON strings', () => {
    const { resources } = read(
      'data:\n  yes: a\n  1: b\n  1.5: c\n  0x10: d\n  on: [push]\n  "no": e',
    );
    expect(resources[0].object.data).toEqual({
      true: ['push'],
      '1': 'b',
      '1.5': 'c',
      '16': 'd',
      no: 'e',
    });
    // `yes` and `on` are both the key true: a duplicate, the last one in effect.
    expect(resources[0].duplicateKeys).toEqual([{ path: ['data', 'true'], lines: [3, 7] }]);
  });

  // go-yaml v2's mergeTests: every map equals {x: 1, y: 2, r: 10, label: center/big}.
  it('merges << keys: one map, a list of maps (earlier wins), tags, inline maps', () => {
    const text = [
      'anchors:',
      '  list:',
      '    - &CENTER { "x": 1, "y": 2 }',
      '    - &LEFT   { "x": 0, "y": 2 }',
      '    - &BIG    { "r": 10 }',
      '    - &SMALL  { "r": 1 }',
      'plain: {"x": 1, "y": 2, "r": 10, label: center/big}',
      'mergeOne:',
      '  << : *CENTER',
      '  "r": 10',
      '  label: center/big',
      'mergeMultiple:',
      '  << : [ *CENTER, *BIG ]',
      '  label: center/big',
      'override:',
      '  << : [ *BIG, *LEFT, *SMALL ]',
      '  "x": 1',
      '  label: center/big',
      'shortTag:',
      '  !!merge "<<" : [ *CENTER, *BIG ]',
      '  label: center/big',
      'longTag:',
      '  !<tag:yaml.org,2002:merge> "<<" : [ *CENTER, *BIG ]',
      '  label: center/big',
      'inlineMap:',
      '  << : {"x": 1, "y": 2, "r": 10}',
      '  label: center/big',
      'inlineSequenceMap:',
      '  << : [ *CENTER, {"r": 10} ]',
      '  label: center/big',
    ].join('\n');
    const { resources, errors } = read(text);
    expect(errors).toEqual([]);
    const object = resources[0].object;
    const expected = { x: 1, y: 2, r: 10, label: 'center/big' };
    for (const name of [
      'plain',
      'mergeOne',
      'mergeMultiple',
      'override',
      'shortTag',
      'longTag',
      'inlineMap',
      'inlineSequenceMap',
    ]) {
      expect(object[name], name).toEqual(expected);
    }
    expect(resources[0].duplicateKeys).toBeUndefined();
    // A merged key is located where the merged map writes it; an overriding key at itself.
    const locate = (path: Path) => resources[0].origin.locate(path);
    expect(locate(['mergeOne', 'x'])).toEqual({ line: 4 });
    expect(locate(['mergeOne', 'r'])).toEqual({ line: 11 });
    expect(locate(['override', 'y'])).toEqual({ line: 5 });
    expect(locate(['override', 'r'])).toEqual({ line: 6 });
    expect(locate(['override', 'x'])).toEqual({ line: 18 });
    expect(locate(['inlineMap', 'r'])).toEqual({ line: 27 });
  });

  it('applies << in document order, as go-yaml v2 does: a later merge overwrites a key', () => {
    // (Not `y`: in YAML 1.1 that key is the boolean true, as go-yaml's own tests quote it.)
    const { resources } = read('a:\n  x: 1\n  <<: {x: 2, z: 3}\nb:\n  <<: {x: 2}\n  x: 1');
    expect(resources[0].object).toMatchObject({ a: { x: 2, z: 3 }, b: { x: 1 } });
    // The overwritten explicit key is reported: a reader sees x: 1 where 2 applies.
    expect(resources[0].duplicateKeys).toEqual([
      { path: ['a', 'x'], lines: [3, 4], overwrittenByMerge: true },
    ]);
    expect(resources[0].origin.locate(['a', 'x'])).toEqual({ line: 4 });
  });

  it('reads a Pod a merge key names (it used to hide a privileged Pod)', () => {
    const text = [
      '<<: {apiVersion: v1, kind: Pod}',
      'metadata: {name: hidden}',
      'spec:',
      '  containers:',
      '    - name: app',
      '      image: nginx:1.27',
      '      securityContext:',
      '        privileged: yes',
    ].join('\n');
    const { resources, errors } = parseManifests(text, { file: 'p.yaml' });
    expect(errors).toEqual([]);
    expect(resources.map((r) => r.ref)).toEqual([
      { apiVersion: 'v1', kind: 'Pod', name: 'hidden' },
    ]);
    const [container] = resources[0].pod!.containers;
    expect(container.container.securityContext).toEqual({ privileged: true });
    expect(resources[0].origin.locate(['kind'])).toEqual({ line: 1 });
  });

  it('keeps the last of duplicate keys and reports them, located on the last', () => {
    const text = [
      'kind: Pod',
      'metadata: {name: p}',
      'spec:',
      '  containers:',
      '    - name: app',
      '      securityContext:',
      '        privileged: false',
      '        runAsUser: 1000',
      '        privileged: true',
    ].join('\n');
    const { resources } = parseManifests(text, { file: 'p.yaml' });
    const [pod] = resources;
    const path = [...pod.pod!.containers[0].path, 'securityContext', 'privileged'];
    expect(pod.pod!.containers[0].container.securityContext).toEqual({
      privileged: true,
      runAsUser: 1000,
    });
    expect(pod.duplicateKeys).toEqual([{ path, lines: [7, 9] }]);
    expect(pod.origin.locate(path)).toEqual({ line: 9 });
  });

  it('keeps a __proto__ key as a plain field', () => {
    const { resources } = read('data:\n  __proto__: {polluted: true}');
    const data = resources[0].object.data as Record<string, unknown>;
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect(Object.keys(data)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reports a collection key as an error of the scan, never as a warning on stderr', () => {
    // The old loader's yaml.toJS() printed "Keys with collection values will be stringified"
    // through process.emitWarning; the API server refuses the document (invalid map key).
    const emitWarning = vi.spyOn(process, 'emitWarning');
    try {
      const { resources, errors } = read('? [a, b]\n: c');
      expect(resources).toEqual([]);
      expect(errors).toEqual([
        { file: 'd.yaml', line: 2, message: 'invalid map key: a collection' },
      ]);
      expect(emitWarning).not.toHaveBeenCalled();
    } finally {
      emitWarning.mockRestore();
    }
  });
});
