// The ValidatingAdmissionPolicy scenarios of the corpus (from the Kubernetes documentation), each through
// the bundled CLI (dist/cli.js): policy, bindings, params, namespaces and objects in one repository, every
// object judged as a CREATE: decision, severity and the API server's full message.
import { execFile } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { corpusPath, describeCorpus } from './support/corpus.js';

const CLI = path.resolve('dist/cli.js');
const CORPUS = corpusPath('cel', 'vap-examples');
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

interface Case {
  object: string;
  decision?: 'allow' | 'deny';
  decision_strict_v1_validation?: 'allow' | 'deny';
  message?: string;
  error_contains?: string;
  audit_annotations?: Record<string, string>;
}
interface Finding {
  ruleId: string;
  severity: string;
  message: string;
  auditAnnotations?: Record<string, string>;
  file: string;
  line: number;
}

async function scan(
  dir: string,
): Promise<{ code: number; findings: Finding[]; errors: unknown[] }> {
  let stdout: string;
  let code = 0;
  try {
    ({ stdout } = await promisify(execFile)(
      process.execPath,
      [CLI, 'scan', '.', '--format', 'json'],
      { cwd: dir },
    ));
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    if (!e.stdout) throw new Error(e.stderr, { cause: error });
    ({ stdout, code } = e);
  }
  const report = JSON.parse(stdout);
  return { code, findings: report.findings, errors: report.errors };
}

/** The scenario's files copied into a fresh repository (07 has no binding upstream: one with Deny is added). */
function scenarioRepo(name: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'kpg-vap-'));
  dirs.push(dir);
  cpSync(path.join(CORPUS, name), dir, { recursive: true });
  for (const file of ['expected.yaml', 'SOURCES.md']) rmSync(path.join(dir, file), { force: true });
  writeFileSync(path.join(dir, '.kube-policy-gate.yaml'), 'extends: []\n');
  if (name.startsWith('07')) {
    mkdirSync(path.join(dir, 'bindings'));
    for (const policy of ['deploy-replica-policy.example.com', 'replica-policy.example.com'])
      writeFileSync(
        path.join(dir, 'bindings', `${policy}.yaml`),
        `apiVersion: admissionregistration.k8s.io/v1\nkind: ValidatingAdmissionPolicyBinding\nmetadata:\n  name: ${policy}-binding\nspec:\n  policyName: ${policy}\n  validationActions: [Deny]\n`,
      );
  }
  return dir;
}

describeCorpus(
  'ValidatingAdmissionPolicy scenarios through dist/cli.js',
  ['cel', 'vap-examples'],
  () => {
    const scenarios = readdirSync(CORPUS).filter((name) => /^\d\d-/.test(name));
    it('has the seven scenarios', () => expect(scenarios).toHaveLength(7));

    it.each(scenarios)('%s', async (name) => {
      const expected = parse(readFileSync(path.join(CORPUS, name, 'expected.yaml'), 'utf8')) as {
        cases: Case[];
      };
      const { findings } = await scan(scenarioRepo(name));
      for (const c of expected.cases) {
        const decision = c.decision ?? c.decision_strict_v1_validation;
        const ofPolicies = findings.filter(
          (f) => f.file === c.object && f.ruleId.startsWith('vap/'),
        );
        // Audit annotations are info findings beside the decision: the audit event's annotations.
        const recorded = ofPolicies.filter((f) => f.severity === 'info');
        expect(Object.assign({}, ...recorded.map((f) => f.auditAnnotations))).toEqual(
          c.audit_annotations ?? {},
        );
        const onObject = ofPolicies.filter((f) => f.severity !== 'info');
        if (decision === 'allow') {
          expect(onObject, `${c.object} is admitted`).toEqual([]);
          continue;
        }
        // 07 has two policies matching the same Deployment: each denies it.
        expect(onObject.length, `${c.object} is denied`).toBeGreaterThanOrEqual(1);
        for (const finding of onObject) expect(finding.severity).toBe('high');
        if (c.message)
          expect(onObject.map((f) => f.message)).toEqual([c.message.replace(/\s+/g, ' ')]);
        if (c.error_contains)
          for (const finding of onObject) expect(finding.message).toContain(c.error_contains);
      }
    });

    it('02: the binding without parameterNotFoundAction is reported on the binding and ignored', async () => {
      const { findings } = await scan(scenarioRepo('02-params-replicalimit'));
      const onBinding = findings.filter((f) => f.file === 'binding-nontest.yaml');
      expect(onBinding.map((f) => [f.ruleId, f.severity, f.message])).toEqual([
        [
          'vap/replicalimit-policy.example.com',
          'high',
          "ValidatingAdmissionPolicyBinding 'replicalimit-binding-nontest' is invalid and has no effect: spec.paramRef.parameterNotFoundAction: Required value",
        ],
      ]);
    });

    it('06: the policy whose validation does not compile is reported on that expression', async () => {
      const { findings } = await scan(scenarioRepo('06-match-conditions'));
      const onPolicy = findings.filter((f) => f.file === 'policy.yaml');
      expect(onPolicy).toHaveLength(1);
      expect(onPolicy[0]).toMatchObject({
        ruleId: 'vap/demo-policy.example.com',
        severity: 'high',
        line: 21,
      });
      expect(onPolicy[0]!.message).toContain('startWith');
    });

    it('01: the denial is on the replicas line', async () => {
      const { findings } = await scan(scenarioRepo('01-basic-replicas'));
      const denied = findings.find((f) => f.file === 'objects/deploy-6-replicas-test-ns.yaml');
      expect(denied?.line).toBe(10);
    });
  },
);

