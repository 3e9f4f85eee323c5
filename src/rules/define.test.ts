import { describe, expect, it } from 'vitest';
import { trivyAliases } from './define.js';
import { allRules } from './index.js';

describe('defineK8sRule / defineDockerRule', () => {
  it.each([
    ['001', ['KSV-0001', 'AVD-KSV-0001']],
    ['117', ['KSV-0117', 'AVD-KSV-0117']],
    ['0125', ['KSV-0125', 'AVD-KSV-0125', 'KSV125']],
    ['01010', ['KSV-01010', 'AVD-KSV-01010']],
  ])("derives Trivy's names for KSV%s", (digits, aliases) => {
    expect(trivyAliases(digits)).toEqual(aliases);
  });

  it('gives every KSV rule its AVD names, long ID and page, every DL rule its wiki page', () => {
    for (const { meta } of allRules) {
      expect(meta.url).toMatch(new RegExp(`/docs/rules/${meta.id}\\.md$`));
      if (meta.id.startsWith('KSV')) {
        const digits = meta.id.slice(3);
        expect(meta.aliases).toEqual(expect.arrayContaining(trivyAliases(digits)));
        expect(meta.aliases.some((alias) => alias.startsWith('kubernetes-'))).toBe(true);
        expect(meta.references?.[0]).toBe(
          `https://avd.aquasec.com/misconfig/${meta.id.toLowerCase()}`,
        );
      } else if (meta.id.startsWith('DL')) {
        expect(meta.references?.[0]).toBe(`https://github.com/hadolint/hadolint/wiki/${meta.id}`);
      }
    }
  });

  it('takes the default options from the options schema', () => {
    for (const rule of allRules) {
      const schema = rule.meta.options ?? {};
      expect(Object.keys(rule.defaultOptions ?? {})).toEqual(Object.keys(schema));
      for (const [key, option] of Object.entries(schema)) {
        expect((rule.defaultOptions as Record<string, unknown>)[key]).toEqual(option.default);
      }
    }
  });
});
