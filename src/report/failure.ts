// What a run that stops with an error tells the user, shared by the CLI and the Action so both
// classify the same errors the same way (exit 2 for the CLI, a failed step for the Action; a
// stack trace never, unless KPG_DEBUG asks for it).
import { ConfigError, type ConfigProblem } from '../config/errors.js';
import { ReportError } from '../github/report-input.js';
import { PathNotFoundError } from '../sources/discover.js';
import { HelmUnavailableError } from '../sources/helm/index.js';
import { KustomizeUnavailableError } from '../sources/kustomize/index.js';
import { plainText } from './escape.js';
import { ReportFileError } from './write-file.js';

export type Failure =
  /** The policy file or an ignore file is wrong: every problem with its file and line. */
  | { kind: 'configuration'; message: string; problems: ConfigProblem[] }
  /** How the tool was called: a flag, an input or a path that does not exist. */
  | { kind: 'usage'; message: string }
  /** What the run needs is missing or refused: helm, kustomize, a report file, a report. */
  | { kind: 'environment'; message: string }
  /** A bug of ours: the message only. */
  | { kind: 'internal'; message: string };

/** Errors of the caller's own about how it was called (the CLI's flags, the Action's inputs). */
type ErrorClass = abstract new (...args: never[]) => Error;

export function describeFailure(error: unknown, usageErrors: readonly ErrorClass[] = []): Failure {
  const message = plainText(String((error as Error)?.message ?? error));
  if (error instanceof ConfigError) {
    return { kind: 'configuration', message: linesText(error.message), problems: error.problems };
  }
  if (
    error instanceof PathNotFoundError ||
    usageErrors.some((type) => error instanceof type) ||
    (error as { code?: string })?.code?.startsWith('ERR_PARSE_ARGS')
  ) {
    return { kind: 'usage', message };
  }
  if (
    error instanceof HelmUnavailableError ||
    error instanceof KustomizeUnavailableError ||
    error instanceof ReportFileError ||
    error instanceof ReportError
  ) {
    return { kind: 'environment', message: linesText((error as Error).message) };
  }
  return { kind: 'internal', message };
}

/** Each line escaped on its own: none can drive a terminal or a runner. */
function linesText(text: string): string {
  return text.split('\n').map(plainText).join('\n');
}
