// The resolver of the Helm source map: from a rendered line (and the path and value a finding is
// about) to the line a human changes, using the alignment (alignment.ts) and the values with the
// line each key came from (values-tree.ts). The order of preference is in source-map.ts.
import type { SourceKind } from '../../model.js';
import type { KubeObject, Path, ValuePart } from '../resource.js';
import { MAX_INCLUDE_DEPTH, type DocumentAlignment, type Frame } from './alignment.js';
import type { ChartInfo } from './chart.js';
import type { TemplateFiles } from './template-files.js';
import type { TemplateLine } from './template-model.js';
import {
  descendants,
  nodesAt,
  scopeValues,
  type ValuesFiles,
  type ValuesNode,
  type ValuesPath,
} from './values-tree.js';

/** How far below a values key read on a line its value may sit: `{{ include "image" .Values.image }}`
 *  reads `image` whole and writes `image.tag`; deeper would reach unrelated keys. */
const LINE_DEPTH = 2;
/** How deep a field may sit inside a block `toYaml` emitted (a whole pod spec is ~10 deep). */
const BLOCK_DEPTH = 12;

// Scores of a values key for a value written on a template line: the highest wins, 0 never does.
/** The key holds exactly the rendered value: it supplied all of it. */
const WHOLE_VALUE = 6;
/** The key holds the characters the finding is about (`part`: the registry of an image): it is
 *  the piece to change, whatever else the line composed around it. */
const ASKED_PIECE = 4;
/** With no part asked, a key holding the end of a composed value (the tag of `repo:tag`): the
 *  piece pinned and bumped most often. */
const TRAILING_PIECE = 4;
/** With no part asked, a key holding a piece between separators (the repository of `repo:tag`). */
const INNER_PIECE = 2;
/** Among keys scoring alike, one named like the field (`replicas` for `replicas: 1`, not the
 *  `maxSurge: 1` read on the same line). */
const SAME_KEY = 2;
/** Characters that separate the pieces of a composed value (`registry/repo:tag@digest`): a key's
 *  value counts as a piece only between them, so `1` is not found inside `v1.21`. */
const PIECE_BOUNDARY = /[:@/]/;

/** What one render (chart x values set) shares across its documents. */
export interface RenderScope {
  chart: ChartInfo;
  valuesSet: string;
  templates: TemplateFiles;
  /** The values the templates of a chart (or subchart) see in this set, computed once. */
  valuesFor: (chain: readonly ChartInfo[]) => ValuesNode;
}

/** `valuesFor` for a render: the set's layers (values files, then `--set`) over the charts'. */
export function valuesCache(
  files: ValuesFiles,
  layers: () => readonly ValuesNode[],
): RenderScope['valuesFor'] {
  const cache = new Map<string, ValuesNode>();
  return (chain) => {
    const key = chain.map((chart) => `${chart.dir}:${chart.valuesKey}`).join('>');
    let values = cache.get(key);
    if (!values) {
      values = scopeValues(files, chain, layers());
      cache.set(key, values);
    }
    return values;
  };
}

export interface Target {
  file: string;
  line: number;
  source: SourceKind;
}

/** `exact`: the line was recognised; otherwise it is the nearest place that emitted it. */
type Resolved = Target & { exact: boolean };

/** What a finding is about: the value at its path (if present) and the characters that matter. */
interface Field {
  path: Path;
  present: boolean;
  value: unknown;
  part?: ValuePart;
}

/** Resolves positions in one rendered document of one render. */
export class Resolver {
  constructor(
    private readonly scope: RenderScope,
    private readonly alignment: DocumentAlignment,
  ) {}

  /** Where the value at `path` came from; of `'key'`, where its key is written (a template
   *  line: no values line is looked for). */
  target(
    renderedIndex: number,
    object: KubeObject,
    path: Path,
    part?: ValuePart,
    of: 'value' | 'key' = 'value',
  ): Target {
    const top = this.alignment.top(this.valuesAgree);
    if (!top) return { file: this.alignment.template.file, line: 1, source: 'helm-template' };
    const { present, value } = valueAt(object, path);
    const field: Field = { path, present: present && of === 'value', value, part };
    const { file, line, source } = this.resolve(top, renderedIndex, field);
    return { file, line, source };
  }

