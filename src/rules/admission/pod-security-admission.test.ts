// Pod Security Admission at a pinned policy version: each mode runs the checks as the API server ran
// them at its `-version` (`latest`: the target Kubernetes version), and the labels are read as the API
// server reads them, invalid ones included.
import { describe, expect, it } from 'vitest';
import { parseManifests } from '../../sources/manifests.js';
import { loadPolicy } from '../../config/policy.js';
import { evaluateResources } from '../evaluate.js';
import { evaluateAdmission } from './index.js';
import { effectivePssVersion, parsePodSecurityLabels, rulesAt } from './pod-security-admission.js';

const LABEL = 'pod-security.kubernetes.io/';

/** A Namespace `apps` with PSA labels (two labels: lines 1-8), then `pod` in it. */
function admit(labels: Record<string, string>, pod: string, kubernetesVersion = '1.35') {
  const namespace = `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: apps\n  labels:\n${Object.entries(
    labels,
  )
    .map(([key, value]) => `    ${key}: "${value}"\n`)
    .join('')}---\n`;
  const { resources, errors } = parseManifests(namespace + pod, { file: 'app.yaml' });
  expect(errors).toEqual([]);
  return evaluateAdmission(resources, { kubernetesVersion }).merge([]);
}

const summary = (findings: { ruleId: string; severity: string }[]) =>
  findings.map((f) => `${f.ruleId} ${f.severity}`);

/** A Pod in `apps` that restricted admits at every version, plus `spec` and `container` lines. */
const pod = ({ spec = '', container = '', annotations = '' } = {}) => `apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: apps
${annotations ? `  annotations:\n${annotations}` : ''}spec:
  securityContext:
    runAsNonRoot: true
    seccompProfile: { type: RuntimeDefault }
${spec}  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        allowPrivilegeEscalation: false
        capabilities: { drop: [ALL] }
${container}`;

const restricted = (version: string) => ({
  [`${LABEL}enforce`]: 'restricted',
  [`${LABEL}enforce-version`]: version,
});
const baseline = (version: string) => ({
  [`${LABEL}enforce`]: 'baseline',
  [`${LABEL}enforce-version`]: version,
});

describe('a check newer than the pinned version does not run', () => {
  it('runAsUser: 0 is allowed at v1.22 and rejected from v1.23', () => {
    const root = pod({ container: '        runAsUser: 0\n' });
    expect(admit(restricted('v1.22'), root)).toEqual([]);
    const [finding, ...rest] = admit(restricted('v1.23'), root);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ ruleId: 'KPG112', severity: 'high', line: 24 });
    expect(finding.message).toBe(
      `pods "web" is forbidden: violates PodSecurity "restricted:v1.23": Container 'app' of Pod 'web' must not set 'securityContext.runAsUser' to 0`,
    );
  });

  it('a probe host is allowed at baseline v1.33 and rejected from v1.34', () => {
    const probe = pod({
      container: '      livenessProbe:\n        httpGet: { host: 10.0.0.1, port: 80 }\n',
    });
    expect(admit(baseline('v1.33'), probe)).toEqual([]);
    expect(summary(admit(baseline('v1.34'), probe))).toEqual(['KPG108 high']);
  });

  it('container_engine_t is rejected before v1.31 and allowed from it', () => {
    const engine = pod({
      container: '        seLinuxOptions: { type: container_engine_t }\n',
    });
    expect(summary(admit(baseline('v1.30'), engine))).toEqual(['KPG104 high']);
    expect(admit(baseline('v1.31'), engine)).toEqual([]);
  });

  it('the safe sysctls grow by version', () => {
    const keepalive = pod({
      spec: '    sysctls: [{ name: net.ipv4.tcp_keepalive_time, value: "60" }]\n',
    });
    expect(summary(admit(baseline('v1.28'), keepalive))).toEqual(['KPG107 high']);
    expect(admit(baseline('v1.29'), keepalive)).toEqual([]);
  });
});

