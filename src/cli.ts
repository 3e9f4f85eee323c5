// The CLI: run(argv) parses flags, runs the scan, prints the report and resolves to the exit code
// (0 passed, 1 gate failed, 2 usage or configuration error). It runs nothing at import: the bin
// (scripts/cli-bin.ts, dist/cli.js) calls it, and tests call it in process (src/cli.test.ts).
// First: on an unsupported Node.js it exits with one clear line before any other module runs.
import './version.js';
import path from 'node:path';
import { inspect, parseArgs } from 'node:util';
import { cliOptionsHelp } from './config/cli-options.js';
import { loadPolicy } from './config/policy.js';
import { FAIL_ON_VALUES, type FailOn } from './model.js';
import { jsonTextSafe } from './report/escape.js';
import { jsonReportChunks } from './report/json.js';
import { renderJobSummary } from './report/markdown.js';
import { sarifChunks } from './report/sarif.js';
import { mapLazily, writeChunks } from './report/stream.js';
import { tableLines, useColor } from './report/table.js';
import { describeFailure } from './report/failure.js';
import { writeReportFile } from './report/write-file.js';
import { scanInBoundedMemory } from './engine.js';
import { findRoot } from './sources/root.js';
import { toolEnvironment } from './sources/tools.js';
import { TOOL_NAME, TOOL_VERSION } from './version.js';
import { lstatSync, readFileSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { evalExpression, readObjectText } from './rules/cel/eval-expression.js';
import { DEFAULT_KUBERNETES_VERSION, parseKubernetesMinor } from './rules/cel/environment.js';

const FORMATS = ['table', 'json', 'markdown', 'sarif'] as const;

const HELP = `Usage: ${TOOL_NAME} scan [PATH...] [options]
       ${TOOL_NAME} eval EXPRESSION --object FILE [--namespace-object FILE] [--kubernetes-version 1.NN]

Scans Kubernetes manifests, Helm charts (rendered with helm template for each values set) and
Dockerfiles under PATH (default: .) against security policies.

Options:
${cliOptionsHelp()}
Exit codes: 0 passed, 1 findings at or above --fail-on, 2 usage or configuration error.
`;

class UsageError extends Error {}

/** Where a run reads and writes: the process's own unless a caller (a test) passes others. */
export interface CliIo {
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable;
  env: NodeJS.ProcessEnv;
  /** What relative paths in flags and arguments are relative to. */
  cwd: string;
}

/** Runs the CLI with `argv` (the arguments after the program's name) and resolves to the exit
 *  code; it never rejects: an error is one or a few lines on stderr and exit 2. */
export async function run(argv: string[], io: Partial<CliIo> = {}): Promise<number> {
  const cli: CliIo = {
    stdout: io.stdout ?? process.stdout,
    stderr: io.stderr ?? process.stderr,
    env: io.env ?? process.env,
    cwd: io.cwd ?? process.cwd(),
  };
  try {
    return await runCommand(argv, cli);
  } catch (error) {
    const failure = describeFailure(error, [UsageError]);
    // Never a stack trace for the user; KPG_DEBUG=1 shows it for us.
    if (failure.kind === 'internal' && cli.env.KPG_DEBUG) {
      cli.stderr.write(`${inspect(error)}\n`);
    }
    const text =
      failure.kind === 'usage'
        ? `${failure.message}\nRun '${TOOL_NAME} --help' for usage.`
        : failure.kind === 'internal'
          ? `internal error: ${failure.message}`
          : failure.message;
    for (const line of text.split('\n')) cli.stderr.write(`${TOOL_NAME}: ${line}\n`);
    return 2;
  }
}

function oneOf<T extends string>(
  flag: string,
  value: string | undefined,
  allowed: readonly T[],
): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`--${flag} must be one of ${allowed.join(', ')} (got '${value}')`);
  }
  return value as T;
}

