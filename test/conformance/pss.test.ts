// The Pod Security Standards fixtures of k8s.io/pod-security-admission are the definition, one folder
// per policy version (v1.36, v1.37 here): every `fail` fixture must have a finding by its control
// and every `pass` fixture none, both through the packs with the target Kubernetes version set to
// the folder's, and through Pod Security Admission with a Namespace pinned to it
// (`pod-security.kubernetes.io/enforce-version: v1.N`) while the target is the newest version.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../src/config/policy.js';
import { evaluateAdmission } from '../../src/rules/admission/index.js';
import { evaluateResources } from '../../src/rules/evaluate.js';
import { parseManifests } from '../../src/sources/manifests.js';
import { corpusPath, describeCorpus } from '../support/corpus.js';

const CORPUS = corpusPath('pss');

/** The rule(s) implementing the control a fixture exercises (its file name prefix). */
const CONTROL_RULES: Record<string, string[]> = {
  allowprivilegeescalation: ['KPG110'],
  apparmorprofile: ['KPG103'],
  capabilities_baseline: ['KPG101'],
  capabilities_restricted: ['KPG114'],
  hostnamespaces: ['KSV008', 'KSV009', 'KSV010'],
  hostpathvolumes: ['KSV023'],
  hostports: ['KPG102'],
  hostprobesandhostlifecycle: ['KPG108'],
  privileged: ['KSV017'],
  procmount: ['KPG105'],
  procmount_restricted: ['KPG115'],
  restrictedvolumes: ['KPG109'],
  runasnonroot: ['KPG111'],
  runasuser: ['KPG112'],
  seccompprofile_baseline: ['KPG106'],
  seccompprofile_restricted: ['KPG113'],
  selinuxoptions: ['KPG104'],
  sysctls: ['KPG107'],
  windowshostprocess: ['KSV103'],
};

/**
 * At the restricted level PSA runs a restricted check instead of the baseline one it replaces
 * (capabilities_restricted for capabilities_baseline, restrictedVolumes for hostPathVolumes, ...):
 * a fixture of the replaced control is denied by the replacing one.
 */
const REPLACED_BY: Record<string, string[]> = {
  capabilities_baseline: ['KPG114'],
  hostpathvolumes: ['KPG109'],
  procmount: ['KPG115'],
  seccompprofile_baseline: ['KPG113'],
};

/** The `v1.NN` folders of a level, oldest first. */
function versions(level: string): string[] {
  return readdirSync(path.join(CORPUS, level))
    .filter((name) => /^v1\.\d+$/.test(name))
    .sort((a, b) => Number(a.slice(3)) - Number(b.slice(3)));
}

function fixtures(level: string, version: string, outcome: 'pass' | 'fail') {
  const dir = path.join(CORPUS, level, version, outcome);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => ({ name, file: path.join(dir, name), control: controlOf(name) }));
}

const controlOf = (name: string) => name.replace(/\d*\.yaml$/, '');

function podOf(file: string) {
  const { resources, errors } = parseManifests(readFileSync(file, 'utf8'), { file });
  expect(errors).toEqual([]);
  expect(resources).toHaveLength(1);
  return resources;
}

/** PSA's findings for the fixture's Pod in a namespace enforcing `level` pinned to `version`. */
function admissionFindings(file: string, level: string, version: string, target: string) {
  const labels = {
    'pod-security.kubernetes.io/enforce': level,
    'pod-security.kubernetes.io/enforce-version': version,
  };
  return evaluateAdmission(podOf(file), {
    kubernetesVersion: target,
    admission: { namespaces: { default: { labels } } },
  }).merge([]);
}

describeCorpus('Pod Security Admission fixtures', ['pss'], () => {
  describe.each([
    { level: 'baseline', pass: 15, fail: 34 },
    { level: 'restricted', pass: 23, fail: 76 },
  ])('$level', ({ level, pass, fail }) => {
    const all = versions(level);
    const newest = all.at(-1)!.slice(1);

    it('has the policy versions SOURCES.md lists, each complete', () => {
      expect(all).toEqual(['v1.36', 'v1.37']);
      for (const version of all) {
        expect(fixtures(level, version, 'pass')).toHaveLength(pass);
        expect(fixtures(level, version, 'fail')).toHaveLength(fail);
      }
    });

    describe.each(all)('%s', (version) => {
      const policy = {
        ...loadPolicy({ root: CORPUS, packs: [`pss-${level}`] }),
        kubernetesVersion: version.slice(1),
      };
      const packFindings = (file: string) => evaluateResources(podOf(file), policy);

      it.each(fixtures(level, version, 'fail'))(
        'the pack denies fail/$name by its control',
        ({ file, control }) => {
          const rules = packFindings(file).map((finding) => finding.ruleId);
          expect(rules.filter((id) => CONTROL_RULES[control].includes(id))).not.toEqual([]);
        },
      );

      it.each(fixtures(level, version, 'pass'))('the pack allows pass/$name', ({ file }) => {
        expect(packFindings(file).map((f) => `${f.ruleId}: ${f.message}`)).toEqual([]);
      });

      it.each(fixtures(level, version, 'fail'))(
        `PSA pinned to ${version} rejects fail/$name by its control`,
        ({ file, control }) => {
          const findings = admissionFindings(file, level, version, newest);
          const expected =
            level === 'restricted' && REPLACED_BY[control]
              ? REPLACED_BY[control]
              : CONTROL_RULES[control];
          expect(findings.filter((f) => expected.includes(f.ruleId))).not.toEqual([]);
          for (const finding of findings) {
            expect(finding.severity).toBe('high');
            expect(finding.message).toContain(
              `pods "${finding.resource?.name}" is forbidden: violates PodSecurity "${level}:${version}": `,
            );
          }
        },
      );

      it.each(fixtures(level, version, 'pass'))(
        `PSA pinned to ${version} admits pass/$name`,
        ({ file }) => {
          const findings = admissionFindings(file, level, version, newest);
          expect(findings.map((f) => `${f.ruleId}: ${f.message}`)).toEqual([]);
        },
      );
    });

    // SOURCES.md: v1.37's pass/sysctls1.yaml sets the sysctls that version made safe, so the same
    // Pod is denied under a Namespace pinned to v1.36, and under `latest` when the target is 1.36.
    it('v1.37 pass/sysctls1.yaml is denied at v1.36 by the sysctls control', () => {
      const file = path.join(CORPUS, level, 'v1.37', 'pass', 'sysctls1.yaml');
      for (const findings of [
        admissionFindings(file, level, 'v1.36', '1.37'),
        admissionFindings(file, level, 'latest', '1.36'),
        admissionFindings(file, level, 'v1.37', '1.36'),
      ])
        expect(findings.map((f) => f.ruleId)).toEqual(['KPG107', 'KPG107']);
      expect(admissionFindings(file, level, 'latest', '1.37')).toEqual([]);
    });
  });
});
