// Helm values with the file and line every key came from, merged the way helm coalesces them:
// maps merge key by key, anything else is replaced whole, `null` deletes; a subchart sees its own
// values.yaml overlaid with its key in the parent's values, plus `global`.
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { ChartInfo } from './chart.js';
import { readRepositoryText } from '../read-file.js';

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
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, logLevel: 'error', uniqueKeys: false });
  if (doc.errors.length) return EMPTY_MAP;
  const root_ = toValuesNode(doc, doc.contents, file, 1, lineCounter);
  return root_.kind === 'map' ? root_ : EMPTY_MAP;
}

function toValuesNode(
  doc: Document,
  node: unknown,
  file: string,
  line: number,
  lineCounter: LineCounter,
  depth = 0,
): ValuesNode {
  if (isAlias(node) && depth < 50) node = node.resolve(doc);
  const lineOf = (n: unknown, fallback: number) => {
    const start = (n as { range?: [number, number, number] } | null)?.range?.[0];
    return start === undefined ? fallback : lineCounter.linePos(start).line;
  };
  if (isMap(node)) {
    const children = new Map<string, ValuesNode>();
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      const keyLine = lineOf(pair.key, line);
      children.set(key, toValuesNode(doc, pair.value, file, keyLine, lineCounter, depth + 1));
    }
    return { kind: 'map', children, file, line };
  }
  if (isSeq(node)) {
    const children = new Map<string, ValuesNode>();
    node.items.forEach((item, index) => {
      const itemLine = lineOf(item, line);
      children.set(String(index), toValuesNode(doc, item, file, itemLine, lineCounter, depth + 1));
    });
    return { kind: 'seq', children, file, line };
  }
  return { kind: 'scalar', value: isScalar(node) ? node.value : null, file, line };
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
