// Rules the engine itself reports: an input it could not read must not pass silently.
import type { RuleMeta } from './types.js';

export const unreadableFile: RuleMeta & { target: 'kubernetes' } = {
  target: 'kubernetes',
  id: 'KPG001',
  name: 'unreadable-file',
  aliases: [],
  severity: 'high',
  title: 'File could not be read',
  description:
    'A file in the scanned paths is not valid YAML, is binary, is over the size limit or was refused (an alias bomb), or is not a regular file (a FIFO, socket or device), or a directory could not be read.',
  rationale:
    'A gate that skips what it cannot read passes it unchecked: Kubernetes would reject or mis-read the same file, so the PR fails closed until the file is fixed or excluded.',
  fix: 'Fix the syntax error the message names, or add the file to `exclude` in the policy file if it is not a Kubernetes manifest.',
};

export const chartRenderFailed: RuleMeta & { target: 'kubernetes' } = {
  target: 'kubernetes',
  id: 'KPG002',
  name: 'chart-render-failed',
  aliases: [],
  severity: 'high',
  title: 'Helm chart failed to render',
  description: '`helm template` failed for a chart and values set.',
  rationale:
    'What cannot be rendered cannot be checked; the gate fails closed rather than passing an unchecked chart.',
  fix: "Fix the template or values error in helm's message, or run `helm dependency build` for missing dependencies.",
};

export const kustomizeRenderFailed: RuleMeta & { target: 'kubernetes' } = {
  target: 'kubernetes',
  id: 'KPG003',
  name: 'kustomize-render-failed',
  aliases: [],
  severity: 'high',
  title: 'Kustomization failed to render',
  description:
    'kustomize could not build a root kustomization, or the root needs a remote base (git, HTTP or OCI), which a scan never fetches.',
  rationale:
    'What cannot be rendered cannot be checked; the gate fails closed rather than passing an overlay it never saw.',
  fix: "Fix the error in kustomize's message (run `kustomize build DIR` or `kubectl kustomize DIR`). For a remote base, vendor it into the repository (`kustomize localize` copies remote bases into a local directory) and refer to the local copy.",
};

export const duplicateKey: RuleMeta & { target: 'kubernetes' } = {
  target: 'kubernetes',
  id: 'KPG004',
  name: 'duplicate-key',
  aliases: [],
  severity: 'medium',
  title: 'Key set twice in one mapping',
  description:
    'A key appears more than once in one YAML mapping of a manifest or rendered chart, or a `<<` merge key written after it overwrites it. The gate checks the value that applies (the last one, as go-yaml reads it) and reports the repetition on that line (in a chart, the template line that writes the key, also when a values file supplied its value).',
  rationale:
    "kubectl's default strict field validation rejects duplicate fields, and where a lenient client applies the manifest the last value silently wins: a reviewer reading the first occurrence (`privileged: false`) does not see what is deployed.",
  fix: 'Keep one occurrence of the key, with the value you mean:\n\n```yaml\nsecurityContext:\n  privileged: false\n```\n\nWith `<<` merges, write the explicit keys after the merge key.',
  references: [
    'https://kubernetes.io/docs/reference/using-api/api-concepts/#field-validation',
    'https://yaml.org/type/merge.html',
  ],
};

export const podSecurityLabelsInvalid: RuleMeta & { target: 'kubernetes' } = {
  target: 'kubernetes',
  id: 'KPG005',
  name: 'pod-security-labels-invalid',
  aliases: [],
  severity: 'high',
  title: 'Pod Security Admission label invalid',
  description:
    "A Namespace sets a `pod-security.kubernetes.io/enforce|warn|audit` label to something other than `privileged`, `baseline` or `restricted`, or a `-version` label to something other than `latest` or `v1.N`. The API server's Pod Security Admission rejects such a Namespace; in a namespace that has the labels already it evaluates an invalid version as `latest`, an invalid `enforce` level as `restricted`, and an invalid `warn` or `audit` level as `privileged`, and the scan does the same.",
  rationale:
    'The Namespace cannot be created, so nothing in it can be deployed; and a typo in a pin silently changes which checks apply.',
  fix: 'Use a level `privileged`, `baseline` or `restricted`, and a version `latest` or `v1.N` (no patch number):\n\n```yaml\nmetadata:\n  labels:\n    pod-security.kubernetes.io/enforce: restricted\n    pod-security.kubernetes.io/enforce-version: v1.33\n```',
  references: ['https://kubernetes.io/docs/concepts/security/pod-security-admission/'],
};

export const engineRules = [
  unreadableFile,
  chartRenderFailed,
  kustomizeRenderFailed,
  duplicateKey,
  podSecurityLabelsInvalid,
];
