// The data that flows through the pipeline (see docs/ARCHITECTURE.md): plain, serialisable values.

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** `none` never fails; otherwise findings at or above this severity fail the gate. */
export type FailOn = Severity | 'none';
export const FAIL_ON_VALUES: readonly FailOn[] = ['critical', 'high', 'medium', 'low', 'none'];

export function severityRank(severity: Severity): number {
  return SEVERITIES.length - SEVERITIES.indexOf(severity);
}

export function isAtOrAbove(severity: Severity, threshold: FailOn): boolean {
  return threshold !== 'none' && severityRank(severity) >= severityRank(threshold);
}

export type SourceKind =
  | 'manifest'
  | 'helm-template'
  | 'helm-values'
  | 'dockerfile'
  | 'kustomize-base'
  | 'kustomize-patch'
  | 'kustomization';

export interface ResourceRef {
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
}

export interface Finding {
  ruleId: string;
  aliases: string[];
  severity: Severity;
  title: string;
  message: string;
  /** Repository-relative, `/`-separated: where a human fixes it. */
  file: string;
  line: number;
  endLine?: number;
  source: SourceKind;
  resource?: ResourceRef;
  container?: string;
  chart?: string;
  valuesSet?: string;
  /** Every values set of the chart this same finding occurs in (`valuesSet` is the first). */
  valuesSets?: string[];
  /** The kustomization root (directory) whose build the finding is on. */
  overlay?: string;
  /** Every root the same finding occurs in (`overlay` is the first). */
  overlays?: string[];
  /** Position in the rendered Helm or kustomize output, when the finding is on rendered output. */
  rendered?: { file: string; line: number };
  /** Stable across line moves: rule, resource identity, container, chart, values set, file. */
  fingerprint: string;
  status?: 'new' | 'existing';
  /** ValidatingAdmissionPolicy findings: the audit annotations the API server would record for the
   *  request (`<policy>/<key>`, or `validation.policy.admission.k8s.io/validation_failure` for Audit). */
  auditAnnotations?: Record<string, string>;
  /** ValidatingAdmissionPolicy findings: the policy, the binding and the validation (index in
   *  spec.validations and its expression) the finding comes from, when there is one. */
  admission?: { policy: string; binding?: string; validation?: number; expression?: string };
}

/** A problem reading or rendering an input; it never hides other files' findings. */
export interface ScanError {
  file: string;
  line?: number;
  message: string;
  /** `warning`: reported, but the input was read (an unused or expired exception, a skipped symlink). */
  level?: 'warning';
}

/** The Kubernetes release a scan assumes unless the policy's `kubernetesVersion` names another:
 *  charts render for it (`helm template --kube-version`, so helm v3 and v4 agree) and CEL
 *  expressions compile with its libraries. A recent release, kept one behind the newest. */
export const DEFAULT_KUBERNETES_VERSION = '1.35.0';
