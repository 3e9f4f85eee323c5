// Custom rules from the policy file (`customRules:`): a CEL expression over `object` (and
// `namespaceObject`), true when the object complies. They are rules like the builtin ones: a RuleMeta in
// the registry (so `rules:`, ignore entries, annotations and SARIF know them) and a K8sRule the evaluate
// stage runs.
import type { Severity } from '../../model.js';
import type { K8sResource, KubeObject } from '../../sources/resource.js';
import { detached } from '../../sources/strings.js';
import { attributeFailure } from '../cel/attribution.js';
import { project, readSet, type ReadSet } from '../cel/projection.js';
import { PER_OBJECT_COST_LIMIT, PER_EXPRESSION_COST_LIMIT } from '../cel/cost.js';
import {
  CelError,
  kubernetesCel,
  toCel,
  type CompiledExpression,
  type KubernetesCel,
} from '../cel/environment.js';
import { setCustomRuleMetas } from '../index.js';
import type { K8sRule, RuleMeta } from '../types.js';
import { CUSTOM_RULES_DOCS_URL } from '../../version.js';

export const CUSTOM_RULE_ID = /^[A-Z][A-Z0-9_-]*$/;
export const CUSTOM_RULE_VARIABLES = ['object', 'namespaceObject'] as const;

/** A custom rule as the policy file declares it (plain data: it crosses to the scan worker). */
export interface CustomRuleDefinition {
  id: string;
  severity: Severity;
  title: string;
  description?: string;
  /** Kinds it applies to (case-insensitive); empty: every kind. */
  kinds: string[];
  expression: string;
  message?: string;
  messageExpression?: string;
  /** Where it is declared, for messages. */
  file: string;
  line: number;
}

export function customRuleMeta(def: CustomRuleDefinition): RuleMeta & { target: 'kubernetes' } {
  return {
    target: 'kubernetes',
    id: def.id,
    name: def.id.toLowerCase(),
    aliases: [],
    severity: def.severity,
    title: def.title,
    description:
      def.description ??
      `Custom rule from ${def.file}:${def.line}: \`${def.expression}\` must be true.`,
    rationale: `Declared in the policy file (${def.file}:${def.line}).`,
    fix: def.message ?? `Make \`${def.expression}\` true for the object.`,
    url: CUSTOM_RULES_DOCS_URL,
  };
}

/** The CEL environment custom rules compile in. */
export function customRuleCel(kubernetesVersion: string): KubernetesCel {
  return kubernetesCel(kubernetesVersion, CUSTOM_RULE_VARIABLES);
}

/** Compiles a custom rule's expressions; throws CelError (compile) naming which one failed. */
export function compileCustomRule(
  def: Pick<CustomRuleDefinition, 'expression' | 'messageExpression'>,
  kubernetesVersion: string,
): { expression: CompiledExpression; messageExpression?: CompiledExpression } {
  const cel = customRuleCel(kubernetesVersion);
  return {
    expression: cel.compile(def.expression),
    messageExpression:
      def.messageExpression === undefined ? undefined : cel.compile(def.messageExpression),
  };
}

/** Per resource, the CEL value of the object and of its Namespace: converted once, shared by every rule. */
export class CelObjects {
  private readonly objects = new WeakMap<object, unknown>();
  private readonly namespaces = new Map<string, K8sResource>();
  /** Cost spent per object (the API server's per-object budget, across rules and policies). */
  private readonly spent = new WeakMap<object, number>();

  constructor(resources: readonly K8sResource[]) {
    for (const r of resources)
      if (
        r.ref.kind === 'Namespace' &&
        r.ref.apiVersion === 'v1' &&
        r.ref.name &&
        !this.namespaces.has(r.ref.name)
      )
        this.namespaces.set(r.ref.name, r);
  }

  /** The whole object as a CEL value (converted once). */
  object(resource: { object: KubeObject }): unknown {
    let value = this.objects.get(resource.object);
    if (value === undefined) this.objects.set(resource.object, (value = toCel(resource.object)));
    return value;
  }

