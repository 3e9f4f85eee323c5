// A finding's identity that survives edits elsewhere in the file: no line numbers, only what
// the finding is about (rule, resource, container, chart and values set, the file it came from).
// It is the first half of the sha256 of the JSON array
// `[ruleId, file, chart, valuesSet, kind, namespace, name, container]`
// (`[ruleId, file, chart, valuesSet, message, container]` without a resource). Building that
// JSON per finding was most of a finding's cost, so the part a resource's findings share is
// built once per resource (a FingerprintScope) and each finding adds its rule and container.
import { hash } from 'node:crypto';
import type { Finding, ResourceRef } from '../model.js';
import { flattened } from '../sources/strings.js';

/** The middle of the key, as JSON, shared by the findings of one resource (or one message). */
export type FingerprintScope = string;

export function fingerprint(
  finding: Pick<Finding, 'ruleId' | 'resource' | 'container' | 'chart' | 'valuesSet' | 'message'>,
  identityFile: string,
): string {
  const { ruleId, resource, container, chart, valuesSet } = finding;
  const scope = resource
    ? resourceFingerprintScope(identityFile, chart, valuesSet, resource)
    : // Without a resource (a Dockerfile, an unreadable file) the message names what is wrong.
      fingerprintScope([identityFile, chart ?? '', valuesSet ?? '', finding.message]);
  return scopedFingerprint(scope, ruleId, container);
}

export function resourceFingerprintScope(
  identityFile: string,
  chart: string | undefined,
  valuesSet: string | undefined,
  resource: Pick<ResourceRef, 'kind' | 'namespace' | 'name'>,
): FingerprintScope {
  return fingerprintScope([
    identityFile,
    chart ?? '',
    valuesSet ?? '',
    resource.kind,
    resource.namespace ?? '',
    resource.name,
  ]);
}

function fingerprintScope(fields: readonly string[]): FingerprintScope {
  return JSON.stringify(fields).slice(1, -1);
}

/** The fingerprint of a finding of `ruleId` (on `container`) in `scope`. */
export function scopedFingerprint(
  scope: FingerprintScope,
  ruleId: string,
  container: string | undefined,
): string {
  return ruleFingerprint(ruleKey(ruleId), scope, container);
}

/** The start of the key of every finding of `ruleId`: built once per rule, not per finding. */
export function ruleKey(ruleId: string): string {
  return `[${JSON.stringify(ruleId)},`;
}

/** scopedFingerprint with the rule's part of the key built already (ruleKey). */
export function ruleFingerprint(
  ruleKey: string,
  scope: FingerprintScope,
  container: string | undefined,
): string {
  // The same text as JSON.stringify of the whole key array; hash() reads it flat in one copy.
  const key = ruleKey + scope + ',' + JSON.stringify(container ?? '') + ']';
  // Hex then slices: three times faster than a Buffer's toString('hex', 0, 16). Kept with the
  // finding: flattened, or the slice would hold the whole 64-character hex string.
  const hex = hash('sha256', key, 'hex');
  return flattened(hex.slice(0, 12) + hex.slice(12, 32));
}