describe('an exemption newer than the pinned version does not apply', () => {
  it('a Windows pod needs the Linux-only fields before v1.25', () => {
    const windows = `apiVersion: v1
kind: Pod
metadata: { name: win, namespace: apps }
spec:
  os: { name: windows }
  securityContext: { runAsNonRoot: true }
  containers:
    - name: app
      image: mcr.microsoft.com/windows/nanoserver:ltsc2022
`;
    expect(summary(admit(restricted('v1.24'), windows))).toEqual([
      'KPG110 high',
      'KPG113 high',
      'KPG114 high',
    ]);
    expect(admit(restricted('v1.25'), windows)).toEqual([]);
  });

  it('hostUsers: false exempts from runAsNonRoot only from v1.35', () => {
    const userNamespace = pod({ spec: '  hostUsers: false\n' }).replace(
      '    runAsNonRoot: true\n',
      '',
    );
    expect(summary(admit(restricted('v1.34'), userNamespace))).toEqual(['KPG111 high']);
    expect(admit(restricted('v1.35'), userNamespace)).toEqual([]);
  });

  it('before v1.19 baseline reads the seccomp annotations, not the field', () => {
    const annotated = pod({
      annotations: '    seccomp.security.alpha.kubernetes.io/pod: unconfined\n',
    });
    const [finding, ...rest] = admit(baseline('v1.18'), annotated);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ ruleId: 'KPG106', line: 15 });
    expect(finding.message).toContain(
      `Pod 'web' must not set annotation 'seccomp.security.alpha.kubernetes.io/pod' to 'unconfined'`,
    );
    expect(admit(baseline('v1.19'), annotated)).toEqual([]);
    const unconfinedField = pod().replace('type: RuntimeDefault', 'type: Unconfined');
    expect(admit(baseline('v1.18'), unconfinedField)).toEqual([]);
    expect(summary(admit(baseline('v1.19'), unconfinedField))).toEqual(['KPG106 high']);
  });
});

describe('restricted replaces baseline checks as PSA does', () => {
  it('capabilities: the baseline check before v1.22, the restricted one from it', () => {
    const sysAdmin = pod().replace('{ drop: [ALL] }', '{ drop: [ALL], add: [SYS_ADMIN] }');
    expect(summary(admit(restricted('v1.21'), sysAdmin))).toEqual(['KPG101 high']);
    expect(summary(admit(restricted('v1.22'), sysAdmin))).toEqual(['KPG114 high']);
  });

  it('lists the rules of each level and version', () => {
    const ids = (level: 'baseline' | 'restricted', minor: number) =>
      rulesAt(level, minor).map((rule) => rule.meta.id);
    expect(ids('restricted', 18)).not.toContain('KPG113');
    expect(ids('restricted', 18)).toContain('KPG106');
    expect(ids('restricted', 19)).not.toContain('KPG106');
    expect(ids('restricted', 35)).toContain('KPG115');
    expect(ids('restricted', 35)).not.toContain('KPG105');
    expect(ids('restricted', 34)).toContain('KPG105');
    expect(ids('restricted', 7)).not.toContain('KPG110');
    expect(ids('baseline', 35)).not.toContain('KPG109');
    expect(ids('baseline', 35)).toContain('KSV023');
    expect(ids('restricted', 0)).not.toContain('KSV023');
    expect(rulesAt('privileged', 35)).toEqual([]);
  });
});

