// Plain Kubernetes manifests: multi-document YAML read as the API server reads it (yaml-load.ts),
// `kind: List` expanded, every resource able to say where any of its fields is.
import type { ScanError, SourceKind } from '../model.js';
import {
  isObject,
  toResource,
  type K8sResource,
  type DuplicateKeyInfo,
  type Location,
  type Path,
  type ResourceOrigin,
} from './resource.js';
import { detached } from './strings.js';
import { loadYamlStream } from './yaml-load.js';
import { DocumentPositions, KeyTable } from './yaml-position.js';

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

export function isBinary(bytes: Uint8Array): boolean {
  return bytes.subarray(0, 8000).includes(0);
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
  const strings = context.strings ?? new ManifestStrings();
  const resources: K8sResource[] = [];
  const errors: ScanError[] = [];
  const intern = (value: string) => strings.value(value);
  for (const document of loadYamlStream(text, { keys: strings.keys, intern, lineOffset })) {
    if (!('value' in document)) {
      errors.push({ file, line: document.line, message: document.message });
      continue;
    }
    const { value, duplicates } = document;
    if (!isObject(value) || typeof value.kind !== 'string') continue;
    const positions = DocumentPositions.fromEntries(document.positions, strings.keys);
    const origin = (prefix: Path) =>
      new ManifestOrigin(file, source, chart, valuesSet, positions, prefix);

    if (/^(.+)?List$/.test(value.kind) && Array.isArray(value.items)) {
      value.items.forEach((item, index) => {
        if (!isObject(item)) return;
        const resource = toResource(item, origin(['items', index]));
        withDuplicates(resource, duplicatesUnder(duplicates, ['items', index]));
        resources.push(resource);
      });
    } else {
      const resource = toResource(value, origin(WHOLE_DOCUMENT));
      withDuplicates(resource, duplicates);
      resources.push(resource);
    }
  }
  return { resources, errors };
}

/** The duplicates inside `prefix`, with paths relative to it. */
function duplicatesUnder(
  duplicates: readonly DuplicateKeyInfo[],
  prefix: Path,
): DuplicateKeyInfo[] {
  return duplicates
    .filter(({ path }) => path.length > prefix.length && prefix.every((s, i) => path[i] === s))
    .map((duplicate) => ({ ...duplicate, path: duplicate.path.slice(prefix.length) }));
}

function withDuplicates(resource: K8sResource, duplicates: readonly DuplicateKeyInfo[]): void {
  if (duplicates.length) resource.duplicateKeys = duplicates;
}
