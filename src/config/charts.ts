// The policy's `charts:` section checked against the repository at load time: a key that names
// no chart, or a values file that is missing, outside the repository or not a regular file, is
// a configuration error on its line (exit 2), not a render failure with an absolute path.
// Glob keys match charts found later by discovery; their values files are checked when the
// chart is rendered.
import { statSync } from 'node:fs';
import path from 'node:path';
import { resolveInside, UnsafeFileError } from '../sources/read-file.js';
import type { ConfigProblem } from './errors.js';
import type { PolicyDocument } from './parse.js';

const GLOB = /[*?[\]{}!]/;

export function chartValuesProblems(
  root: string,
  policy: Pick<PolicyDocument, 'file' | 'charts'>,
): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  for (const [chart, config] of policy.charts) {
    if (GLOB.test(chart)) continue;
    const key = `charts.${chart}`;
    const at = { file: policy.file, line: config.line, key };
    let chartDir: string;
    try {
      chartDir = resolveInside(root, root, chart);
      if (!statSync(chartDir).isDirectory()) {
        throw new UnsafeFileError('is not a directory', 'not-regular');
      }
      resolveInside(root, chartDir, 'Chart.yaml');
    } catch (error) {
      if (!(error instanceof UnsafeFileError)) throw error;
      const why = error.reason === 'missing' ? 'not found' : error.message;
      problems.push({ ...at, message: `'${chart}' is not a chart directory (${why})` });
      continue;
    }
    config.valuesSets.forEach((set, index) => {
      set.values.forEach((file, fileIndex) => {
        const problem = valuesFileProblem(root, chartDir, file);
        if (problem) {
          problems.push({
            file: policy.file,
            line: set.valuesLines?.[fileIndex] ?? set.line ?? config.line,
            key: `${key}.valuesSets[${index}].values`,
            message: `'${file}' (relative to ${chart}) ${problem}`,
          });
        }
      });
    });
  }
  return problems;
}

/** Why a chart-relative values file cannot be used, or undefined when it can. */
export function valuesFileProblem(
  root: string,
  chartDir: string,
  file: string,
): string | undefined {
  try {
    const real = resolveInside(root, path.resolve(chartDir), file);
    if (!statSync(real).isFile()) return 'is not a regular file';
    return undefined;
  } catch (error) {
    if (error instanceof UnsafeFileError) return error.message;
    throw error;
  }
}
