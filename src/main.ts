// The Action entry. `mode: scan` (default) runs the same scan as the CLI over the workspace —
// on a pull request against its base commit, so findings are new or existing — writes the job
// summary, SARIF and JSON files and outputs first, then posts the sticky comment and the check
// run, and fails the step when the gate fails. `mode: report` posts a JSON report made by an
// untrusted run (a fork's pull request) without checking out any of its code.
import { createHash } from 'node:crypto';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as core from '@actions/core';
import { ConfigError } from './config/errors.js';
import { loadPolicy } from './config/policy.js';
import { gitChangedLines, patchChangedLines, type ChangedLines } from './diff/changed-lines.js';
import { createCheckRun } from './github/checks.js';
import { createClient, isPermissionDenied, statusOf, type GitHubClient } from './github/client.js';
import { stickyMarker, upsertStickyComment } from './github/comment.js';
import {
  findRunPullRequest,
  pullRequestOf,
  readEventContext,
  workflowRunOf,
  type EventContext,
  type PullRequestRef,
} from './github/event.js';
import { ReportError, readUntrustedReport } from './github/report-input.js';
import { FAIL_ON_VALUES, type FailOn } from './model.js';
import {
  ANNOTATION_MODES,
  planWorkflowAnnotations,
  selectAnnotated,
  toCheckAnnotation,
  WORKFLOW_ANNOTATIONS_PER_LEVEL,
  type AnnotationMode,
} from './report/annotations.js';
import { renderComment, verdict } from './report/comment.js';
import { jsonReportChunks } from './report/json.js';
import { renderJobSummary } from './report/markdown.js';
import { sarifChunks } from './report/sarif.js';
import { writeChunks } from './report/stream.js';
import type { ScanResult } from './scan.js';
import { scanInWorker, serveScanWorker } from './scan-worker.js';
import { workflowKubeconfig } from './sources/cluster.js';
import { HelmUnavailableError } from './sources/helm/index.js';

const COMMENT_MODES = ['on-findings', 'always', 'never'] as const;
const GATES = ['new', 'all'] as const;
const MODES = ['scan', 'report'] as const;

class InputError extends Error {}

/** Inputs that take several values accept newlines, commas or spaces between them. */
function listInput(name: string): string[] {
  return core
    .getInput(name)
    .split(/[\s,]+/)
    .filter(Boolean);
}

function choiceInput<T extends string>(name: string, allowed: readonly T[]): T | undefined {
  const value = core.getInput(name);
  if (!value) return undefined;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new InputError(`input ${name} must be one of ${allowed.join(', ')} (got '${value}')`);
  }
  return value as T;
}

interface Inputs {
  mode: (typeof MODES)[number];
  paths: string[];
  packs: string[];
  config?: string;
  failOn?: FailOn;
  gate?: 'new' | 'all';
  comment: (typeof COMMENT_MODES)[number];
  annotations: AnnotationMode;
  sarifFile?: string;
  jsonFile?: string;
  helm?: string;
  /** A kubeconfig the workflow wrote: the live cluster's admission configuration applies too. */
  kubeconfig?: string;
  token: string;
}

function readInputs(): Inputs {
  return {
    mode: choiceInput('mode', MODES) ?? 'scan',
    paths: listInput('paths'),
    packs: listInput('policy'),
    config: core.getInput('config') || undefined,
    failOn: choiceInput('fail-on', FAIL_ON_VALUES),
    gate: choiceInput('gate', GATES),
    comment: choiceInput('comment', COMMENT_MODES) ?? 'on-findings',
    annotations: choiceInput('annotations', ANNOTATION_MODES) ?? 'changed-lines',
    sarifFile: core.getInput('sarif-file') || undefined,
    jsonFile: core.getInput('json-file') || undefined,
    helm: core.getInput('helm') || undefined,
    kubeconfig: core.getInput('kubeconfig') || undefined,
    token: core.getInput('github-token'),
  };
}