  private resolve(frame: Frame, renderedIndex: number, field: Field): Resolved {
    const lines = frame.model.lines;
    const templateLine = (index: number, exact: boolean): Resolved => ({
      file: frame.file,
      line: index + 1,
      source: 'helm-template',
      exact,
    });
    const aligned = this.alignment.alignedLine(frame, renderedIndex);
    if (aligned !== -1) {
      if (lines[aligned].kind === 'literal') return templateLine(aligned, true);
      // A line with actions: a values key read there supplied the value, if one holds it.
      if (field.present && isScalarValue(field.value)) {
        const found = this.valuesOrigin(this.refsOf(lines[aligned]), field, 'line');
        if (found) return { ...found, exact: true };
      }
      return templateLine(aligned, true);
    }
    // Emitted by an action-only line (toYaml, include) between the surrounding aligned lines:
    // from values at the same relative path, or from a helper's body.
    const emitters = this.alignment.emittersAround(frame, renderedIndex);
    if (field.present) {
      for (const emitter of emitters) {
        // Only what the line itself reads: a helper's own reads are resolved inside its body.
        const found = this.valuesOrigin(lines[emitter].refs, field, 'block');
        if (found) return { ...found, exact: true };
      }
    }
    // Into the helpers included there: one that recognises the line answers; else the helper
    // whose aligned lines surround it wrote it, and its nearest line beats the `include` line.
    let inside: Resolved | undefined;
    for (const emitter of emitters) {
      for (const name of lines[emitter].includes) {
        const inner = this.alignment.helperFrame(frame, renderedIndex, name);
        if (!inner) continue;
        const found = this.resolve(inner, renderedIndex, field);
        if (found.exact) return found;
        if (!inside && this.alignment.surrounds(inner, renderedIndex)) inside = found;
      }
    }
    if (inside) return inside;
    if (emitters.length) return templateLine(emitters[0], false);
    const previous = this.alignment.neighbourAnchor(frame, renderedIndex, -1);
    return previous.line === -1
      ? templateLine(frame.from, false)
      : templateLine(previous.line, false);
  }

  /**
   * Between template ranges that align equally well (two copies of a block that differ only in
   * the values they read), the one whose values appear on the rendered lines it aligned with.
   */
  private readonly valuesAgree = (candidates: readonly Frame[]): Frame => {
    const values = this.scope.valuesFor(this.alignment.template.chain);
    let best = candidates[0];
    let bestAgreeing = -1;
    for (const frame of candidates) {
      let agreeing = 0;
      frame.anchors.forEach((line, offset) => {
        const templateLine = line === -1 ? undefined : frame.model.lines[line];
        if (templateLine?.kind !== 'mixed') return;
        const rendered = this.alignment.renderedLine(frame.start + offset);
        const written = templateLine.refs.some((ref) =>
          nodesAt(values, ref).some(
            ({ node }) =>
              node.kind === 'scalar' &&
              String(node.value ?? '') !== '' &&
              rendered.includes(String(node.value)),
          ),
        );
        if (written) agreeing++;
      });
      if (agreeing > bestAgreeing) [best, bestAgreeing] = [frame, agreeing];
    }
    return best;
  };

  /** Values paths read on a template line, through `include`d helpers too. */
  private refsOf(line: TemplateLine): ValuesPath[] {
    const refs = [...line.refs];
    if (line.includes.length) {
      const defines = this.scope.templates.defines(this.scope.chart);
      const seen = new Set<string>();
      const visit = (name: string, depth: number) => {
        if (seen.has(name) || depth > MAX_INCLUDE_DEPTH) return;
        seen.add(name);
        const define = defines.get(name);
        if (!define) return;
        refs.push(...define.refs);
        for (const nested of define.includes) visit(nested, depth + 1);
      };
      for (const name of line.includes) visit(name, 0);
    }
    return refs;
  }

