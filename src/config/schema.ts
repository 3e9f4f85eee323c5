// The policy file's JSON Schema, for editors (policies/schema.json is generated from this by
// `npm run generate`). The loader in parse.ts enforces the same shape with line numbers;
// test/schema.test.ts keeps the two in agreement.
import { FAIL_ON_VALUES, SEVERITIES } from '../model.js';
import { API_VERSION, KUBE_VERSION, NAMESPACE, RELEASE_NAME } from '../sources/helm/values-sets.js';

const stringOrList = (description: string) => ({
  description,
  oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
});
const date = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };

/** A rule that takes options: every key that names it, and the JSON Schema of its options. */
export interface RuleOptionsSchema {
  keys: readonly string[];
  options: object;
}

export function policySchema(
  ruleKeys: readonly string[],
  packs: readonly string[],
  ruleOptions: readonly RuleOptionsSchema[] = [],
): object {
  const ruleKey = { anyOf: [{ enum: [...ruleKeys] }, { type: 'string' }] };
  const ruleSetting = (options: object) => ({
    description: 'off, on, a severity, or { severity, options }',
    anyOf: [
      { enum: ['off', 'on', ...SEVERITIES] },
      { type: 'boolean' },
      {
        type: 'object',
        additionalProperties: false,
        properties: { severity: { enum: ['off', ...SEVERITIES] }, options },
      },
    ],
  });
  // Rules written by a key listed here get their own options checked; any other key, the
  // generic shape (the loader, which matches keys case-insensitively, checks every rule's).
  const perRule = Object.fromEntries(
    ruleOptions.flatMap(({ keys, options }) => keys.map((key) => [key, ruleSetting(options)])),
  );
  const valuesSet = {
    type: 'object',
    additionalProperties: false,
    required: ['name'],
    properties: {
      name: { type: 'string', minLength: 1, description: 'Shown as the valuesSet of findings.' },
      values: {
        type: 'array',
        items: { type: 'string' },
        description: 'Values files, chart-relative (inside the repository), in order.',
      },
      set: { type: 'object', description: '--set pairs: { image.tag: "1.2.3" }' },
      releaseName: {
        type: 'string',
        maxLength: 53,
        pattern: RELEASE_NAME.source,
      },
      namespace: { type: 'string', maxLength: 63, pattern: NAMESPACE.source },
      kubeVersion: {
        type: 'string',
        pattern: KUBE_VERSION.source,
      },
      apiVersions: { type: 'array', items: { type: 'string', pattern: API_VERSION.source } },
    },
  };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://github.com/kube-policy-gate/kube-policy-gate/blob/main/policies/schema.json',
    title: 'kube-policy-gate policy file',
    type: 'object',
    additionalProperties: false,
    properties: {
      extends: {
        ...stringOrList('Builtin packs or relative paths to other policy files, applied in order.'),
        examples: [...packs],
      },
      failOn: {
        enum: [...FAIL_ON_VALUES],
        description: 'Fail on findings at or above this severity.',
      },
      rules: {
        type: 'object',
        description:
          'Per rule (ID, alias or readable name): off, on, a severity or { severity, options }.',
        propertyNames: ruleKey,
        properties: perRule,
        additionalProperties: ruleSetting({
          type: 'object',
          description: 'Rule options (see the rule page).',
        }),
      },
      paths: stringOrList('Paths (relative to the repository root) to scan.'),
      exclude: stringOrList('Globs (minimatch) of paths not to scan.'),
      kubernetesVersion: {
        type: 'string',
        pattern: KUBE_VERSION.source,
        description:
          "The Kubernetes release to check for: charts render for it (helm template --kube-version, so helm v3 and v4 agree), custom rules and ValidatingAdmissionPolicies compile with its CEL libraries, and the Pod Security Standards rules run as its Pod Security Admission runs them (also `latest` in a namespace's pod-security.kubernetes.io/*-version label) (default 1.35.0).",
      },
      requireReason: {
        type: 'boolean',
        description: 'Exceptions must give a reason (default true).',
      },
      charts: {
        type: 'object',
        description: 'Per chart path, the values sets to render.',
        additionalProperties: {
          type: 'object',
          additionalProperties: false,
          required: ['valuesSets'],
          properties: {
            replaceDiscovered: {
              type: 'boolean',
              description: 'Only these sets, not values.yaml and ci/*.',
            },
            valuesSets: { type: 'array', items: valuesSet },
          },
        },
      },
      kustomize: {
        type: 'object',
        description: 'Kustomize rendering.',
        additionalProperties: false,
        properties: {
          roots: stringOrList(
            'Kustomization directories to render (default: every kustomization no other one refers to).',
          ),
        },
      },
      customRules: {
        type: 'array',
        description:
          'Your own rules: a CEL expression over `object` (and `namespaceObject`), true when the object complies.',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['id', 'severity', 'title', 'expression'],
          properties: {
            id: {
              type: 'string',
              pattern: '^[A-Z][A-Z0-9_-]*$',
              description: 'Rule ID; must not be a builtin ID or alias.',
            },
            severity: { enum: [...SEVERITIES] },
            title: { type: 'string', minLength: 1 },
            description: { type: 'string', minLength: 1 },
            match: {
              type: 'object',
              additionalProperties: false,
              properties: {
                kinds: {
                  type: 'array',
                  items: { type: 'string', minLength: 1 },
                  description: 'Kinds the rule applies to (default: every kind).',
                },
              },
            },
            expression: { type: 'string', minLength: 1, description: 'CEL; true = compliant.' },
            message: { type: 'string', minLength: 1 },
            messageExpression: {
              type: 'string',
              minLength: 1,
              description: 'CEL returning the message (falls back to message on error).',
            },
          },
        },
      },
      admission: {
        type: 'object',
        additionalProperties: false,
        description: 'Admission preview settings.',
        properties: {
          namespaces: {
            type: 'object',
            description:
              'Labels of namespaces the repository does not define (namespaceSelector, namespaceObject, Pod Security Admission).',
            additionalProperties: {
              type: 'object',
              additionalProperties: false,
              required: ['labels'],
              properties: {
                labels: { type: 'object', additionalProperties: { type: 'string' } },
              },
            },
          },
        },
      },
      ignore: {
        type: 'array',
        description: 'Accepted findings.',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['id'],
          properties: {
            id: {
              anyOf: [ruleKey, { type: 'array', items: ruleKey }],
              description: "Rule ID, alias, name, or '*'.",
            },
            paths: stringOrList('Globs over the finding file (or its template).'),
            resources: stringOrList('Kind/name or namespace/Kind/name, globs allowed.'),
            containers: stringOrList('Container names, globs allowed.'),
            charts: stringOrList('Chart paths, globs allowed.'),
            valuesSets: stringOrList('Values set names, globs allowed.'),
            expires: { ...date, description: 'YYYY-MM-DD: stops suppressing on that day (UTC).' },
            reason: {
              type: 'string',
              description: 'Why this finding is accepted (required unless requireReason: false).',
            },
          },
        },
      },
    },
  };
}