describe('latest and versions beyond the target', () => {
  const probe = pod({
    container: '      readinessProbe:\n        tcpSocket: { host: metadata.internal, port: 80 }\n',
  });

  it('latest runs the checks of the target Kubernetes version', () => {
    const latest = { [`${LABEL}enforce`]: 'baseline' };
    expect(admit(latest, probe, '1.33')).toEqual([]);
    const [finding] = admit(latest, probe, '1.34');
    expect(finding.message).toMatch(
      /^pods "web" is forbidden: violates PodSecurity "baseline:latest": /,
    );
  });

  it('a pin newer than the target runs the target version, and is printed as written', () => {
    expect(admit(baseline('v1.40'), probe, '1.33')).toEqual([]);
    expect(admit(baseline('v1.40'), probe, '1.34')[0].message).toContain('"baseline:v1.40"');
    expect(effectivePssVersion('v1.40', 34)).toBe(34);
    expect(effectivePssVersion('v1.0', 34)).toBe(0);
    expect(effectivePssVersion('latest', 34)).toBe(34);
  });

  it('each mode has its own version', () => {
    const findings = admit(
      { ...baseline('v1.33'), [`${LABEL}warn`]: 'baseline', [`${LABEL}warn-version`]: 'latest' },
      probe,
    );
    expect(summary(findings)).toEqual(['KPG108 medium']);
    expect(findings[0].message).toMatch(/^Warning: would violate PodSecurity "baseline:latest": /);
  });
});

describe('labels as the API server reads them', () => {
  it('an unparseable version is latest, and the Namespace is rejected on its label line', () => {
    const root = pod({ container: '        runAsUser: 0\n' });
    const findings = admit(restricted('v1.22.0'), root);
    expect(findings.map((f) => [f.ruleId, f.severity, f.line])).toEqual([
      ['KPG005', 'high', 7],
      ['KPG112', 'high', 24],
    ]);
    expect(findings[0].message).toBe(
      'Namespace "apps" is invalid: metadata.labels[pod-security.kubernetes.io/enforce-version]: Invalid value: "v1.22.0": must be "latest" or "v1.x"',
    );
    expect(findings[1].message).toContain('"restricted:latest"');
  });

  it('an invalid enforce level fails closed to restricted; an invalid warn or audit level is privileged', () => {
    expect(parsePodSecurityLabels({ [`${LABEL}enforce`]: 'Baseline' })).toEqual({
      modes: [{ mode: 'enforce', level: 'restricted', version: 'latest' }],
      errors: [
        {
          label: `${LABEL}enforce`,
          value: 'Baseline',
          message: 'must be one of privileged, baseline, restricted',
        },
      ],
    });
    expect(
      parsePodSecurityLabels({ [`${LABEL}warn`]: 'strict', [`${LABEL}audit`]: '' }).modes,
    ).toEqual([]);
    expect(parsePodSecurityLabels({ [`${LABEL}enforce-version`]: 'v01.2' }).errors).toHaveLength(1);
  });

  it('warn follows a stricter enforce level, with its version unless warn pins one', () => {
    expect(parsePodSecurityLabels(restricted('v1.24')).modes).toEqual([
      { mode: 'enforce', level: 'restricted', version: 'v1.24' },
      { mode: 'warn', level: 'restricted', version: 'v1.24' },
    ]);
    expect(
      parsePodSecurityLabels({ ...restricted('v1.24'), [`${LABEL}warn-version`]: 'v1.30' }).modes,
    ).toEqual([
      { mode: 'enforce', level: 'restricted', version: 'v1.24' },
      { mode: 'warn', level: 'restricted', version: 'v1.30' },
    ]);
    expect(
      parsePodSecurityLabels({ ...restricted('v1.24'), [`${LABEL}warn`]: 'privileged' }).modes,
    ).toEqual([{ mode: 'enforce', level: 'restricted', version: 'v1.24' }]);
  });
});

