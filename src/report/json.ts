// The JSON report: the contract in docs/ARCHITECTURE.md, `{ version: 1, tool, summary,
// findings, suppressed, errors }`.
// Written as a stream (`jsonReportChunks`): a big scan's report is not held as one string.
import type { ScanResult } from '../scan.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';
import { jsonChunks, materialize, streamedArray } from './stream.js';

const INDENT = 2;

/** The report with its lists as streamed arrays: `materialize` it for the plain object. */
function reportDocument(result: ScanResult) {
  return {
    version: 1,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    summary: result.summary,
    findings: streamedArray(result.findings),
    suppressed: streamedArray(result.suppressed),
    errors: streamedArray(result.errors),
    // Only with --base: what the change fixed.
    ...(result.fixed ? { fixed: streamedArray(result.fixed) } : {}),
  };
}

/** The report as one object, for code that reads it rather than writes it. */
export function jsonReport(result: ScanResult): unknown {
  return materialize(reportDocument(result));
}

/** The report's text in pieces; joined, exactly `renderJson`. */
export function* jsonReportChunks(result: ScanResult): Generator<string> {
  yield* jsonChunks(reportDocument(result), INDENT);
  yield '\n';
}

/** The report's text as one string: for small reports and tests. */
export function renderJson(result: ScanResult): string {
  return JSON.stringify(jsonReport(result), null, INDENT) + '\n';
}
