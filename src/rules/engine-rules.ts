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

export const engineRules = [unreadableFile, chartRenderFailed];