async function runCommand(argv: string[], cli: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      output: { type: 'string' },
      config: { type: 'string' },
      policy: { type: 'string', multiple: true },
      'fail-on': { type: 'string' },
      ignorefile: { type: 'string', multiple: true },
      base: { type: 'string' },
      helm: { type: 'string' },
      gate: { type: 'string' },
      'show-suppressed': { type: 'boolean' },
      cluster: { type: 'boolean' },
      kubeconfig: { type: 'string' },
      object: { type: 'string' },
      'namespace-object': { type: 'string' },
      'kubernetes-version': { type: 'string' },
      version: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.version) {
    cli.stdout.write(`${TOOL_VERSION}\n`);
    return 0;
  }
  const [command, ...paths] = positionals;
  if (values.help || command === undefined || command === 'help') {
    cli.stdout.write(HELP);
    return command === undefined && !values.help ? 2 : 0;
  }
  if (command === 'eval') return runEval(paths, values, cli);
  if (command !== 'scan')
    throw new UsageError(`unknown command '${command}' (try 'scan' or 'eval')`);

  const format = oneOf('format', values.format, FORMATS) ?? 'table';
  const failOn = oneOf<FailOn>('fail-on', values['fail-on'], FAIL_ON_VALUES);
  const { cwd } = cli;
  // Named as the user wrote it: a missing path outside any repository would otherwise be its
  // own root, and discovery could only call it '.'.
  const missing = paths.find(
    (given) => !lstatSync(path.resolve(cwd, given), { throwIfNoEntry: false }),
  );
  if (missing !== undefined) throw new UsageError(`path not found: ${missing}`);
  const root = findRoot(cwd, paths);
  const policy = loadPolicy({
    root,
    cwd,
    configFile: values.config && path.resolve(cwd, values.config),
    packs: values.policy,
    failOn,
    ignoreFiles: values.ignorefile?.map((file) => path.resolve(cwd, file)),
  });
  const relativePaths = paths.map((p) => path.relative(root, path.resolve(cwd, p)) || '.');
  const gate = oneOf('gate', values.gate, ['new', 'all'] as const);
  if (gate && !values.base) throw new UsageError('--gate needs --base');
  if (values.kubeconfig && !values.cluster) throw new UsageError('--kubeconfig needs --cluster');
  // A bare name (`--helm helm3`) is looked up on PATH; a path is taken relative to here.
  const helm =
    values.helm && (/[\\/]/.test(values.helm) ? path.resolve(cwd, values.helm) : values.helm);
  const result = await scanInBoundedMemory({
    root,
    paths: relativePaths,
    policy,
    base: values.base,
    gate,
    // The repository the user named is theirs to trust, as the Action trusts its workspace: git's
    // ownership check would otherwise refuse it in a container, without the user's global config.
    tools: { ...toolEnvironment(cli.env, helm), trustedRepository: root },
    ...(values.cluster
      ? { cluster: { kubeconfig: values.kubeconfig && path.resolve(cwd, values.kubeconfig) } }
      : {}),
  });

  const toFile = values.output !== undefined;
  // Written piece by piece: a big scan's report is never one string in memory.
  const report =
    format === 'json'
      ? mapLazily(jsonReportChunks(result), jsonTextSafe)
      : format === 'sarif'
        ? mapLazily(sarifChunks(result), jsonTextSafe)
        : format === 'markdown'
          ? [renderJobSummary(result, { gate: gate ?? 'all' })]
          : tableLines(result, {
              color: !toFile && useColor(cli.env, cli.stdout.isTTY === true),
              showSuppressed: values['show-suppressed'] === true,
              gate: gate ?? 'all',
            });
  if (toFile) {
    // Never through a link a scanned pull request committed under that name (write-file.ts).
    await writeReportFile(path.resolve(cwd, values.output!), report);
    cli.stderr.write(
      `${TOOL_NAME}: ${result.summary.new !== undefined ? `${result.summary.new} new of ` : ''}${result.summary.total} findings, gate ${result.summary.failed ? 'failed' : 'passed'}; report written to ${values.output}\n`,
    );
  } else {
    await writeChunks(report, cli.stdout).catch((error: unknown) => {
      // The reader went away (`| head`): like any filter, stop writing; the gate still decides.
      if ((error as { code?: string }).code !== 'EPIPE') throw error;
    });
  }
  return result.summary.failed ? 1 : 0;
}

/** `eval EXPRESSION --object FILE`: prints the value (exit 0) or the error with its position. */
function runEval(
  args: string[],
  values: { object?: string; 'namespace-object'?: string; 'kubernetes-version'?: string },
  cli: CliIo,
): number {
  if (args.length !== 1) throw new UsageError('eval takes one expression (quote it)');
  const read = (file: string | undefined) => {
    if (file === undefined) return { object: null };
    let text: string;
    try {
      text = readFileSync(path.resolve(cli.cwd, file), 'utf8');
    } catch (error) {
      throw new UsageError(
        `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? error}`,
      );
    }
    const { object, error } = readObjectText(text, file);
    if (error) throw new UsageError(error);
    return { object };
  };
  if (!values.object) throw new UsageError('eval needs --object FILE');
  const version = values['kubernetes-version'] ?? DEFAULT_KUBERNETES_VERSION;
  try {
    parseKubernetesMinor(version);
  } catch (error) {
    throw new UsageError(`--kubernetes-version: ${(error as Error).message}`);
  }
  const outcome = evalExpression(
    args[0]!,
    {
      object: read(values.object).object,
      namespaceObject: read(values['namespace-object']).object,
    },
    version,
  );
  (outcome.ok ? cli.stdout : cli.stderr).write(`${outcome.text}\n`);
  return outcome.ok ? 0 : outcome.phase === 'runtime' ? 1 : 2;
}
