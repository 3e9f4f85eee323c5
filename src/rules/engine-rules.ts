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
    'A YAML file in the scanned paths is not valid YAML, is binary, or was refused (an alias bomb).',
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

export const engineRules = [unreadableFile, chartRenderFailed, kustomizeRenderFailed];
