// The JSON report: the contract in DESIGN.md, `{ version: 1, tool, summary, findings, suppressed, errors }`.
import type { ScanResult } from '../scan.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';

export function renderJson(result: ScanResult): string {
  const report = {
    version: 1,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    summary: result.summary,
    findings: result.findings,
    suppressed: result.suppressed,
    errors: result.errors,
    // Only with --base: what the change fixed.
    ...(result.fixed ? { fixed: result.fixed } : {}),
  };
  return JSON.stringify(report, null, 2) + '\n';
}
