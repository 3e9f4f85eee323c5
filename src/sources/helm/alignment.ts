// The alignment of the Helm source map: which template line wrote each line of a rendered
// document. It depends only on the rendered text and the template, never on values, so values
// sets that render a document identically share it.
//
// A template's literal text is a pattern for the lines it writes (`image: "` ... `:` ... `"` for
// `image: "{{ .repo }}:{{ .tag }}"`; an action matches anything). A rendered document is aligned
// with the template range it came from by the heaviest common subsequence of lines, a match
// weighing as many non-blank literal characters as the template line has: `containerPort: 7070`
// anchors more strongly than `- {{ . }}`. Among equally heavy alignments each rendered line takes
// the earliest template line it can, so that a block a condition left out is skipped whole
// rather than a later look-alike line taken. Rendered lines no template line matches stay
// unaligned (-1): an action wrote them (`toYaml`, `include`, a `range` repeat).
//
// Which range: a template may write several documents, separated by `---` lines, and helm
// prints them reordered by kind (ServiceAccount before Deployment). Each rendered document is
// aligned with every such segment and keeps the heaviest, so two near-identical Deployments in
// one file each find their own lines; between equally heavy segments (copies that differ only
// in the values they read) the caller's tie-break decides. A document never spans a `---` that
// helm printed; one a false condition removed could join two segments, which is rare enough
// (and joining on a guess wrong often enough) that it is not attempted. An `include`d helper's
// body is aligned the same way, on demand, with the run of unaligned lines it emitted.
import type { ChartInfo, TemplateSource } from './chart.js';
import type { TemplateFiles } from './template-files.js';
import { matchesLine, type TemplateModel } from './template-model.js';

/** Above this many rendered x template line pairs a segment is not aligned (its findings go
 *  to the template's first line): the table would cost more memory than the scan is worth. */
const MAX_ALIGNMENT_CELLS = 8_000_000;
/** Template lines are bucketed by this many leading characters, so that a rendered line is
 *  compared only with the template lines that can match it, not with every line. */
const BUCKET_PREFIX = 3;
/** How deep `include`s are followed: helpers that include themselves stop here. */
export const MAX_INCLUDE_DEPTH = 6;

/** A template (or one helper's body) and the run of rendered lines it produced. */
export interface Frame {
  file: string;
  model: TemplateModel;
  /** Template lines [from, to) and rendered lines [start, end) of the frame. */
  from: number;
  to: number;
  start: number;
  end: number;
  /** Per rendered line of the frame, the template line it aligns with, or -1. */
  anchors: Int32Array;
  /** The summed weight of the anchors: how much of the rendered run the range explains. */
  weight: number;
  depth: number;
}

/** Chooses among template ranges that explain a document equally well. */
export type TieBreak = (candidates: readonly Frame[]) => Frame;

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

  /**
   * The template range this document came from, aligned with the whole document; null when the
   * template is not on disk. `tieBreak` chooses between ranges of equal weight (two copies of a
   * block that differ only in the values they read); the first call's choice is kept.
   */
  top(tieBreak?: TieBreak): Frame | null {
    if (this.topFrame === undefined) {
      const { file, onDisk } = this.template;
      const model = onDisk ? this.templates.model(file) : undefined;
      this.topFrame = model
        ? this.frame(file, model, 0, model.lines.length, 0, this.renderedLines.length, 0, tieBreak)
        : null;
    }
    return this.topFrame;
  }

  /** The segment of template lines [from, to) that best explains rendered lines [start, end). */
  private frame(
    file: string,
    model: TemplateModel,
    from: number,
    to: number,
    start: number,
    end: number,
    depth: number,
    tieBreak?: TieBreak,
  ): Frame {
    const rendered = this.renderedLines.slice(start, end);
    const make = (first: number, last: number): Frame => {
      const anchors = align(rendered, model, first, last);
      const weight = weigh(anchors, model);
      return { file, model, from: first, to: last, start, end, anchors, weight, depth };
    };
    const parts = segments(model, from, to);
    if (parts.length <= 1) return make(from, to);
    const candidates = parts.map(([first, last]) => make(first, last));
    const heaviest = Math.max(...candidates.map((candidate) => candidate.weight));
    if (heaviest === 0) return make(from, to);
    const tied = candidates.filter((candidate) => candidate.weight === heaviest);
    return tied.length > 1 && tieBreak ? tieBreak(tied) : tied[0];
  }

  /** The text of a rendered line of the document. */
  renderedLine(index: number): string {
    return this.renderedLines[index] ?? '';
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

  /** Whether the frame's aligned lines surround (or include) the rendered line: its template
   *  wrote the lines around it, so it wrote this one too or included what did. */
  surrounds(frame: Frame, renderedIndex: number): boolean {
    const own = frame.anchors[renderedIndex - frame.start] ?? -1;
    if (own !== -1) return true;
    return (
      this.neighbourAnchor(frame, renderedIndex, -1).line !== -1 &&
      this.neighbourAnchor(frame, renderedIndex, 1).line !== -1
    );
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

/** The summed weight of the template lines rendered lines aligned with. */
function weigh(anchors: Int32Array, model: TemplateModel): number {
  let sum = 0;
  for (const line of anchors) if (line !== -1) sum += model.lines[line].weight;
  return sum;
}

/**
 * Template lines [from, to) split at `---` lines into the ranges documents come from; ranges
 * with no literal text (a leading `{{- if }}`) are left out. One range when there is none.
 */
export function segments(model: TemplateModel, from: number, to: number): [number, number][] {
  const found: [number, number][] = [];
  let first = from;
  const close = (last: number) => {
    for (let j = first; j < last; j++) {
      const { kind } = model.lines[j];
      if (kind === 'literal' || kind === 'mixed') {
        found.push([first, last]);
        return;
      }
    }
  };
  for (let j = from; j < to; j++) {
    if (model.lines[j].separator) {
      close(j);
      first = j + 1;
    }
  }
  close(to);
  return found.length ? found : [[from, to]];
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
