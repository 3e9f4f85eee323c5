// From a position in rendered output to the line a human changes (DESIGN.md, issue 3):
//   1. the values file line of the key that supplied the offending value, when one did;
//   2. else the template line that wrote it (for a missing field: the line that starts the
//      container entry or pod spec the rule points at);
//   3. else the template's first line.
// How, without a second render: the rendered document is aligned line by line with its template
// (the heaviest common subsequence of lines, each template line's literal text being its pattern,
// each line taking the earliest template line it can). A rendered line aligned with a literal
// template line was written by the template. One aligned with a line holding actions came from
// a values key those actions read (directly or through `include`d helpers) if that key holds the
// rendered value, whole or as a `:`/`@`/`/`-separated part (the tag of an image). A line emitted
// by an action-only line (`toYaml .Values.x | nindent`) came from the key at the same relative
// path below what the action read, if it holds the value; an `include`d helper's body is aligned
// with the lines it emitted, recursively. This maps booleans, numbers and whole maps alike. It is
// computed lazily, only for documents a finding is on, and shared by values sets that render a
// document identically.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { SourceKind } from '../../model.js';
import type { KubeObject, Location, Path, ResourceOrigin } from '../resource.js';
import { chartDirs, type ChartInfo, type TemplateSource } from './chart.js';
import {
  matchesLine,
  parseTemplate,
  type Define,
  type TemplateLine,
  type TemplateModel,
} from './template-model.js';
import {
  descendants,
  nodesAt,
  scopeValues,
  type ValuesFiles,
  type ValuesNode,
  type ValuesPath,
} from './values-tree.js';

