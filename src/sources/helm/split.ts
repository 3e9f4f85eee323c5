// helm template's output, one document per `---`, each labelled with the template that made it.

export interface RenderedDocument {
  /** From `# Source: <chart-name>/templates/x.yaml` ('' if helm gave none). */
  source: string;
  /** The document's lines after the `# Source:` comment (line 1 = the first of them). */
  lines: string[];
}

const SOURCE = '# Source: ';

export function splitRendered(output: string): RenderedDocument[] {
  const documents: RenderedDocument[] = [];
  let current: RenderedDocument | undefined;
  for (const line of output.split('\n')) {
    if (line === '---' || line.startsWith('--- ')) {
      current = undefined;
      continue;
    }
    if (current === undefined) {
      if (line.trim() === '') continue;
      current = { source: '', lines: [] };
      documents.push(current);
      if (line.startsWith(SOURCE)) {
        current.source = line.slice(SOURCE.length).trim();
        continue;
      }
    }
    current.lines.push(line);
  }
  return documents.filter((document) => document.lines.some((line) => line.trim() !== ''));
}