/** One comment per configuration: two jobs with different policies keep separate comments. */
function configIdentity(inputs: Inputs): string {
  const key = JSON.stringify([inputs.config ?? '', inputs.packs, inputs.paths]);
  const name = (inputs.config ?? 'default').replace(/-{2,}/g, '-');
  return `${name}:${createHash('sha256').update(key).digest('hex').slice(0, 10)}`;
}

function client(inputs: Inputs): GitHubClient | undefined {
  if (!inputs.token) return undefined;
  // Tests make the backoff tiny; on GitHub it is Octokit's default of seconds.
  const retryBaseMs = Number(process.env.KPG_GITHUB_RETRY_BASE_MS) || undefined;
  return createClient(inputs.token, { retryBaseMs });
}

/** Counts what the step already annotated, so the findings get what is left of each level. */
class AnnotationBudget {
  used = { error: 0, warning: 0, notice: 0 };
  error(message: string, properties: core.AnnotationProperties = {}): void {
    this.used.error++;
    core.error(message, properties);
  }
  warning(message: string, properties: core.AnnotationProperties = {}): void {
    this.used.warning++;
    core.warning(message, properties);
  }
  left(reserveError: number) {
    const max = WORKFLOW_ANNOTATIONS_PER_LEVEL;
    return {
      error: max - this.used.error - reserveError,
      warning: max - this.used.warning,
      notice: max - this.used.notice,
    };
  }
}

/** Job summary, SARIF, JSON and outputs: written before any API call, so none can lose them. */
async function writeReports(result: ScanResult, inputs: Inputs, root: string): Promise<void> {
  if (process.env.GITHUB_STEP_SUMMARY) {
    await core.summary.addRaw(renderJobSummary(result)).write();
  }
  // Streamed: a big scan's report is never one string in memory.
  const write = async (name: string, file: string, chunks: Iterable<string>) => {
    const target = path.resolve(root, file);
    mkdirSync(path.dirname(target), { recursive: true });
    await writeChunks(chunks, createWriteStream(target), { end: true });
    core.setOutput(name, target);
  };
  if (inputs.sarifFile) await write('sarif-file', inputs.sarifFile, sarifChunks(result));
  if (inputs.jsonFile && inputs.mode === 'scan') {
    await write('json-file', inputs.jsonFile, jsonReportChunks(result));
  }
  core.setOutput('findings', result.summary.total);
  core.setOutput('new-findings', result.summary.new ?? result.summary.total);
  core.setOutput('failed', result.summary.failed ? 'true' : 'false');
}

interface PublishContext {
  event: EventContext;
  pr?: PullRequestRef;
  /** Head commit for the check run and the comment's line links. */
  headSha?: string;
  /** Where the job summary is. */
  runUrl?: string;
  changed?: ChangedLines;
  octokit?: GitHubClient;
}

/**
 * The sticky comment and the check run. Failures are warnings, never the step's result: a 403
 * (a read-only token, a fork's pull request) is reported once, with what to change.
 */
