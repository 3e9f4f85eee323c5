// Helm values with the file and line every key came from, merged the way helm coalesces them:
// maps merge key by key, anything else is replaced whole, `null` deletes; a subchart sees its own
// values.yaml overlaid with its key in the parent's values, plus `global`.
import type { ChartInfo } from './chart.js';
import { readRepositoryText } from '../read-file.js';
import { loadYamlStream } from '../yaml-load.js';
import { FIELDS, KeyTable, KIND_ALIAS, KIND_MAP, KIND_SEQ } from '../yaml-position.js';

export interface ValuesNode {
  kind: 'map' | 'seq' | 'scalar';
  /** The scalar's value (maps and sequences: undefined). */
  value?: unknown;
  /** Map keys, or sequence indexes as strings. */
  children?: Map<string, ValuesNode>;
  /** Where the key (or sequence item) is written; undefined for `--set` values. */
  file?: string;
  line?: number;
}

export type ValuesPath = readonly string[];

const EMPTY_MAP: ValuesNode = { kind: 'map', children: new Map() };

/** Parses values files once per scan; a missing or broken file reads as empty (helm reports it). */
export class ValuesFiles {
  private readonly cache = new Map<string, ValuesNode>();
  constructor(private readonly root: string) {}

  read(file: string): ValuesNode {
    let node = this.cache.get(file);
    if (!node) {
      node = readValuesFile(this.root, file);
      this.cache.set(file, node);
    }
    return node;
  }
}

function readValuesFile(root: string, file: string): ValuesNode {
  let text: string;
  try {
    text = readRepositoryText(root, root, file);
  } catch {
    return EMPTY_MAP;
  }
  // helm reads values as the API server reads manifests (go-yaml v2 under sigs.k8s.io/yaml):
  // the manifest loader's dialect, values and positions, at its speed.
  const keys = new KeyTable();
  let first: ReturnType<typeof loadYamlStream>[number] | undefined;
  try {
    [first] = loadYamlStream(text, { keys, intern: (value) => value, lineOffset: 0 });
  } catch {
    return EMPTY_MAP; // nesting too deep for the parser: helm reports it
  }
  if (!first || !('value' in first) || !isPlainMap(first.value)) return EMPTY_MAP;
  return new ValuesTreeBuilder(first.positions, keys, file).node(0, first.value, 1);
}

const isPlainMap = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A document's values as a ValuesNode tree, each key on the line its position entry names. */
class ValuesTreeBuilder {
  /** Through an alias, the subtree its anchor names is built once and shared. */
  private readonly anchored = new Map<number, ValuesNode>();

  constructor(
    private readonly entries: Int32Array | Uint16Array,
    private readonly keys: KeyTable,
    private readonly file: string,
  ) {}

  /** The node of `entry` (a document root, a map pair, a sequence item) holding `value`. */
  node(entry: number, value: unknown, line: number): ValuesNode {
    const { entries } = this;
    let kind = entries[entry * FIELDS];
    if (kind >= KIND_ALIAS) {
      for (let hops = 0; kind >= KIND_ALIAS && hops < entries.length; hops++) {
        entry = kind - KIND_ALIAS;
        kind = entries[entry * FIELDS];
      }
      let shared = this.anchored.get(entry);
      if (!shared) {
        shared = this.build(entry, kind, value, entries[entry * FIELDS + 1]);
        this.anchored.set(entry, shared);
      }
      return { ...shared, line };
    }
    return this.build(entry, kind, value, line);
  }

  private build(entry: number, kind: number, value: unknown, line: number): ValuesNode {
    const { entries, file } = this;
    const end = entries[entry * FIELDS + 3];
    if (kind === KIND_MAP && isPlainMap(value)) {
      // In the order the keys are first written; a key written twice (or merged, then written)
      // holds its last value, on the line of its last occurrence.
      const lastEntry = new Map<string, number>();
      for (let child = entry + 1; child < end; child = entries[child * FIELDS + 3]) {
        const id = entries[child * FIELDS + 4];
        const key = this.keys.names[id];
        if (key !== undefined && Object.hasOwn(value, key)) lastEntry.set(key, child);
      }
      const children = new Map<string, ValuesNode>();
      for (const [key, child] of lastEntry) {
        children.set(key, this.node(child, value[key], entries[child * FIELDS + 1]));
      }
      return { kind: 'map', children, file, line };
    }
    if (kind === KIND_SEQ && Array.isArray(value)) {
      const children = new Map<string, ValuesNode>();
      let index = 0;
      for (let child = entry + 1; child < end && index < value.length; index++) {
        children.set(String(index), this.node(child, value[index], entries[child * FIELDS + 1]));
        child = entries[child * FIELDS + 3];
      }
      return { kind: 'seq', children, file, line };
    }
    return {
      kind: 'scalar',
      value: isPlainMap(value) || Array.isArray(value) ? null : value,
      file,
      line,
    };
  }
}

