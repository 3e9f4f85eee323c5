// A JSON report from an untrusted run (`mode: report`), checked field by field
// (github/report-input.ts), with the gate recomputed from its findings.
import { parseUntrustedReport } from '../github/report-input.js';
import { gate, type ScanResult } from '../scan.js';

/**
 * `gateOn` decides what the recomputed gate counts; `auto` counts new findings when the report
 * was made against a base.
 */
export function readUntrustedReport(text: string, gateOn: 'new' | 'all' | 'auto'): ScanResult {
  const { failOn, ...checked } = parseUntrustedReport(text);
  const on = gateOn === 'auto' ? (checked.fixed ? 'new' : 'all') : gateOn;
  return gate(checked, { failOn }, on);
}