async function publish(
  result: ScanResult,
  inputs: Inputs,
  gateOn: 'new' | 'all',
  context: PublishContext,
  budget: AnnotationBudget,
): Promise<void> {
  const { event, pr, octokit, headSha } = context;
  const annotated = selectAnnotated(result.findings, inputs.annotations, context.changed);
  const denied: string[] = [];
  const failed = (what: string, error: unknown) => {
    if (isPermissionDenied(error)) denied.push(what);
    else {
      const status = statusOf(error);
      budget.warning(
        `kube-policy-gate could not ${what}${status ? ` (HTTP ${status})` : ''}: ${(error as Error).message}`,
      );
    }
  };

  let checkRunPosted = false;
  if (octokit && headSha && inputs.annotations !== 'none') {
    try {
      const run = await createCheckRun(octokit, {
        owner: event.owner,
        repo: event.repo,
        headSha,
        conclusion: result.summary.failed ? 'failure' : 'success',
        title: verdict(result, gateOn).replace(/[*`]|:\w+: /g, ''),
        summary: renderJobSummary(result),
        annotations: annotated.map(toCheckAnnotation),
        ...(context.runUrl ? { detailsUrl: context.runUrl } : {}),
      });
      checkRunPosted = true;
      core.info(
        `Check run kube-policy-gate: ${annotated.length} annotation(s) in ${run.requests} request(s). ${run.url}`,
      );
    } catch (error) {
      failed('create the check run', error);
    }
  }

  if (octokit && pr && inputs.comment !== 'never') {
    const marker = stickyMarker(configIdentity(inputs));
    const body = renderComment(result, {
      marker,
      gate: gateOn,
      links: {
        serverUrl: event.serverUrl,
        owner: event.owner,
        repo: event.repo,
        headSha: pr.headSha,
        ...(context.runUrl ? { runUrl: context.runUrl } : {}),
      },
    });
    // on-findings: post when there is something to say; an existing comment is always kept
    // current, so it turns to "all clear" when the findings are gone.
    const create =
      inputs.comment === 'always' || result.findings.length > 0 || result.errors.length > 0;
    try {
      const posted = await upsertStickyComment(
        octokit,
        { owner: event.owner, repo: event.repo, issueNumber: pr.number },
        marker,
        body,
        { create },
      );
      core.info(`Pull request comment: ${posted.action}${posted.url ? ` (${posted.url})` : ''}.`);
    } catch (error) {
      failed('post the pull request comment', error);
    }
  }

  if (denied.length) {
    budget.warning(
      `kube-policy-gate: the token may not ${denied.join(' or ')} (HTTP 403). ` +
        'Grant the job `pull-requests: write` and `checks: write`; pull requests from forks get a read-only token, ' +
        'so use the two-workflow setup in the README (a `workflow_run` job with `mode: report`). ' +
        'The job summary, annotations, files and outputs are complete, and the gate still decides the result.',
    );
  }

  // The visible fallback: workflow-command annotations, when no check run carries them.
  if (!checkRunPosted && annotated.length) {
    const plan = planWorkflowAnnotations(
      annotated,
      budget.left(result.summary.failed ? 1 : 0),
      'the job summary lists every finding',
    );
    for (const annotation of plan.annotations) {
      const properties = {
        title: annotation.title,
        file: annotation.file,
        startLine: annotation.line,
      };
      if (annotation.level === 'error') core.error(annotation.message, properties);
      else if (annotation.level === 'warning') core.warning(annotation.message, properties);
      else core.notice(annotation.message, properties);
    }
    if (plan.notice) core.notice(plan.notice);
  }
}

async function changedLinesFor(
  root: string,
  pr: PullRequestRef,
  context: { event: EventContext; octokit?: GitHubClient },
): Promise<ChangedLines | undefined> {
  try {
    return await gitChangedLines(root, pr.baseSha);
  } catch (error) {
    core.info(`git diff against the base failed (${(error as Error).message}); asking the API.`);
  }
  return listFilesChangedLines(pr, context);
}

async function listFilesChangedLines(
  pr: PullRequestRef,
  { event, octokit }: { event: EventContext; octokit?: GitHubClient },
): Promise<ChangedLines | undefined> {
  if (!octokit) return undefined;
  try {
    const files = await octokit.paginate(octokit.rest.pulls.listFiles, {
      owner: event.owner,
      repo: event.repo,
      pull_number: pr.number,
      per_page: 100,
    });
    return patchChangedLines(files);
  } catch (error) {
    core.info(`Could not list the pull request's files (${(error as Error).message}).`);
    return undefined;
  }
}

function reportErrors(result: ScanResult, budget: AnnotationBudget): void {
  for (const error of result.errors) {
    const properties = { file: error.file, startLine: error.line };
    if (error.level === 'warning') budget.warning(error.message, properties);
    else budget.error(error.message, properties);
  }
}

function finish(result: ScanResult, failStep: boolean): void {
  const { summary } = result;
  const counted =
    summary.new !== undefined ? `${summary.new} new of ${summary.total}` : `${summary.total}`;
  if (summary.failed && failStep) {
    core.setFailed(
      `${counted} finding(s); some at or above '${summary.failOn}'. See the job summary.`,
    );
  } else {
    core.info(
      `kube-policy-gate ${summary.failed ? 'failed' : 'passed'}: ${counted} finding(s), fail-on '${summary.failOn}'.`,
    );
  }
}

async function runScan(inputs: Inputs, event: EventContext): Promise<void> {
  const root = process.env.GITHUB_WORKSPACE || process.cwd();
  const pr = pullRequestOf(event);
  const policy = loadPolicy({
    root,
    configFile: inputs.config,
    packs: inputs.packs,
    failOn: inputs.failOn,
    ignoreFiles: listInput('ignore-file'),
  });
  const gateOn = inputs.gate ?? (pr ? 'new' : 'all');
  const result = await scanInWorker({
    root,
    paths: inputs.paths,
    policy,
    helm: inputs.helm,
    ...(inputs.kubeconfig
      ? { cluster: { kubeconfig: workflowKubeconfig(inputs.kubeconfig, root) } }
      : {}),
    ...(pr ? { base: pr.baseSha, gate: gateOn } : {}),
  });

  const budget = new AnnotationBudget();
  reportErrors(result, budget);
  await writeReports(result, inputs, root);

  const octokit = client(inputs);
  const changed =
    pr && inputs.annotations === 'changed-lines'
      ? await changedLinesFor(root, pr, { event, octokit })
      : undefined;
  // Only pull requests get a check run: on a push the job's own annotations are the report.
  await publish(
    result,
    inputs,
    result.fixed ? gateOn : 'all',
    { event, pr, headSha: pr?.headSha, runUrl: event.runUrl, changed, octokit },
    budget,
  );
  finish(result, true);
}

/**
 * `mode: report`, in a `workflow_run` job: reads the JSON report artifact (untrusted), finds
 * the pull request from the event, and posts the comment and check run. The scan job already
 * decided the step result; this one fails only when it cannot read the report.
 */
async function runReport(inputs: Inputs, event: EventContext): Promise<void> {
  if (!inputs.jsonFile)
    throw new InputError('mode: report needs the json-file input (the report to post)');
  const root = process.env.GITHUB_WORKSPACE || process.cwd();
  const result = readUntrustedReport(
    readFileSync(path.resolve(root, inputs.jsonFile), 'utf8'),
    inputs.gate ?? 'auto',
  );
  const budget = new AnnotationBudget();
  await writeReports(result, inputs, root);

  const octokit = client(inputs);
  const run = workflowRunOf(event);
  let pr = pullRequestOf(event);
  if (!pr && run && octokit) pr = await findRunPullRequest(octokit, event, run);
  if (!pr) {
    budget.warning(
      "kube-policy-gate: no open pull request has this run's head commit; nothing to comment on.",
    );
  }
  const changed =
    pr && inputs.annotations === 'changed-lines'
      ? await listFilesChangedLines(pr, { event, octokit })
      : undefined;
  const gateOn = inputs.gate ?? (result.fixed ? 'new' : 'all');
  await publish(
    result,
    inputs,
    gateOn,
    {
      event,
      pr,
      headSha: pr?.headSha,
      runUrl: run?.html_url ?? event.runUrl,
      changed,
      octokit,
    },
    budget,
  );
  finish(result, false);
}

async function run(): Promise<void> {
  const inputs = readInputs();
  const event = readEventContext();
  if (inputs.mode === 'report') await runReport(inputs, event);
  else await runScan(inputs, event);
}

// In a scan worker this bundle started (src/scan-worker.ts), only the scan runs.
if (!(await serveScanWorker())) {
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
    } else if (
      error instanceof InputError ||
      error instanceof ReportError ||
      error instanceof HelmUnavailableError
    ) {
      core.setFailed(error.message);
    } else {
      if (process.env.KPG_DEBUG) console.error(error);
      core.setFailed(`kube-policy-gate: ${(error as Error).message ?? error}`);
    }
  });
}
