// The template-file cache of the Helm source map: each template (and each helper file) is read
// and parsed into a `TemplateModel` at most once per scan, and only when a finding needs it;
// the `define`s of a chart tree are indexed by name once per chart.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { chartDirs, type ChartInfo } from './chart.js';
import { parseTemplate, type Define, type TemplateModel } from './template-model.js';
import { readRepositoryText } from '../read-file.js';

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

  /** The parsed template at a repository-relative path; undefined when it cannot be read. */
  model(file: string, text?: string): TemplateModel | undefined {
    if (!this.models.has(file)) {
      const source = text ?? this.read(file);
      this.models.set(file, source === undefined ? undefined : parseTemplate(source));
    }
    return this.models.get(file);
  }

  private read(file: string): string | undefined {
    try {
      // Inside the repository and a regular file of bounded size, like every file we read.
      return readRepositoryText(this.root, this.root, file);
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