/** Above this many rendered x template line pairs, alignment is skipped (template line 1). */
const MAX_ALIGNMENT_CELLS = 8_000_000;
const MAX_INCLUDE_DEPTH = 6;
const BUCKET_PREFIX = 3;
/** How far below a values key read on a line its value may sit, and how deep emitted YAML is. */
const LINE_DEPTH = 2;
const BLOCK_DEPTH = 12;
const DEFINE = /\{\{-?\s*define\s/;

/** A helper definition and the template file holding it. */
export interface LocatedDefine extends Define {
  file: string;
}

/** Template files and helper definitions, read once per scan and only when a finding needs them. */
export class TemplateFiles {
  private readonly models = new Map<string, TemplateModel | undefined>();
  private readonly defineIndexes = new Map<string, Map<string, LocatedDefine>>();
  constructor(private readonly root: string) {}

  model(file: string, text?: string): TemplateModel | undefined {
    if (!this.models.has(file)) {
      const source = text ?? this.read(file);
      this.models.set(file, source === undefined ? undefined : parseTemplate(source));
    }
    return this.models.get(file);
  }

  private read(file: string): string | undefined {
    try {
      return readFileSync(path.join(this.root, file), 'utf8');
    } catch {
      return undefined;
    }
  }

  /** Every `define` in the chart and its subcharts (helpers are global across a chart tree). */
  defines(chart: ChartInfo): Map<string, LocatedDefine> {
    let index = this.defineIndexes.get(chart.dir);
    if (!index) {
      index = new Map();
      for (const dir of chartDirs(chart)) {
        for (const file of templateFiles(this.root, `${dir}/templates`)) {
          // Only files that define helpers are parsed (most templates define none).
          const text = this.models.has(file) ? undefined : this.read(file);
          if (text !== undefined && !DEFINE.test(text)) continue;
          for (const [name, define] of this.model(file, text)?.defines ?? []) {
            if (!index.has(name)) index.set(name, { ...define, file });
          }
        }
      }
      this.defineIndexes.set(chart.dir, index);
    }
    return index;
  }
}

function templateFiles(root: string, dir: string): string[] {
  try {
    return readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && /\.(?:ya?ml|tpl|txt|json)$/.test(entry.name))
      .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
      .map((file) => file.split(path.sep).join('/'));
  } catch {
    return [];
  }
}

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

interface Target {
  file: string;
  line: number;
  source: SourceKind;
}

/**
 * Wraps the origin `parseManifests` gave a rendered document (positions in the rendered text) so
 * that `locate` answers with the values or template line, keeping the rendered one.
 */
export function helmOrigin(
  scope: RenderScope,
  alignment: DocumentAlignment,
  rendered: ResourceOrigin,
  object: KubeObject,
): ResourceOrigin {
  let map: DocumentMap | undefined;
  const { file } = alignment.template;
  return {
    file,
    source: 'helm-template',
    chart: scope.chart.dir,
    valuesSet: scope.valuesSet,
    locate(path: Path): Location {
      const span = rendered.locate(path);
      map ??= new DocumentMap(scope, alignment);
      const target = map.target(span.line - 1, object, path);
      return {
        file: target.file,
        line: target.line,
        source: target.source,
        rendered: { file, line: span.line },
      };
    },
  };
}

/** A template (or one helper's body) and the run of rendered lines it produced. */
interface Frame {
  file: string;
  model: TemplateModel;
  /** Template lines [from, to) and rendered lines [start, end) of the frame. */
  from: number;
  to: number;
  start: number;
  end: number;
  /** Per rendered line of the frame, the template line it aligns with, or -1. */
  anchors: Int32Array;
  depth: number;
}

/** `exact`: the line was recognised; otherwise it is the nearest place that emitted it. */
type Resolved = Target & { exact: boolean };

/**
 * How one rendered document aligns with its template (and the helpers it includes). It depends
 * only on the rendered text, so values sets that render a document identically share it.
 */
export class DocumentAlignment {
  private topFrame?: Frame | null;
  private readonly frames = new Map<string, Frame | null>();

  constructor(
    private readonly templates: TemplateFiles,
    private readonly chart: ChartInfo,
    readonly template: TemplateSource,
    private readonly renderedLines: readonly string[],
  ) {}

  /** The whole template against the whole document; null when the template is not on disk. */
  top(): Frame | null {
    if (this.topFrame === undefined) {
      const { file, onDisk } = this.template;
      const model = onDisk ? this.templates.model(file) : undefined;
      this.topFrame = model
        ? this.frame(file, model, 0, model.lines.length, 0, this.renderedLines.length, 0)
        : null;
    }
    return this.topFrame;
  }

  private frame(
    file: string,
    model: TemplateModel,
    from: number,
    to: number,
    start: number,
    end: number,
    depth: number,
  ): Frame {
    const anchors = align(this.renderedLines.slice(start, end), model, from, to);
    return { file, model, from, to, start, end, anchors, depth };
  }

  /** The body of helper `name`, aligned with the run of unaligned rendered lines around the line. */
  helperFrame(frame: Frame, renderedIndex: number, name: string): Frame | undefined {
    if (frame.depth >= MAX_INCLUDE_DEPTH) return undefined;
    const define = this.templates.defines(this.chart).get(name);
    if (!define) return undefined;
    const model = this.templates.model(define.file);
    if (!model) return undefined;
    const start = this.neighbourAnchor(frame, renderedIndex, -1).rendered + 1;
    const end = this.neighbourAnchor(frame, renderedIndex, 1).rendered;
    const key = `${name}\0${start}\0${end}`;
    if (!this.frames.has(key)) {
      const [from, to] = [define.startLine, define.endLine + 1];
      this.frames.set(key, this.frame(define.file, model, from, to, start, end, frame.depth + 1));
    }
    return this.frames.get(key) ?? undefined;
  }

  /** The template line a rendered line aligned with, or one it matches (a `range` repeat). */
  alignedLine(frame: Frame, renderedIndex: number): number {
    const anchored = frame.anchors[renderedIndex - frame.start] ?? -1;
    if (anchored !== -1) return anchored;
    const text = (this.renderedLines[renderedIndex] ?? '').trim();
    if (text === '') return -1;
    const previous = this.neighbourAnchor(frame, renderedIndex, -1).line;
    const next = this.neighbourAnchor(frame, renderedIndex, 1).line;
    const lines = frame.model.lines;
    let best = -1;
    for (let j = frame.from; j < frame.to; j++) {
      if (lines[j].kind !== 'literal' && lines[j].kind !== 'mixed') continue;
      if (lines[j].weight < 2 || !matchesLine(lines[j], text)) continue;
      // Between its neighbours it would have aligned; elsewhere it is a `range` repeat.
      if (previous < j && (next === -1 || j < next)) return j;
      if (best === -1 || (next !== -1 && j < next)) best = j;
    }
    return best;
  }

  /** The nearest aligned line before (-1) or after (1): its template and rendered indexes. */
  neighbourAnchor(frame: Frame, renderedIndex: number, step: -1 | 1) {
    for (let i = renderedIndex + step; i >= frame.start && i < frame.end; i += step) {
      const line = frame.anchors[i - frame.start];
      if (line !== -1) return { line, rendered: i };
    }
    return { line: -1, rendered: step === -1 ? frame.start - 1 : frame.end };
  }

  /** Lines with output actions between the aligned lines around it, nearest first: an emitted
   *  line comes from one of them (or from the line before it, e.g. `key: {{ toYaml .x | nindent }}`). */
  emittersAround(frame: Frame, renderedIndex: number): number[] {
    const lines = frame.model.lines;
    const previous = this.neighbourAnchor(frame, renderedIndex, -1).line;
    let next = this.neighbourAnchor(frame, renderedIndex, 1).line;
    if (next === -1 || next <= previous) next = frame.to; // a `range` repeat: search to the end
    const found: number[] = [];
    for (let j = next - 1; j >= Math.max(previous, frame.from); j--) {
      if (lines[j].kind === 'emit' || lines[j].kind === 'mixed') found.push(j);
    }
    return found;
  }
}

class DocumentMap {
  constructor(
    private readonly scope: RenderScope,
    private readonly alignment: DocumentAlignment,
  ) {}

  target(renderedIndex: number, object: KubeObject, path: Path): Target {
    const top = this.alignment.top();
    if (!top) return { file: this.alignment.template.file, line: 1, source: 'helm-template' };
    const { present, value } = valueAt(object, path);
    const { file, line, source } = this.resolve(top, renderedIndex, present, value, path);
    return { file, line, source };
  }

  private resolve(
    frame: Frame,
    renderedIndex: number,
    present: boolean,
    value: unknown,
    path: Path,
  ): Resolved {
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
      if (present && isScalarValue(value)) {
        const found = this.valuesOrigin(this.refsOf(lines[aligned]), path, value, 'line');
        if (found) return { ...found, exact: true };
      }
      return templateLine(aligned, true);
    }
    // Emitted by an action-only line (toYaml, include) between the surrounding aligned lines:
    // from values at the same relative path, or from a helper's body.
    const emitters = this.alignment.emittersAround(frame, renderedIndex);
    if (present) {
      for (const emitter of emitters) {
        // Only what the line itself reads: a helper's own reads are resolved inside its body.
        const found = this.valuesOrigin(lines[emitter].refs, path, value, 'block');
        if (found) return { ...found, exact: true };
      }
    }
    for (const emitter of emitters) {
      for (const name of lines[emitter].includes) {
        const inner = this.alignment.helperFrame(frame, renderedIndex, name);
        if (!inner) continue;
        const found = this.resolve(inner, renderedIndex, present, value, path);
        if (found.exact) return found;
      }
    }
    if (emitters.length) return templateLine(emitters[0], false);
    const previous = this.alignment.neighbourAnchor(frame, renderedIndex, -1);
    return previous.line === -1
      ? templateLine(frame.from, false)
      : templateLine(previous.line, false);
  }

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
    path: Path,
    value: unknown,
    mode: 'line' | 'block',
  ): Target | undefined {
    if (refs.length === 0) return undefined;
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
            consider(node, lineScore(node, relative, ref, value, key));
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

function lineScore(
  node: ValuesNode,
  relative: readonly string[],
  ref: ValuesPath,
  value: unknown,
  key: string | number | undefined,
): number {
  if (node.kind !== 'scalar') return 0;
  const own = String(node.value ?? '');
  const rendered = String(value);
  const nodeKey = relative.length ? relative[relative.length - 1] : ref[ref.length - 1];
  const sameKey = nodeKey === key ? 2 : 0;
  if (own === rendered) return 6 + sameKey;
  if (own === '' || typeof value !== 'string' || typeof node.value === 'object') return 0;
  // Part of a composed string, e.g. the tag in `repo:tag`: only at separator boundaries.
  let at = rendered.indexOf(own);
  let score = 0;
  while (at !== -1) {
    const before = at === 0 || /[:@/]/.test(rendered[at - 1]);
    const end = at + own.length;
    const after = end === rendered.length || /[:@/]/.test(rendered[end]);
    if (before && after) score = Math.max(score, end === rendered.length ? 4 : 2);
    at = rendered.indexOf(own, at + 1);
  }
  return score === 0 ? 0 : score + sameKey;
}

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

/**
 * For each rendered line, the template line it aligns with (-1: emitted by an action): the
 * heaviest common subsequence of rendered lines and template lines with literal text, a line
 * matching when the template line's literal pieces appear in order (actions match anything).
 */
export function align(
  renderedLines: readonly string[],
  model: TemplateModel,
  from = 0,
  to = model.lines.length,
): Int32Array {
  const m = renderedLines.length;
  const anchors = new Int32Array(m).fill(-1);
  const columns: number[] = [];
  for (let index = from; index < to; index++) {
    const { kind } = model.lines[index];
    if (kind === 'literal' || kind === 'mixed') columns.push(index);
  }
  const n = columns.length;
  if (m === 0 || n === 0 || m * n > MAX_ALIGNMENT_CELLS) return anchors;

  // Columns by the first characters of their literal start, so that each rendered line is
  // compared only with the template lines it can match.
  const buckets = new Map<string, number[]>();
  const anywhere: number[] = [];
  columns.forEach((index, c) => {
    const line = model.lines[index];
    const head = line.openStart ? '' : line.pieces[0].slice(0, BUCKET_PREFIX);
    if (head.length < BUCKET_PREFIX) anywhere.push(c);
    else buckets.set(head, [...(buckets.get(head) ?? []), c]);
  });
  // best[i][c]: the heaviest alignment of rendered lines i.. with template columns c.. .
  const width = n + 1;
  const best = new Int32Array((m + 1) * width);
  const weight = new Int32Array(m * n);
  for (let i = m - 1; i >= 0; i--) {
    const text = renderedLines[i].trim();
    if (text !== '') {
      for (const c of [...(buckets.get(text.slice(0, BUCKET_PREFIX)) ?? []), ...anywhere]) {
        const line = model.lines[columns[c]];
        if (matchesLine(line, text)) weight[i * n + c] = line.weight;
      }
    }
    for (let c = n - 1; c >= 0; c--) {
      const w = weight[i * n + c];
      const diagonal = w > 0 ? best[(i + 1) * width + c + 1] + w : 0;
      best[i * width + c] = Math.max(diagonal, best[(i + 1) * width + c], best[i * width + c + 1]);
    }
  }
  // Among the heaviest alignments, each line takes the earliest template line it can: a block
  // a condition left out is skipped as a whole, rather than a later look-alike line taken.
  for (let i = 0, c = 0; i < m && c < n;) {
    const w = weight[i * n + c];
    const here = best[i * width + c];
    if (w > 0 && here === best[(i + 1) * width + c + 1] + w) {
      anchors[i] = columns[c];
      i++;
      c++;
    } else if (here === best[(i + 1) * width + c]) {
      i++;
    } else {
      c++;
    }
  }
  return anchors;
}