  /**
   * The values key, among those `refs` reach, that holds the rendered value. `line`: the value
   * is written on the template line itself (it may be part of a string, e.g. the tag of an
   * image); `block`: emitted as YAML, so the key sits at the same relative path as the field.
   */
  private valuesOrigin(
    refs: readonly ValuesPath[],
    field: Field,
    mode: 'line' | 'block',
  ): Target | undefined {
    if (refs.length === 0) return undefined;
    const { path, value, part } = field;
    const values = this.scope.valuesFor(this.alignment.template.chain);
    const key = [...path].reverse().find((segment) => typeof segment === 'string');
    let best: { node: ValuesNode; score: number } | undefined;
    const consider = (node: ValuesNode, score: number) => {
      if (score > 0 && (!best || score > best.score)) best = { node, score };
    };
    for (const ref of refs) {
      for (const { node: start } of nodesAt(values, ref)) {
        if (mode === 'line') {
          // The value is written on the line: the key itself, or one just below a map the
          // line reads whole (the `tag` of an `image` passed to a helper).
          for (const { node, relative } of descendants(start, LINE_DEPTH)) {
            const nodeKey = relative.length ? relative[relative.length - 1] : ref[ref.length - 1];
            consider(node, lineScore(node, nodeKey === key, value, part));
          }
        } else {
          // Emitted as YAML: the key sits at the field's path relative to what was emitted.
          for (let depth = 1; depth <= Math.min(path.length, BLOCK_DEPTH); depth++) {
            const suffix = path.slice(-depth).map((s) => (typeof s === 'number' ? '*' : s));
            for (const { node, path: relative } of nodesAt(start, suffix)) {
              consider(node, blockScore(node, relative, path, value));
            }
          }
        }
      }
    }
    // A value from `--set` has no line to point at: the template line is the next best place.
    if (!best?.node.file || best.node.line === undefined) return undefined;
    return { file: best.node.file, line: best.node.line, source: 'helm-values' };
  }
}

/** How surely a scalar key supplied `value` written on a line (0: it did not). */
export function lineScore(
  node: ValuesNode,
  sameKey: boolean,
  value: unknown,
  part?: ValuePart,
): number {
  if (node.kind !== 'scalar') return 0;
  const own = String(node.value ?? '');
  const rendered = String(value);
  const named = sameKey ? SAME_KEY : 0;
  if (own === rendered) return WHOLE_VALUE + named;
  if (own === '' || typeof value !== 'string' || typeof node.value === 'object') return 0;
  let score = 0;
  for (let at = rendered.indexOf(own); at !== -1; at = rendered.indexOf(own, at + 1)) {
    const end = at + own.length;
    const before = at === 0 || PIECE_BOUNDARY.test(rendered[at - 1]);
    const after = end === rendered.length || PIECE_BOUNDARY.test(rendered[end]);
    if (!before || !after) continue;
    if (part) {
      // Only a piece that overlaps the asked characters; the more of them, the surer (< 1,
      // so that it only orders pieces that otherwise score alike).
      const overlap = Math.min(end, part.end) - Math.max(at, part.start);
      if (overlap > 0) score = Math.max(score, ASKED_PIECE + overlap / (rendered.length + 1));
    } else {
      score = Math.max(score, end === rendered.length ? TRAILING_PIECE : INNER_PIECE);
    }
  }
  return score === 0 ? 0 : score + named;
}

/** How deep a key matched a field emitted as YAML (0: it did not). */
function blockScore(
  node: ValuesNode,
  relative: readonly string[],
  path: Path,
  value: unknown,
): number {
  if (relative.length === 0 || relative.length > path.length) return 0;
  for (let k = 1; k <= relative.length; k++) {
    const mine = relative[relative.length - k];
    const theirs = path[path.length - k];
    const bothIndexes = typeof theirs === 'number' && /^\d+$/.test(mine);
    if (!bothIndexes && mine !== String(theirs)) return 0;
  }
  if (isScalarValue(value)) {
    if (node.kind !== 'scalar' || String(node.value) !== String(value)) return 0;
  } else if (node.kind !== (Array.isArray(value) ? 'seq' : 'map')) {
    return 0;
  }
  return relative.length;
}

function isScalarValue(value: unknown): boolean {
  return value === null || typeof value !== 'object';
}

function valueAt(object: unknown, path: Path): { present: boolean; value: unknown } {
  let node = object;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return { present: false, value: undefined };
    const next = (node as Record<string | number, unknown>)[segment];
    if (next === undefined) return { present: false, value: undefined };
    node = next;
  }
  return { present: true, value: node };
}