  /** The part of the object the expressions read, as a CEL value (the whole one if already converted). */
  projected(resource: { object: KubeObject }, reads: ReadSet): unknown {
    return this.objects.get(resource.object) ?? toCel(project(resource.object, reads));
  }

  namespaceOf(resource: K8sResource): K8sResource | undefined {
    return resource.ref.namespace ? this.namespaces.get(resource.ref.namespace) : undefined;
  }

  namespaceObject(resource: K8sResource): unknown {
    const ns = this.namespaceOf(resource);
    return ns ? this.object(ns) : null;
  }

  /** The budget left for this object's next expression (at most the per-expression limit). */
  budget(resource: K8sResource): number {
    return Math.min(
      PER_EXPRESSION_COST_LIMIT,
      PER_OBJECT_COST_LIMIT - (this.spent.get(resource.object) ?? 0),
    );
  }

  charge(resource: K8sResource, cost: number): void {
    this.spent.set(resource.object, (this.spent.get(resource.object) ?? 0) + cost);
  }
}

/** Evaluates one compiled expression for a resource, charging its object's budget. */
export function evaluateFor(
  objects: CelObjects,
  resource: K8sResource,
  compiled: CompiledExpression,
  variables: Record<string, unknown>,
): unknown {
  const budget = objects.budget(resource);
  if (budget <= 0)
    throw new CelError('operation cancelled: the per-object cost budget is spent', 'runtime');
  try {
    const { value, cost } = compiled.evaluate(variables, budget);
    objects.charge(resource, cost);
    return value;
  } catch (error) {
    objects.charge(resource, budget);
    throw error;
  }
}

/** The custom rules as rules the evaluate stage runs (registering their metadata first). */
export function customK8sRules(
  defs: readonly CustomRuleDefinition[],
  kubernetesVersion: string,
): K8sRule[] {
  setCustomRuleMetas(defs.map(customRuleMeta));
  return defs.map((def) => {
    const compiled = compileCustomRule(def, kubernetesVersion);
    const cel = customRuleCel(kubernetesVersion);
    const kinds = def.kinds.map((k) => k.toLowerCase());
    const reads = readSet(
      [compiled.expression.ast, compiled.messageExpression?.ast].filter((ast) => ast !== undefined),
      'object',
    );
    return {
      meta: customRuleMeta(def),
      checkAll(resources) {
        const objects = new CelObjects(resources);
        const violations = [];
        for (const resource of resources) {
          if (kinds.length && !kinds.includes(resource.ref.kind.toLowerCase())) continue;
          const variables = {
            object: objects.projected(resource, reads),
            namespaceObject: objects.namespaceObject(resource),
          };
          let message: string;
          try {
            const value = evaluateFor(objects, resource, compiled.expression, variables);
            if (value === true) continue;
            message =
              value === false
                ? messageFor(def, compiled.messageExpression, objects, resource, variables)
                : `${def.title}: the expression returned ${typeof value}, not bool`;
          } catch (error) {
            message = `${def.title}: the expression failed: ${(error as Error).message}`;
          }
          const path = attributeFailure({
            cel,
            expression: def.expression,
            ast: compiled.expression.ast,
            variables,
            root: 'object',
            budget: PER_EXPRESSION_COST_LIMIT,
          });
          violations.push({ resource, message, path: path ?? ['kind'] });
        }
        return violations;
      },
    } satisfies K8sRule;
  });
}

function messageFor(
  def: CustomRuleDefinition,
  messageExpression: CompiledExpression | undefined,
  objects: CelObjects,
  resource: K8sResource,
  variables: Record<string, unknown>,
): string {
  if (messageExpression) {
    try {
      const value = evaluateFor(objects, resource, messageExpression, variables);
      if (
        typeof value === 'string' &&
        value.trim() &&
        !value.includes('\n') &&
        value.length <= 5120
      )
        // A CEL string may be a slice of a longer one (K8sViolation.message).
        return detached(value);
    } catch {
      // The API server falls back to the static message when messageExpression fails.
    }
  }
  return def.message ?? def.title;
}