/** Helm's coalescing of `overlay` onto `base`; neither is modified. */
export function coalesce(base: ValuesNode | undefined, overlay: ValuesNode): ValuesNode {
  if (overlay.kind !== 'map' || base?.kind !== 'map') return overlay;
  const children = new Map(base.children);
  for (const [key, child] of overlay.children!) {
    if (child.kind === 'scalar' && child.value === null) children.delete(key);
    else children.set(key, coalesce(children.get(key), child));
  }
  return { ...overlay, children };
}

/** `--set a.b[0].c=v` as a values tree with no file (helm's typed values: bools, ints, null). */
export function setPairsTree(pairs: readonly (readonly [string, string])[]): ValuesNode {
  let tree: ValuesNode = { kind: 'map', children: new Map() };
  for (const [key, raw] of pairs) {
    const segments = key.split(/(?<!\\)\./).flatMap((part) =>
      part
        .replace(/\\\./g, '.')
        .split(/\[(\d+)\]/)
        .filter(Boolean),
    );
    const value =
      raw === 'true'
        ? true
        : raw === 'false'
          ? false
          : raw === 'null'
            ? null
            : /^-?\d+$/.test(raw)
              ? Number(raw)
              : raw;
    let node: ValuesNode = { kind: 'scalar', value };
    for (const segment of [...segments].reverse()) {
      node = { kind: /^\d+$/.test(segment) ? 'seq' : 'map', children: new Map([[segment, node]]) };
    }
    tree = coalesce(tree, node);
  }
  return tree;
}

/** The values every template of `chain` (root chart first, then subcharts) sees. */
export function scopeValues(
  files: ValuesFiles,
  chain: readonly ChartInfo[],
  layers: readonly ValuesNode[],
): ValuesNode {
  const [rootChart, ...subcharts] = chain;
  let scope = files.read(joinPath(rootChart.dir, 'values.yaml'));
  for (const layer of layers) scope = coalesce(scope, layer);
  for (const sub of subcharts) {
    let own = files.read(joinPath(sub.dir, 'values.yaml'));
    const fromParent = scope.children?.get(sub.valuesKey);
    if (fromParent?.kind === 'map') own = coalesce(own, fromParent);
    const global = scope.children?.get('global');
    if (global?.kind === 'map') {
      own = coalesce(own, { kind: 'map', children: new Map([['global', global]]) });
    }
    scope = own;
  }
  return scope;
}

function joinPath(dir: string, file: string): string {
  return dir === '.' ? file : `${dir}/${file}`;
}

/** Nodes at `path`, where `*` matches every key or index. */
export function nodesAt(
  node: ValuesNode,
  path: ValuesPath,
  prefix: string[] = [],
): { node: ValuesNode; path: string[] }[] {
  if (path.length === 0) return [{ node, path: prefix }];
  const [head, ...rest] = path;
  if (!node.children) return [];
  if (head === '*') {
    return [...node.children].flatMap(([key, child]) => nodesAt(child, rest, [...prefix, key]));
  }
  const child = node.children.get(head);
  return child ? nodesAt(child, rest, [...prefix, head]) : [];
}

/** Every node below `node` (itself included) down to `maxDepth`, with its relative path. */
export function* descendants(
  node: ValuesNode,
  maxDepth: number,
  relative: string[] = [],
): Generator<{ node: ValuesNode; relative: string[] }> {
  yield { node, relative };
  if (node.children && relative.length < maxDepth) {
    for (const [key, child] of node.children) {
      yield* descendants(child, maxDepth, [...relative, key]);
    }
  }
}
