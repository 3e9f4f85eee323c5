// `kube-policy-gate eval EXPR --object FILE`: one expression over one object, for rule authors. The
// result is printed as CEL writes values; an error names its phase and position with a caret.
import { loadYamlStream } from '../../sources/yaml-load.js';
import { KeyTable } from '../../sources/yaml-position.js';
import { CelError, formatCel, kubernetesCel, toCel } from './environment.js';
import { CUSTOM_RULE_VARIABLES } from '../custom/custom-rules.js';

export type EvalOutcome =
  { ok: true; text: string } | { ok: false; phase: 'input' | 'compile' | 'runtime'; text: string };

/** The first document of a YAML or JSON text as a plain object, read as a scan reads manifests
 *  (the API server's YAML dialect), so `eval` sees what a rule sees. */
export function readObjectText(text: string, name: string): { object?: unknown; error?: string } {
  const documents = loadYamlStream(text, {
    keys: new KeyTable(),
    intern: (value) => value,
    lineOffset: 0,
  });
  const first = documents.find((doc) => !('value' in doc) || doc.value !== null);
  if (!first) return { object: null };
  if (!('value' in first)) return { error: `${name}:${first.line}: ${first.message}` };
  return { object: first.value };
}

export function evalExpression(
  expression: string,
  inputs: { object: unknown; namespaceObject?: unknown },
  kubernetesVersion: string,
): EvalOutcome {
  const cel = kubernetesCel(kubernetesVersion, CUSTOM_RULE_VARIABLES);
  try {
    const { value } = cel.compile(expression).evaluate({
      object: toCel(inputs.object),
      namespaceObject: toCel(inputs.namespaceObject ?? null),
    });
    return { ok: true, text: formatCel(value) };
  } catch (error) {
    if (!(error instanceof CelError)) throw error;
    return { ok: false, phase: error.phase, text: describeError(expression, error) };
  }
}

function describeError(expression: string, error: CelError): string {
  if (!error.position) return `${error.phase} error: ${error.message}`;
  const { line, column } = error.position;
  const source = expression.split('\n')[line - 1] ?? '';
  return `${error.phase} error at ${line}:${column}: ${error.message}\n  ${source}\n  ${' '.repeat(column - 1)}^`;
}
