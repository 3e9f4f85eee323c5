// A JSON report from an untrusted run (`mode: report`), checked field by field
// (github/report-input.ts), with the gate recomputed from its findings.
import { closeSync, fstatSync, openSync, readFileSync, constants } from 'node:fs';
import { MAX_REPORT_BYTES, parseUntrustedReport, ReportError } from '../github/report-input.js';
import { gate, type ScanResult } from '../gate.js';

/**
 * `gateOn` decides what the recomputed gate counts; `auto` counts new findings when the report
 * was made against a base.
 */
export function readUntrustedReport(text: string, gateOn: 'new' | 'all' | 'auto'): ScanResult {
  const { failOn, ...checked } = parseUntrustedReport(text);
  const on = gateOn === 'auto' ? (checked.fixed ? 'new' : 'all') : gateOn;
  return gate(checked, { failOn }, on);
}

/**
 * The report file: a regular file (not a link, FIFO or device) of bounded size, checked before
 * it is read, so a hostile artifact cannot make the step read gigabytes or hang.
 */
export function readUntrustedReportFile(file: string, gateOn: 'new' | 'all' | 'auto'): ScanResult {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    throw new ReportError(
      `cannot read the report ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new ReportError(`invalid report: ${file} is not a regular file`);
    if (stat.size > MAX_REPORT_BYTES) {
      throw new ReportError(`invalid report: ${file} is larger than ${MAX_REPORT_BYTES} bytes`);
    }
    return readUntrustedReport(readFileSync(fd, 'utf8'), gateOn);
  } finally {
    closeSync(fd);
  }
}
