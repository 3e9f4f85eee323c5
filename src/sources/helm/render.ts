// Running `helm template` for one chart and values set: an argument array (never a shell), a
// timeout, chart tests skipped, CRDs left out, dependencies never fetched.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { setPairs, type ValuesSet } from './values-sets.js';

export interface RenderRequest {
  helm: string;
  root: string;
  /** Repository-relative chart directory. */
  chartDir: string;
  chartName: string;
  valuesSet: ValuesSet;
  timeoutMs: number;
}

export type RenderResult = { ok: true; output: string } | { ok: false; error: string };

/** Helm's release-name rule (DNS-1123 subdomain, at most 53 characters). */
const RELEASE_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const MAX_OUTPUT_BYTES = 512 * 1024 * 1024;

export function helmTemplateArgs(request: Omit<RenderRequest, 'helm' | 'timeoutMs'>): string[] {
  const { root, chartDir, chartName, valuesSet } = request;
  const release =
    valuesSet.releaseName ??
    (RELEASE_NAME.test(chartName) && chartName.length <= 53 ? chartName : 'release-name');
  const args = ['template', release, path.resolve(root, chartDir), '--skip-tests'];
  if (valuesSet.namespace) args.push('--namespace', valuesSet.namespace);
  for (const file of valuesSet.valuesFiles) args.push('--values', path.resolve(root, file));
  for (const [key, value] of setPairs(valuesSet.set)) args.push('--set', `${key}=${value}`);
  if (valuesSet.kubeVersion) args.push('--kube-version', valuesSet.kubeVersion);
  for (const api of valuesSet.apiVersions ?? []) args.push('--api-versions', api);
  return args;
}

export function renderChart(request: RenderRequest): Promise<RenderResult> {
  const args = helmTemplateArgs(request);
  return new Promise((resolve) => {
    execFile(
      request.helm,
      args,
      {
        cwd: request.root,
        timeout: request.timeoutMs,
        maxBuffer: MAX_OUTPUT_BYTES,
        windowsHide: true,
        encoding: 'utf8',
      },
      (error, stdout, stderr) => {
        if (!error) return resolve({ ok: true, output: stdout });
        const failure = error as NodeJS.ErrnoException & { killed?: boolean };
        if (failure.killed) {
          return resolve({
            ok: false,
            error: `helm template timed out after ${Math.round(request.timeoutMs / 1000)}s`,
          });
        }
        resolve({ ok: false, error: helmError(stderr) || failure.message });
      },
    );
  });
}

/** Helm's own message: the `Error:` line(s), without warnings printed before them. */
export function helmError(stderr: string): string {
  const lines = stderr.trim().split('\n');
  const start = lines.findIndex((line) => line.startsWith('Error:'));
  const relevant = (start === -1 ? lines : lines.slice(start)).filter(
    (line) => line.trim() !== '' && !line.startsWith('Use --debug flag'),
  );
  const message = relevant
    .join('\n')
    .replace(/^Error:\s*/, '')
    .trim();
  // A template that includes itself makes helm repeat the include chain at every level (over
  // 100 KB): keep where it starts and where it ends.
  return message.length <= MAX_ERROR_LENGTH
    ? message
    : `${message.slice(0, MAX_ERROR_LENGTH / 2)} … ${message.slice(-MAX_ERROR_LENGTH / 2)}`;
}

const MAX_ERROR_LENGTH = 1000;

/** `found in Chart.yaml, but missing in charts/ directory: a, b` -> ['a', 'b']. */
export function missingDependencies(error: string): string[] {
  const match = /missing in charts\/ directory:\s*([^\n]+)/.exec(error);
  return match
    ? match[1]
        .split(',')
        .map((name) => name.trim())
        .filter(Boolean)
    : [];
}

/** The `<chart>/templates/x.yaml:LINE` (or just the file) a helm error names, if any. */
export function errorPosition(error: string): { source: string; line?: number } | undefined {
  const withLine = /([\w.-]+(?:\/charts\/[\w.-]+)*\/templates\/[^\s:()"]+):(\d+)/.exec(error);
  if (withLine) return { source: withLine[1], line: Number(withLine[2]) };
  const withoutLine = /([\w.-]+(?:\/charts\/[\w.-]+)*\/templates\/[^\s:()"]+)/.exec(error);
  return withoutLine ? { source: withoutLine[1] } : undefined;
}
