// Plain Kubernetes manifests: multi-document YAML, `kind: List` expanded, every resource able
// to say where any of its fields is.
import { Composer, LineCounter, Parser } from 'yaml';
import type { ScanError, SourceKind } from '../model.js';
import { isObject, toResource, type K8sResource, type Path } from './resource.js';
import { DocumentPositions } from './yaml-position.js';

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

function parseDocuments(text: string, context: ManifestContext): ParsedManifests {
  const { file } = context;
  const lineOffset = context.lineOffset ?? 0;
  const lineCounter = new LineCounter();
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

    const positions = DocumentPositions.of(doc);
    const locate = (path: Path) => {
      const span = positions.locate(lineCounter, path);
      return lineOffset === 0
        ? span
        : { line: span.line + lineOffset, endLine: span.endLine && span.endLine + lineOffset };
    };
    const origin = (prefix: Path) => ({
      file,
      source: context.source ?? 'manifest',
      chart: context.chart,
      valuesSet: context.valuesSet,
      locate: prefix.length === 0 ? locate : (path: Path) => locate([...prefix, ...path]),
    });

    if (/^(.+)?List$/.test(value.kind) && Array.isArray(value.items)) {
      value.items.forEach((item, index) => {
        if (isObject(item)) resources.push(toResource(item, origin(['items', index])));
      });
    } else {
      resources.push(toResource(value, origin([])));
    }
  }
  return { resources, errors };
}
