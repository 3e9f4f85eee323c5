// The evaluate stage: enabled rules over resources and Dockerfiles, each violation turned into
// a positioned Finding.
import type { Policy } from '../config/policy.js';
import type { Finding, ResourceRef, Severity, SourceKind } from '../model.js';
import type { DockerfileModel } from '../sources/dockerfile.js';
import type { K8sResource } from '../sources/resource.js';
import { fingerprint } from './fingerprint.js';
import { dockerRules } from './docker/index.js';
import { k8sRules } from './k8s/index.js';
import type { K8sViolation, RuleMeta } from './types.js';

export function evaluateResources(resources: readonly K8sResource[], policy: Policy): Finding[] {
  const findings: Finding[] = [];
  for (const rule of k8sRules) {
    const enabled = policy.rules.get(rule.meta.id);
    if (!enabled) continue;
    const options = { ...(rule.defaultOptions as object), ...enabled.options };
    if (rule.check) {
      for (const resource of resources) {
        for (const violation of rule.check(resource, options)) {
          findings.push(resourceFinding(rule.meta, enabled.severity, resource, violation));
        }
      }
    }
    if (rule.checkAll) {
      for (const { resource, ...violation } of rule.checkAll(resources, options)) {
        findings.push(resourceFinding(rule.meta, enabled.severity, resource, violation));
      }
    }
  }
  return findings;
}

export function resourceFinding(
  meta: RuleMeta,
  severity: Severity,
  resource: K8sResource,
  violation: K8sViolation,
): Finding {
  const { origin } = resource;
  const location = origin.locate(violation.path);
  return withFingerprint({
    ...findingBase(meta, severity, violation.message),
    file: location.file ?? origin.file,
    line: location.line,
    ...(location.endLine ? { endLine: location.endLine } : {}),
    source: location.source ?? origin.source,
    resource: resource.ref,
    ...(violation.container ? { container: violation.container } : {}),
    ...(origin.chart ? { chart: origin.chart, valuesSet: origin.valuesSet } : {}),
    ...(location.rendered ? { rendered: location.rendered } : {}),
    identityFile: origin.file,
  });
}

export function evaluateDockerfiles(
  dockerfiles: readonly DockerfileModel[],
  policy: Policy,
): Finding[] {
  const findings: Finding[] = [];
  for (const rule of dockerRules) {
    const enabled = policy.rules.get(rule.meta.id);
    if (!enabled) continue;
    const options = { ...(rule.defaultOptions as object), ...enabled.options };
    for (const dockerfile of dockerfiles) {
      for (const violation of rule.check(dockerfile, options)) {
        findings.push(
          withFingerprint({
            ...findingBase(rule.meta, enabled.severity, violation.message),
            file: dockerfile.file,
            line: violation.line,
            ...(violation.endLine && violation.endLine > violation.line
              ? { endLine: violation.endLine }
              : {}),
            source: 'dockerfile',
            identityFile: dockerfile.file,
          }),
        );
      }
    }
  }
  return findings;
}

/** A finding the engine itself raises about a file (KPG001 unreadable, KPG002 render failure). */
export function fileFinding(
  meta: RuleMeta,
  file: string,
  line: number,
  message: string,
  source: SourceKind,
  extra: { chart?: string; valuesSet?: string; resource?: ResourceRef } = {},
): Finding {
  return withFingerprint({
    ...findingBase(meta, meta.severity, message),
    file,
    line,
    source,
    ...extra,
    identityFile: file,
  });
}

function findingBase(meta: RuleMeta, severity: Severity, message: string) {
  return {
    ruleId: meta.id,
    aliases: [meta.name, ...meta.aliases],
    severity,
    title: meta.title,
    message,
  };
}

function withFingerprint({
  identityFile,
  ...finding
}: Omit<Finding, 'fingerprint'> & { identityFile: string }): Finding {
  return { ...finding, fingerprint: fingerprint(finding, identityFile) };
}
