// policies/schema.json (for editors) and the loader (for the gate) must accept and reject the
// same policy files.
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ConfigError } from '../src/config/errors.js';
import { parsePolicyText, POLICY_KEYS } from '../src/config/parse.js';

const schema = JSON.parse(readFileSync('policies/schema.json', 'utf8'));
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

const valid = [
  '{}',
  'extends: [default, ./base.yaml]\nfailOn: none\n',
  'extends: trivy\nrules:\n  KSV017: off\n  no-host-network: critical\n  KSV013: { severity: low }\n  KSV0125: { options: { trustedRegistries: [ghcr.io] } }\n  KSV009: on\n',
  'paths: [deploy]\nexclude: vendor/**\n',
  'requireReason: false\nignore:\n  - id: "*"\n',
  'ignore:\n  - id: [KSV017, AVD-KSV-0009]\n    paths: [a/**]\n    resources: Pod/x\n    containers: [app]\n    charts: [c]\n    valuesSets: [default]\n    expires: 2027-01-01\n    reason: r\n',
  'charts:\n  charts/app:\n    replaceDiscovered: true\n    valuesSets:\n      - name: prod\n        values: [v.yaml]\n        set: { a.b: c }\n        releaseName: r\n        namespace: n\n        kubeVersion: "1.31"\n        apiVersions: [x/v1]\n',

  'kubernetesVersion: "1.33"\ncustomRules:\n  - id: ACME001\n    severity: low\n    title: t\n    match: { kinds: [Deployment] }\n    expression: "has(object.metadata.labels)"\n    message: m\n  - id: ACME-2\n    severity: high\n    title: t\n    expression: "true"\n    messageExpression: "\'x\'"\nadmission:\n  namespaces:\n    payments: { labels: { env: prod } }\n',
];

const invalid = [
  'customRules:\n  - id: acme\n    severity: low\n    title: t\n    expression: "true"\n',
  'customRules:\n  - id: ACME\n    severity: low\n    title: t\n',
  'customRules:\n  - id: ACME\n    severity: low\n    title: t\n    expression: "true"\n    match: { kind: [Pod] }\n',
  'admission:\n  namespaces:\n    a: { labels: { x: 1 } }\n',
  'admission:\n  namespace: {}\n',
  'kubernetesVersion: latest\n',
  'rulez: {}\n',
  'failOn: severe\n',
  'rules:\n  KSV017: sometimes\n',
  'rules:\n  KSV017: { level: high }\n',
  'rules:\n  KSV0125: { options: { trustedRegistry: [ghcr.io] } }\n',
  'rules:\n  trusted-registries: { options: { trustedRegistries: ghcr.io } }\n',
  'rules:\n  DL3049: { options: { labelSchema: { owner: txt } } }\n',
  'paths: 3\n',
  'requireReason: maybe\n',
  'ignore:\n  - reason: r\n',
  'ignore:\n  - id: KSV017\n    reason: r\n    expires: soon\n',
  'ignore:\n  - id: KSV017\n    reason: r\n    pathz: [a]\n',
  'charts:\n  charts/app:\n    valuesSets:\n      - values: [v.yaml]\n',
  'charts:\n  charts/app:\n    valuesSets:\n      - name: x\n        valuez: []\n',
  '- a list\n',
  'kubernetesVersion: latest\n',
  'charts:\n  charts/app:\n    valuesSets:\n      - name: x\n        releaseName: --post-renderer=./pwn.sh\n',
  'charts:\n  charts/app:\n    valuesSets:\n      - name: x\n        apiVersions: [--validate]\n',
];

function loaderAccepts(text: string): boolean {
  try {
    parsePolicyText(text, 'p.yaml', POLICY_KEYS);
    return true;
  } catch (error) {
    if (error instanceof ConfigError) return false;
    throw error;
  }
}

describe('policies/schema.json agrees with the loader', () => {
  it.each(valid)('both accept %j', (text) => {
    expect(validate(parse(text)), JSON.stringify(validate.errors)).toBe(true);
    expect(loaderAccepts(text)).toBe(true);
  });
  it.each(invalid)('both reject %j', (text) => {
    expect(validate(parse(text))).toBe(false);
    expect(loaderAccepts(text)).toBe(false);
  });
});
