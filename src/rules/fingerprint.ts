// A finding's identity that survives edits elsewhere in the file: no line numbers, only what
// the finding is about (rule, resource, container, chart and values set, the file it came from).
import { hash } from 'node:crypto';
import type { Finding } from '../model.js';

export function fingerprint(
  finding: Pick<Finding, 'ruleId' | 'resource' | 'container' | 'chart' | 'valuesSet' | 'message'>,
  identityFile: string,
): string {
  const { ruleId, resource, container, chart, valuesSet } = finding;
  const identity = resource
    ? [resource.kind, resource.namespace ?? '', resource.name]
    : // Without a resource (a Dockerfile, an unreadable file) the message names what is wrong.
      [finding.message];
  const key = [ruleId, identityFile, chart ?? '', valuesSet ?? '', ...identity, container ?? ''];
  // One-shot hash(): the same digest as createHash(), without a Hash object per finding.
  return hash('sha256', JSON.stringify(key), 'hex').slice(0, 32);
}
