// The CLI's options as data: `kube-policy-gate --help` prints them (src/cli.ts) and
// `npm run generate` writes the README's options table from them (scripts/generate-reference.ts),
// so the two never disagree. The flags parseArgs accepts are declared in src/cli.ts.
import { DEFAULT_KUBERNETES_VERSION } from '../rules/cel/environment.js';

export interface CliOption {
  /** `--format`, or `--version` for a switch. */
  flag: string;
  /** What follows the flag (`FILE`, `table|json|markdown|sarif`); absent for a switch. */
  argument?: string;
  /** One sentence, defaults included. */
  description: string;
}

export const CLI_OPTIONS: readonly CliOption[] = [
  {
    flag: '--format',
    argument: 'table|json|markdown|sarif',
    description: 'output format (default: table, coloured on a terminal); sarif is SARIF 2.1.0',
  },
  {
    flag: '--output',
    argument: 'FILE',
    description: 'write the report to FILE instead of standard output',
  },
  {
    flag: '--config',
    argument: 'FILE',
    description:
      'policy file (default: the nearest .kube-policy-gate.yaml from here up to the repository root, else .github/kube-policy-gate.yaml)',
  },
  {
    flag: '--policy',
    argument: 'NAME',
    description:
      "builtin pack to apply, repeatable: default, pss-baseline, pss-restricted, trivy, hadolint (replaces the policy file's extends)",
  },
  {
    flag: '--fail-on',
    argument: 'LEVEL',
    description: 'critical|high|medium|low|none (default: high)',
  },
  {
    flag: '--ignorefile',
    argument: 'FILE',
    description:
      'Trivy ignore file, repeatable (default: the nearest .trivyignore, .trivyignore.yaml, .trivyignore.yml from here up to the root)',
  },
  {
    flag: '--base',
    argument: 'GIT-REF',
    description:
      'compare with this commit: findings are new or existing, and fixed ones are listed',
  },
  {
    flag: '--gate',
    argument: 'new|all',
    description: 'with --base, fail on new findings only, or on all (default: all)',
  },
  {
    flag: '--helm',
    argument: 'PATH',
    description:
      'helm binary that renders charts, v3 or v4 (default: $HELM_BIN, else helm on PATH)',
  },
  {
    flag: '--cluster',
    description:
      "also apply the live cluster's admission policies, bindings, params and Namespaces (read only, list calls; kubeconfig: $KUBECONFIG or ~/.kube/config)",
  },
  { flag: '--kubeconfig', argument: 'FILE', description: 'with --cluster, the kubeconfig to use' },
  { flag: '--show-suppressed', description: 'list suppressed findings in the table' },
  {
    flag: '--object',
    argument: 'FILE',
    description: '(eval) the YAML or JSON object bound to `object`',
  },
  {
    flag: '--namespace-object',
    argument: 'FILE',
    description: '(eval) the Namespace bound to `namespaceObject` (default: null)',
  },
  {
    flag: '--kubernetes-version',
    argument: '1.NN',
    description: `(eval) the release whose CEL libraries apply (default: ${DEFAULT_KUBERNETES_VERSION})`,
  },
  { flag: '--version', description: 'print the version' },
  { flag: '--help', description: 'print this help' },
];

const FLAG_COLUMN = 33;
const WIDTH = 100;

/** The options as `--help` lists them: flags in a column, descriptions wrapped beside them. */
export function cliOptionsHelp(): string {
  const lines: string[] = [];
  for (const option of CLI_OPTIONS) {
    const usage = `  ${option.flag}${option.argument ? ` ${option.argument}` : ''}`;
    const words = option.description.split(' ');
    const wrapped: string[] = [];
    for (const word of words) {
      const last = wrapped.at(-1);
      if (last !== undefined && FLAG_COLUMN + last.length + 1 + word.length <= WIDTH)
        wrapped[wrapped.length - 1] = `${last} ${word}`;
      else wrapped.push(word);
    }
    if (usage.length >= FLAG_COLUMN - 1) lines.push(usage);
    else lines.push(usage.padEnd(FLAG_COLUMN) + wrapped.shift());
    lines.push(...wrapped.map((line) => ' '.repeat(FLAG_COLUMN) + line));
  }
  return lines.join('\n') + '\n';
}