describe('a ValidatingAdmissionPolicy over a Helm chart through dist/cli.js', () => {
  it('places the denial on the values line that breaks it', async () => {
    const { devHelm } = await import('../scripts/dev-helm.js');
    const helm = await devHelm(4);
    const dir = mkdtempSync(path.join(tmpdir(), 'kpg-vap-chart-'));
    dirs.push(dir);
    mkdirSync(path.join(dir, 'chart', 'templates'), { recursive: true });
    writeFileSync(path.join(dir, '.kube-policy-gate.yaml'), 'extends: []\n');
    writeFileSync(
      path.join(dir, 'chart', 'Chart.yaml'),
      'apiVersion: v2\nname: web\nversion: 0.1.0\n',
    );
    writeFileSync(path.join(dir, 'chart', 'values.yaml'), 'image: nginx:1.27\nreplicas: 8\n');
    writeFileSync(
      path.join(dir, 'chart', 'templates', 'deploy.yaml'),
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}-web\nspec:\n  replicas: {{ .Values.replicas }}\n  template:\n    spec:\n      containers:\n        - name: web\n          image: {{ .Values.image }}\n',
    );
    writeFileSync(
      path.join(dir, 'vap.yaml'),
      'apiVersion: admissionregistration.k8s.io/v1\nkind: ValidatingAdmissionPolicy\nmetadata: { name: replica-limit }\nspec:\n  matchConstraints:\n    resourceRules:\n      - { apiGroups: [apps], apiVersions: [v1], operations: [CREATE], resources: [deployments] }\n  validations:\n    - expression: "object.spec.replicas <= 5"\n---\napiVersion: admissionregistration.k8s.io/v1\nkind: ValidatingAdmissionPolicyBinding\nmetadata: { name: replica-limit }\nspec:\n  policyName: replica-limit\n  validationActions: [Deny]\n',
    );
    let stdout: string;
    try {
      ({ stdout } = await promisify(execFile)(
        process.execPath,
        [CLI, 'scan', '.', '--format', 'json', '--helm', helm],
        { cwd: dir },
      ));
    } catch (error) {
      stdout = (error as { stdout: string }).stdout;
    }
    const findings = (JSON.parse(stdout) as { findings: (Finding & { rendered?: unknown })[] })
      .findings;
    expect(findings.map((f) => [f.ruleId, f.file, f.line, f.message])).toEqual([
      [
        'vap/replica-limit',
        'chart/values.yaml',
        2,
        "ValidatingAdmissionPolicy 'replica-limit' with binding 'replica-limit' denied request: failed expression: object.spec.replicas <= 5",
      ],
    ]);
  });
});