describe('the packs run the PSS rules at the target Kubernetes version', () => {
  const probe = parseManifests(
    pod({ container: '      livenessProbe:\n        httpGet: { host: 10.0.0.1, port: 80 }\n' }),
    { file: 'app.yaml' },
  ).resources;
  const policy = loadPolicy({ root: '/nonexistent-kpg-psa-root', packs: ['pss-baseline'] });

  it('without a check the target does not have yet', () => {
    expect(evaluateResources(probe, { ...policy, kubernetesVersion: '1.33' })).toEqual([]);
    expect(
      evaluateResources(probe, { ...policy, kubernetesVersion: '1.34' }).map((f) => f.ruleId),
    ).toEqual(['KPG108']);
  });

  it('with the behaviour the target has', () => {
    const sysctl = parseManifests(
      pod({ spec: '    sysctls: [{ name: net.ipv4.tcp_notsent_lowat, value: "1" }]\n' }),
      { file: 'app.yaml' },
    ).resources;
    expect(
      evaluateResources(sysctl, { ...policy, kubernetesVersion: '1.36' }).map((f) => f.ruleId),
    ).toEqual(['KPG107']);
    expect(evaluateResources(sysctl, { ...policy, kubernetesVersion: '1.37' })).toEqual([]);
  });
});

describe('enforce, warn and audit together, as the API server combines them', () => {
  // Privileged (baseline and restricted reject it) and without runAsNonRoot (restricted only).
  const privileged = pod({ container: '        privileged: true\n' }).replace(
    '    runAsNonRoot: true\n',
    '',
  );
  const restrictedOnly = pod().replace('    runAsNonRoot: true\n', '');
  const labels = (modes: Record<string, string>) =>
    Object.fromEntries(Object.entries(modes).map(([mode, level]) => [`${LABEL}${mode}`, level]));

  it('a Pod that enforce rejects gets no warnings, and audit is still recorded', () => {
    const findings = admit(
      labels({ enforce: 'baseline', warn: 'restricted', audit: 'restricted' }),
      privileged,
    );
    expect(summary(findings)).toEqual(['KSV017 high', 'KPG111 low']);
    expect(findings[0]!.message).toMatch(
      /^pods "web" is forbidden: violates PodSecurity "baseline:latest": /,
    );
    expect(findings[1]!.message).toMatch(
      /^would violate PodSecurity "restricted:latest" \(audit annotation pod-security\.kubernetes\.io\/audit-violations\): /,
    );
  });

  it('a Pod that enforce admits gets the warnings', () => {
    const findings = admit(labels({ enforce: 'baseline', warn: 'restricted' }), restrictedOnly);
    expect(summary(findings)).toEqual(['KPG111 medium']);
    expect(findings[0]!.message).toMatch(
      /^Warning: would violate PodSecurity "restricted:latest": /,
    );
  });

  const deployment = (template: string) =>
    `apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: apps }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
${template
  .slice(template.indexOf('spec:'))
  .split('\n')
  .map((line) => (line ? `    ${line}` : line))
  .join('\n')}`;

  it('a workload is not enforced: admitted, with the warnings, while its Pods would be rejected', () => {
    const findings = admit(
      labels({ enforce: 'baseline', warn: 'restricted' }),
      deployment(privileged),
    );
    expect(summary(findings)).toEqual(['KSV017 high', 'KPG111 medium']);
    expect(findings[0]!.message).toMatch(
      /^Deployment "web" is admitted with a warning \(PodSecurity enforces on Pods, not on workloads\), but its Pods would be rejected in namespace 'apps': would violate PodSecurity "baseline:latest": /,
    );
    expect(findings[1]!.message).toMatch(
      /^Warning: would violate PodSecurity "restricted:latest": /,
    );
  });

  it('says the workload is admitted without a warning when warn does not catch what enforce does', () => {
    const findings = admit(
      labels({ enforce: 'restricted', warn: 'privileged' }),
      deployment(restrictedOnly),
    );
    expect(summary(findings)).toEqual(['KPG111 high']);
    expect(findings[0]!.message).toMatch(
      /^Deployment "web" is admitted \(PodSecurity enforces on Pods, not on workloads\), but its Pods would be rejected in namespace 'apps': would violate PodSecurity "restricted:latest": /,
    );
  });
});
