// The Action entry. `mode: scan` (default) runs the same scan as the CLI over the workspace —
// on a pull request against its base commit, so findings are new or existing — writes the job
// summary, SARIF and JSON files and outputs first, then posts the sticky comment and the check
// run, and fails the step when the gate fails. `mode: report` posts a JSON report made by an
// untrusted run (a fork's pull request) without checking out any of its code.
// First: on an unsupported Node.js it exits with one clear line before any other module runs.
import './version.js';
import { createHash } from 'node:crypto';
import path from 'node:path';
import * as core from '@actions/core';
import { loadPolicy } from './config/policy.js';
import { gitChangedLines, patchChangedLines, type ChangedLines } from './diff/changed-lines.js';
import { CHECK_OUTPUT_MAX_BYTES, createCheckRun } from './github/checks.js';
import {
  createClient,
  isPermissionDenied,
  isRateLimited,
  rateLimitReset,
  statusOf,
  type GitHubClient,
} from './github/client.js';
import { GITHUB_ACTIONS_LOGIN, stickyMarker, upsertStickyComment } from './github/comment.js';
import {
  findRunPullRequest,
  pullRequestOf,
  readEventContext,
  workflowRunOf,
  type EventContext,
  type PullRequestRef,
} from './github/event.js';
import { listPullRequestFiles } from './github/pull-files.js';
import { FAIL_ON_VALUES, type FailOn } from './model.js';
import {
  ANNOTATION_MODES,
  annotationBudget,
  annotationPath,
  planWorkflowAnnotations,
  selectAnnotated,
  toCheckAnnotation,
  WorkflowAnnotationBudget,
  type AnnotationMode,
} from './report/annotations.js';
import { renderComment } from './report/comment.js';
import { readUntrustedReportFile } from './report/untrusted.js';
import { jsonTextSafe, plainText, truncateChars } from './report/escape.js';
import { jsonReportChunks } from './report/json.js';
import { renderJobSummary, verdict } from './report/markdown.js';
import { sarifChunks } from './report/sarif.js';
import { mapLazily } from './report/stream.js';
import { describeFailure } from './report/failure.js';
import { writeReportFile } from './report/write-file.js';
import type { ScanResult } from './scan.js';
import { scanInBoundedMemory } from './engine.js';
import { workflowKubeconfig } from './sources/cluster.js';
import { toolEnvironment, type ToolEnvironment } from './sources/tools.js';

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
  return createClient(inputs.token, {
    baseUrl: process.env.GITHUB_API_URL || undefined,
    retryBaseMs,
  });
}

/** Annotations written through @actions/core, counted against GitHub's per-level limit. */
function coreAnnotations(): WorkflowAnnotationBudget {
  return new WorkflowAnnotationBudget((level, message, place) => core[level](message, place));
}

/** Where the job summary sends a reader for what it had to leave out. */
function fullReportWhere(inputs: Inputs): string {
  const files = [inputs.jsonFile && inputs.mode === 'scan' ? inputs.jsonFile : '', inputs.sarifFile]
    .filter(Boolean)
    .map((file) => `\`${plainText(file!).replace(/`/g, "'")}\``);
  return files.length
    ? `${files.join(' and ')} (this step's report files)`
    : 'the JSON report (`--format json`)';
}

