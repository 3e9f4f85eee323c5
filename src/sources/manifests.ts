// Plain Kubernetes manifests: multi-document YAML, `kind: List` expanded, every resource able
// to say where any of its fields is.
import { Composer, LineCounter, Parser } from 'yaml';
import type { ScanError, SourceKind } from '../model.js';
import {
  isObject,
  toResource,
  type K8sResource,
  type Location,
  type Path,
  type ResourceOrigin,
} from './resource.js';
import { detached } from './strings.js';
import { DocumentPositions, KeyTable } from './yaml-position.js';

/** yaml's own guard against alias bombs ("billion laughs"): beyond this the document is refused. */
const MAX_ALIAS_COUNT = 1000;

export interface ParsedManifests {
  resources: K8sResource[];
  errors: ScanError[];
}

export interface ManifestContext {
  file: string;
  source?: SourceKind;
  chart?: string;
  valuesSet?: string;
  /** Added to every reported line: the document's first line in a larger stream. */
  lineOffset?: number;
  /** Shared by the files of one load, so that what they have in common is stored once. */
  strings?: ManifestStrings;
}

/**
 * The strings of the manifests of one load: map keys by number (kept with the resources), and
 * one copy of each short value (`IfNotPresent`, `RuntimeDefault`, image names), which repeat
 * across documents; the table of values is dropped with this object once the load is done.
 */
export class ManifestStrings {
  readonly keys = new KeyTable();
  private readonly values = new Map<string, string>();

  /** The stored copy of `text`; short values are shared, long ones only detached from the file. */
  value(text: string): string {
    if (text.length > MAX_SHARED_LENGTH) return detached(text);
    let stored = this.values.get(text);
    if (stored === undefined) {
      stored = detached(text);
      this.values.set(stored, stored);
    }
    return stored;
  }
}

/** Longer values (commands, scripts, descriptions) rarely repeat: not worth a table entry. */
const MAX_SHARED_LENGTH = 64;

/**
 * Makes a parsed value cheap to keep, in place: every string becomes its stored copy (the
 * parser's strings are slices of the file's text, and a single one kept would keep the whole
 * text), and every array an exact-size copy (the parser builds them by appending, which leaves
 * room for 16 more items in each).
 */
function compactValue(root: object, strings: ManifestStrings): void {
  // Aliases make a value a graph (possibly cyclic): each object is compacted once, and every
  // reference to it then points to the same copy.
  const compacted = new Map<object, object>([[root, root]]);
  const pending: object[] = [root];
  const compact = (value: unknown): unknown => {
    if (typeof value === 'string') return strings.value(value);
    if (typeof value !== 'object' || value === null) return value;
    let copy = compacted.get(value);
    if (copy === undefined) {
      copy = Array.isArray(value) ? value.slice() : value;
      compacted.set(value, copy);
      pending.push(copy);
    }
    return copy;
  };
  while (pending.length) {
    const node = pending.pop()!;
    if (Array.isArray(node)) {
      for (let index = 0; index < node.length; index++) node[index] = compact(node[index]);
      continue;
    }
    const fields = node as Record<string, unknown>;
    for (const key of Object.keys(fields)) {
      const value = fields[key];
      // Not only where `copy !== value`: equal strings are `===` whatever memory they sit in.
      if (typeof value === 'string' || typeof value === 'object') fields[key] = compact(value);
    }
  }
}

export function isBinary(bytes: Uint8Array): boolean {
  return bytes.subarray(0, 8000).includes(0);
}

function firstLine(message: string): string {
  // The parser recurses: absurd nesting exhausts the stack, which it reports as an error.
  if (message.startsWith('Maximum call stack size exceeded')) return 'nesting too deep to parse';
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

export function parseManifests(text: string, context: ManifestContext): ParsedManifests {
  try {
    return parseDocuments(text, context);
  } catch (error) {
    // The parser recurses: absurd nesting exhausts the stack. Name the file, keep scanning.
    const message =
      error instanceof RangeError
        ? 'nesting too deep to parse'
        : `cannot parse: ${(error as Error).message}`;
    return {
      resources: [],
      errors: [{ file: context.file, line: (context.lineOffset ?? 0) + 1, message }],
    };
  }
}

/** The prefix of a resource that is its whole document. */
const WHOLE_DOCUMENT: Path = [];

/** Where a resource of a manifest came from: one small object, positions in its document's index. */
class ManifestOrigin implements ResourceOrigin {
  constructor(
    readonly file: string,
    readonly source: SourceKind,
    readonly chart: string | undefined,
    readonly valuesSet: string | undefined,
    private readonly positions: DocumentPositions,
    /** Where the resource is in its document: `['items', n]` for an item of a `kind: List`. */
    private readonly prefix: Path,
  ) {}

  locate(path: Path): Location {
    return this.positions.locate(this.prefix.length === 0 ? path : [...this.prefix, ...path]);
  }
}

function parseDocuments(text: string, context: ManifestContext): ParsedManifests {
  const { file, chart, valuesSet } = context;
  const source = context.source ?? 'manifest';
  const lineOffset = context.lineOffset ?? 0;
  const lineCounter = new LineCounter();
  const strings = context.strings ?? new ManifestStrings();
  const resources: K8sResource[] = [];
  const errors: ScanError[] = [];
  // Document by document (what parseAllDocuments does, without holding every document's tree at
  // once): each tree is dropped once its value and a compact position index are taken.
  const composer = new Composer({ uniqueKeys: false });
  for (const doc of composer.compose(new Parser(lineCounter.addNewLine).parse(text))) {
    const problem = doc.errors[0];
    if (problem) {
      // An error found at end of input (an unclosed quote) is reported on the last line.
      const offset = Math.min(problem.pos[0], text.trimEnd().length);
      const line = lineCounter.linePos(offset).line;
      errors.push({ file, line: line + lineOffset, message: firstLine(problem.message) });
      continue;
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      const line = lineCounter.linePos(doc.range[0]).line + lineOffset;
      errors.push({ file, line, message: `cannot load document: ${(error as Error).message}` });
      continue;
    }
    if (!isObject(value) || typeof value.kind !== 'string') continue;
    compactValue(value, strings);

    // Lines now, while the line index exists: resources keep neither it nor the text.
    const positions = DocumentPositions.of(doc, lineCounter.lineStarts, strings.keys, lineOffset);
    const origin = (prefix: Path) =>
      new ManifestOrigin(file, source, chart, valuesSet, positions, prefix);

    if (/^(.+)?List$/.test(value.kind) && Array.isArray(value.items)) {
      value.items.forEach((item, index) => {
        if (isObject(item)) resources.push(toResource(item, origin(['items', index])));
      });
    } else {
      resources.push(toResource(value, origin(WHOLE_DOCUMENT)));
    }
  }
  return { resources, errors };
}
