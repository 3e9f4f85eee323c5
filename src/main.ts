// The Action entry: reads inputs, runs the same scan as the CLI over the workspace, writes the
// job summary and outputs, and fails the step when the gate fails.
import * as core from '@actions/core';
import { ConfigError } from './config/errors.js';
import { loadPolicy } from './config/policy.js';
import { FAIL_ON_VALUES, type FailOn } from './model.js';
import { renderJobSummary } from './report/markdown.js';
import { scan } from './scan.js';

/** Inputs that take several values accept newlines, commas or spaces between them. */
function listInput(name: string): string[] {
  return core
    .getInput(name)
    .split(/[\s,]+/)
    .filter(Boolean);
}

async function run(): Promise<void> {
  const root = process.env.GITHUB_WORKSPACE || process.cwd();
  const failOnInput = core.getInput('fail-on');
  if (failOnInput && !(FAIL_ON_VALUES as readonly string[]).includes(failOnInput)) {
    core.setFailed(
      `input fail-on must be one of ${FAIL_ON_VALUES.join(', ')} (got '${failOnInput}')`,
    );
    return;
  }
  const policy = loadPolicy({
    root,
    configFile: core.getInput('config') || undefined,
    packs: listInput('policy'),
    failOn: (failOnInput || undefined) as FailOn | undefined,
    ignoreFiles: listInput('ignore-file'),
  });
  const result = await scan({ root, paths: listInput('paths'), policy });

  for (const error of result.errors) {
    const annotate = error.level === 'warning' ? core.warning : core.error;
    annotate(error.message, { file: error.file, startLine: error.line });
  }
  await core.summary.addRaw(renderJobSummary(result)).write();
  core.setOutput('findings', result.summary.total);
  core.setOutput('failed', result.summary.failed ? 'true' : 'false');
  if (result.summary.failed) {
    core.setFailed(
      `${result.summary.total} finding(s); some at or above '${result.summary.failOn}'. See the job summary.`,
    );
  } else {
    core.info(
      `kube-policy-gate passed: ${result.summary.total} finding(s) below '${result.summary.failOn}'.`,
    );
  }
}

run().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    for (const problem of error.problems) {
      core.error(problem.message, {
        file: problem.file,
        startLine: problem.line,
        title: problem.key,
      });
    }
    core.setFailed(`invalid configuration:\n${error.message}`);
  } else {
    core.setFailed(`kube-policy-gate: ${(error as Error).message ?? error}`);
  }
});