/** Job summary, SARIF, JSON and outputs: written before any API call, so none can lose them. */
async function writeReports(
  result: ScanResult,
  inputs: Inputs,
  root: string,
  gateOn: 'new' | 'all',
): Promise<void> {
  if (process.env.GITHUB_STEP_SUMMARY) {
    await core.summary
      .addRaw(renderJobSummary(result, { gate: gateOn, fullReport: fullReportWhere(inputs) }))
      .write();
  }
  // Streamed, and never through a link the pull request committed (write-file.ts).
  const write = async (name: string, file: string, chunks: Iterable<string>) => {
    const target = path.resolve(root, file);
    await writeReportFile(target, mapLazily(chunks, jsonTextSafe), root);
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

/** The check run's summary with each batch of annotations but the last: short, it is replaced. */
function batchSummary(result: ScanResult, gateOn: 'new' | 'all', omitted: number) {
  const head = verdict(result, gateOn);
  return (sent: number, total: number) =>
    `${head}\n\nAnnotations: ${sent} of ${total} sent so far${omitted ? ` (${omitted} more left out)` : ''}; the full summary follows with the last batch.\n`;
}

/**
 * The sticky comment and the check run. Failures are warnings, never the step's result: a 403
 * (a read-only token, a fork's pull request) is reported once, with what to change; a rate
 * limit that does not lift soon stops the posting, and the step says what it could not post.
 */
async function publish(
  result: ScanResult,
  inputs: Inputs,
  gateOn: 'new' | 'all',
  context: PublishContext,
  budget: WorkflowAnnotationBudget,
): Promise<void> {
  const { event, pr, octokit, headSha } = context;
  const selected = selectAnnotated(result.findings, inputs.annotations, context.changed);
  const { annotated, omitted } = annotationBudget(selected, context.changed);
  const denied: string[] = [];
  const limited: string[] = [];
  let resetAt: Date | undefined;
  const failed = (what: string, error: unknown) => {
    if (isRateLimited(error)) {
      limited.push(what);
      resetAt = rateLimitReset(error) ?? resetAt;
    } else if (isPermissionDenied(error)) denied.push(what);
    else {
      const status = statusOf(error);
      budget.warning(
        `kube-policy-gate could not ${what}${status ? ` (HTTP ${status})` : ''}: ${plainText(truncateChars(String((error as Error).message), 500))}`,
      );
    }
  };

  let checkRunPosted = false;
  if (octokit && headSha && inputs.annotations !== 'none') {
    try {
      const fullReport = context.runUrl
        ? `the [job summary](${context.runUrl})`
        : 'the job summary';
      const summaryText = renderJobSummary(result, {
        gate: gateOn,
        maxBytes: CHECK_OUTPUT_MAX_BYTES,
        fullReport,
      });
      const run = await createCheckRun(octokit, {
        owner: event.owner,
        repo: event.repo,
        headSha,
        conclusion: result.summary.failed ? 'failure' : 'success',
        title: verdict(result, gateOn).replace(/[*`]|:\w+: /g, ''),
        summary: omitted
          ? `${summaryText}\n_${omitted} finding(s) not annotated (at most ${annotated.length} annotations, most severe and changed lines first); ${fullReport} lists every finding._\n`
          : summaryText,
        batchSummary: batchSummary(result, gateOn, omitted),
        annotations: annotated.map(toCheckAnnotation),
        externalId: configIdentity(inputs),
        appSlug: GITHUB_ACTIONS_LOGIN.replace(/\[bot\]$/, ''),
        ...(context.runUrl ? { detailsUrl: context.runUrl } : {}),
      });
      checkRunPosted = true;
      core.info(
        `Check run kube-policy-gate ${run.action}: ${annotated.length} annotation(s)${omitted ? ` (${omitted} left out)` : ''} in ${run.requests} request(s). ${run.url}`,
      );
    } catch (error) {
      failed('create the check run', error);
    }
  }

  if (octokit && pr && inputs.comment !== 'never' && !limited.length) {
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
        { create, author: GITHUB_ACTIONS_LOGIN },
      );
      core.info(`Pull request comment: ${posted.action}${posted.url ? ` (${posted.url})` : ''}.`);
    } catch (error) {
      failed('post the pull request comment', error);
    }
  } else if (octokit && pr && inputs.comment !== 'never') {
    limited.push('post the pull request comment');
  }

  if (limited.length) {
    const when = resetAt ? ` (it lifts at ${resetAt.toISOString()})` : '';
    budget.warning(
      `kube-policy-gate: GitHub's API rate limit was reached${when}, so it did not ${[...new Set(limited)].join(' or ')}. ` +
        'The job summary, annotations, files and outputs are complete, and the gate still decides the result; re-run the job later to post them.',
    );
  }
  if (denied.length) {
    budget.warning(
      `kube-policy-gate: the token may not ${denied.join(' or ')} (HTTP 403). ` +
        'Grant the job `pull-requests: write` and `checks: write`; pull requests from forks get a read-only token, ' +
        'so use the two-workflow setup in docs/action.md (a `workflow_run` job with `mode: report`). ' +
        'The job summary, annotations, files and outputs are complete, and the gate still decides the result.',
    );
  }

  // The visible fallback: workflow-command annotations, when no check run carries them.
  if (!checkRunPosted && selected.length) {
    const plan = planWorkflowAnnotations(
      selected,
      budget.left(result.summary.failed ? 1 : 0),
      'the job summary lists every finding',
    );
    for (const { level, message, title, file, line } of plan.annotations) {
      budget.annotate(level, message, { title, file, startLine: line });
    }
    if (plan.notice) budget.notice(plan.notice);
  }
}

async function changedLinesFor(
  root: string,
  pr: PullRequestRef,
  context: { event: EventContext; octokit?: GitHubClient; tools: ToolEnvironment },
): Promise<ChangedLines | undefined> {
  try {
    return await gitChangedLines(root, pr.baseSha, context.tools);
  } catch (error) {
    core.info(
      `git diff against the base failed (${plainText(String((error as Error).message))}); asking the API.`,
    );
  }
  return listFilesChangedLines(pr, context);
}

async function listFilesChangedLines(
  pr: PullRequestRef,
  { event, octokit }: { event: EventContext; octokit?: GitHubClient },
): Promise<ChangedLines | undefined> {
  if (!octokit) return undefined;
  try {
    const files = await listPullRequestFiles(octokit, {
      owner: event.owner,
      repo: event.repo,
      number: pr.number,
    });
    return patchChangedLines(files);
  } catch (error) {
    core.info(
      `Could not list the pull request's files (${plainText(String((error as Error).message))}).`,
    );
    return undefined;
  }
}

/**
 * Scan warnings (unreadable files, expired exceptions) share the step's 10 annotations per
 * level with the findings: one annotation says how many there are (the only one, when there
 * is one), and the job summary lists them all.
 */
function reportErrors(result: ScanResult, budget: WorkflowAnnotationBudget): void {
  const { errors } = result;
  if (!errors.length) return;
  const hasError = errors.some((error) => error.level !== 'warning');
  const annotate = hasError ? budget.error.bind(budget) : budget.warning.bind(budget);
  if (errors.length === 1) {
    const [error] = errors;
    annotate(plainText(error.message), { file: annotationPath(error.file), startLine: error.line });
    return;
  }
  const unreadable = errors.filter((error) => error.level !== 'warning').length;
  const shown = errors
    .slice(0, 3)
    .map((error) =>
      plainText(
        `${error.file}${error.line ? `:${error.line}` : ''}: ${truncateChars(error.message, 120)}`,
      ),
    );
  annotate(
    `kube-policy-gate: ${errors.length} scan warning(s)${unreadable ? `, ${unreadable} of them files that could not be read` : ''}; the job summary lists them all. First: ${shown.join('; ')}${errors.length > 3 ? '; …' : ''}`,
    { title: `${errors.length} scan warnings` },
  );
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
  // The workflow checked the workspace out: git may open it whoever owns it (src/diff/git.ts).
  const tools = { ...toolEnvironment(process.env, inputs.helm), trustedRepository: root };
  const result = await scanInBoundedMemory({
    root,
    paths: inputs.paths,
    policy,
    tools,
    ...(inputs.kubeconfig
      ? { cluster: { kubeconfig: workflowKubeconfig(inputs.kubeconfig, root) } }
      : {}),
    ...(pr ? { base: pr.baseSha, gate: gateOn } : {}),
  });

  const budget = coreAnnotations();
  reportErrors(result, budget);
  const published = result.fixed ? gateOn : 'all';
  await writeReports(result, inputs, root, published);

  const octokit = client(inputs);
  const changed =
    pr && inputs.annotations === 'changed-lines'
      ? await changedLinesFor(root, pr, { event, octokit, tools })
      : undefined;
  // Only pull requests get a check run: on a push the job's own annotations are the report.
  await publish(
    result,
    inputs,
    published,
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
  const result = readUntrustedReportFile(
    path.resolve(root, inputs.jsonFile),
    inputs.gate ?? 'auto',
  );
  const budget = coreAnnotations();
  const gateOn = inputs.gate ?? (result.fixed ? 'new' : 'all');
  await writeReports(result, inputs, root, gateOn);

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

/** The Action: the entry point (src/index.ts) calls this and nothing else. */
export async function run(): Promise<void> {
  try {
    const inputs = readInputs();
    const event = readEventContext(process.env);
    if (inputs.mode === 'report') await runReport(inputs, event);
    else await runScan(inputs, event);
  } catch (error) {
    failStep(error);
  }
}

/** Problems listed as annotations, at most this many (GitHub keeps 10 errors per step). */
const MAX_PROBLEM_ANNOTATIONS = 8;

function failStep(error: unknown): void {
  const failure = describeFailure(error, [InputError]);
  if (failure.kind === 'configuration') {
    for (const problem of failure.problems.slice(0, MAX_PROBLEM_ANNOTATIONS)) {
      core.error(plainText(problem.message), {
        file: annotationPath(problem.file),
        startLine: problem.line,
        title: problem.key,
      });
    }
    core.setFailed(`invalid configuration:\n${failure.message}`);
  } else if (failure.kind === 'internal') {
    if (process.env.KPG_DEBUG) console.error(error);
    core.setFailed(`kube-policy-gate: ${failure.message}`);
  } else {
    core.setFailed(failure.message);
  }
}
