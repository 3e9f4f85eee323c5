// The Pod Security Standards fixtures of k8s.io/pod-security-admission (newest policy version) are
// the definition: through the real packs, every `fail` fixture must have a finding and every `pass`
// fixture none.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../src/config/policy.js';
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

/** The newest `v1.NN` folder of a level. */
function newestVersion(level: string): string {
  const versions = readdirSync(path.join(CORPUS, level)).filter((name) => /^v1\.\d+$/.test(name));
  return versions.sort((a, b) => Number(a.slice(3)) - Number(b.slice(3))).at(-1)!;
}

function fixtures(level: string, outcome: 'pass' | 'fail') {
  const dir = path.join(CORPUS, level, newestVersion(level), outcome);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => ({ name, file: path.join(dir, name) }));
}

describeCorpus('Pod Security Admission fixtures', ['pss'], () => {
  describe.each([
    { level: 'baseline', pass: 15, fail: 34 },
    { level: 'restricted', pass: 23, fail: 76 },
  ])('pss-$level pack against the PSA fixtures', ({ level, pass, fail }) => {
    const policy = loadPolicy({ root: CORPUS, packs: [`pss-${level}`] });
    const findingsOf = (file: string) => {
      const { resources, errors } = parseManifests(readFileSync(file, 'utf8'), { file });
      expect(errors).toEqual([]);
      expect(resources).toHaveLength(1);
      return evaluateResources(resources, policy);
    };

    it('uses the newest policy version and every fixture in it', () => {
      expect(newestVersion(level)).toBe('v1.37');
      expect(fixtures(level, 'pass')).toHaveLength(pass);
      expect(fixtures(level, 'fail')).toHaveLength(fail);
    });

    it.each(fixtures(level, 'fail'))('denies fail/$name by its control', ({ name, file }) => {
      const control = name.replace(/\d*\.yaml$/, '');
      const rules = findingsOf(file).map((finding) => finding.ruleId);
      expect(rules.length).toBeGreaterThan(0);
      expect(rules.filter((id) => CONTROL_RULES[control].includes(id)).length).toBeGreaterThan(0);
    });

    it.each(fixtures(level, 'pass'))('allows pass/$name', ({ file }) => {
      expect(findingsOf(file).map((f) => `${f.ruleId}: ${f.message}`)).toEqual([]);
    });
  });
});
