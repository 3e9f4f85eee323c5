// The SARIF rule table for rules the scanned repository defines: ValidatingAdmissionPolicies (`vap/*`) and
// custom rules link to the admission docs and describe the policy from its findings.
import { describe, expect, it } from 'vitest';
import { sarifLog } from './sarif.js';
import { finding, result } from '../../test/github/fixtures.js';
import { validateSarif } from '../../test/github/sarif-schema.js';
import { customRuleMeta } from '../rules/custom/custom-rules.js';
import { setCustomRuleMetas } from '../rules/index.js';
import { renderComment } from './comment.js';

interface SarifRule {
  id: string;
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  helpUri?: string;
}

describe('SARIF rules of the repository’s own policies', () => {
  const vap = (validation: number, expression: string, binding = 'replica-limit-prod') =>
    finding({
      ruleId: 'vap/replica-limit',
      title: 'replica-limit',
      message: `ValidatingAdmissionPolicy 'replica-limit' with binding '${binding}' denied request: too many`,
      admission: { policy: 'replica-limit', binding, validation, expression },
    });

  it('link vap/* to the admission docs and name bindings and failing validations', () => {
    const log = sarifLog(
      result({
        findings: [
          vap(1, 'object.spec.replicas <= 5'),
          vap(0, 'has(object.metadata.labels) && [x](http://evil) @team', 'other'),
          vap(1, 'object.spec.replicas <= 5'),
        ],
      }),
    ) as { runs: [{ tool: { driver: { rules: SarifRule[] } } }] };
    expect(validateSarif(log), JSON.stringify(validateSarif.errors)).toBe(true);
    const [rule] = log.runs[0].tool.driver.rules;
    expect(rule!.helpUri).toMatch(
      /\/blob\/v[^/]+\/docs\/admission\.md#validatingadmissionpolicies-in-the-repository$/,
    );
    expect(rule!.fullDescription.text).toContain(
      'Bindings: replica-limit-prod, other.\nspec.validations[0]: has(object.metadata.labels) && [x](http://evil) @team\nspec.validations[1]: object.spec.replicas <= 5',
    );
    // The expression comes from the pull request: shown as text, never as a link or a mention.
    expect(rule!.help.markdown).not.toContain('[x](http');
    expect(rule!.help.markdown).not.toContain(' @team');
    expect(rule!.help.markdown).toContain(
      '- `spec.validations[1]`: object.spec.replicas &lt;= 5'.replace('&lt;', '&#60;'),
    );
    expect(rule!.help.markdown).toContain(`[Rule documentation](${rule!.helpUri})`);
  });

  it('link custom rules to the custom rules docs, in SARIF and in the comment', () => {
    setCustomRuleMetas([
      customRuleMeta({
        id: 'ACME001',
        severity: 'medium',
        title: 'Team label',
        kinds: [],
        expression: "'team' in object.metadata.labels",
        file: '.kube-policy-gate.yaml',
        line: 3,
      }),
    ]);
    try {
      const scanned = result({ findings: [finding({ ruleId: 'ACME001', title: 'Team label' })] });
      const log = sarifLog(scanned) as { runs: [{ tool: { driver: { rules: SarifRule[] } } }] };
      expect(validateSarif(log)).toBe(true);
      const [rule] = log.runs[0].tool.driver.rules;
      expect(rule!.helpUri).toMatch(/\/docs\/admission\.md#custom-rules$/);
      expect(renderComment(scanned, { marker: '<!-- kpg -->', gate: 'all' })).toContain(
        `[ACME001](${rule!.helpUri})`,
      );
    } finally {
      setCustomRuleMetas([]);
    }
  });
});
