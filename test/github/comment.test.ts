import { describe, expect, it } from 'vitest';
import { renderComment, verdict } from '../../src/report/comment.js';
import { finding, result } from './fixtures.js';

const links = {
  serverUrl: 'https://github.com',
  owner: 'acme',
  repo: 'deploy',
  headSha: 'a'.repeat(40),
  runUrl: 'https://github.com/acme/deploy/actions/runs/1',
};
const marker = '<!-- kube-policy-gate:sticky id=x -->';

describe('the pull request comment', () => {
  it('starts with the marker and a one-line verdict', () => {
    const failing = result({ findings: [finding({ status: 'new' })], fixed: [] });
    expect(renderComment(failing, { marker, gate: 'new', links }).split('\n').slice(0, 2)).toEqual([
      marker,
      ':x: **kube-policy-gate failed**: 1 new finding(s) at or above `high`.',
    ]);
    const existingOnly = result({ findings: [finding({ status: 'existing' })], fixed: [] });
    expect(verdict(existingOnly, 'new')).toBe(
      ':white_check_mark: **kube-policy-gate passed**: no new finding(s) at or above `high` (0 new, 1 existing).',
    );
    expect(verdict(result({ findings: [], fixed: [] }), 'new')).toBe(
      ':white_check_mark: **kube-policy-gate: all clear**, no findings.',
    );
  });

  it('escapes file names, messages and chart names from the repository', () => {
    const hostile = finding({
      status: 'new',
      file: 'deploy/<script>alert(1)</script>.yaml',
      message: 'x | y ](javascript:alert(1)) <img src=x> @team #1 `code`',
      chart: 'charts/<b>web</b>',
      valuesSet: 'values-[prod].yaml',
    });
    const body = renderComment(result({ findings: [hostile], fixed: [] }), {
      marker,
      gate: 'new',
      links,
    });
    expect(body).not.toMatch(/<script|<img|<b>|\]\(javascript/);
    expect(body).toContain('&#60;img src=x&#62;');
    // The link escapes the path too, so it cannot close the Markdown link early.
    expect(body).toContain(
      `https://github.com/acme/deploy/blob/${'a'.repeat(40)}/deploy/%3Cscript%3Ealert%281%29%3C/script%3E.yaml#L20`,
    );
    expect(body).toContain(
      'chart charts/&#60;b&#62;web&#60;/b&#62;, values values-&#91;prod&#93;.yaml',
    );
  });

  it('puts existing, fixed and suppressed findings in collapsed sections, and warnings on top', () => {
    const body = renderComment(
      result({
        findings: [finding({ status: 'new', severity: 'medium' }), finding({ status: 'existing' })],
        fixed: [finding({ ruleId: 'KSV010', title: 'Access to host PID' })],
        suppressed: [
          {
            ...finding({ ruleId: 'KSV013' }),
            suppressedBy: {
              source: 'policy',
              file: '.kube-policy-gate.yaml',
              line: 4,
              reason: 'vendor image',
              expires: '2030-01-01',
            },
          },
        ],
        errors: [
          {
            file: '.trivyignore',
            line: 2,
            level: 'warning',
            message:
              'exception KSV001 expired on 2024-01-01; it matches nothing: remove it or extend it',
          },
        ],
      }),
      { marker, gate: 'new', links },
    );
    const order = [
      '**Warnings**',
      ':warning: .trivyignore&#58;2: exception KSV001 expired',
      '### New findings',
      '#### deploy/web.yaml (1)',
      '- :orange_circle: **[KSV017]',
      '<details><summary>1 existing finding(s), already on the base branch</summary>',
      '<details><summary>1 finding(s) fixed by this pull request</summary>',
      '<details><summary>1 suppressed finding(s)</summary>',
      'accepted by policy .kube-policy-gate.yaml&#58;4 until 2030-01-01: vendor image',
    ].map((part) => body.indexOf(part));
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(body.match(/<details>/g)).toHaveLength(3);
    expect(body.match(/<\/details>/g)).toHaveLength(3);
  });

  it('neutralises mentions, bare URLs, emoji codes and control characters', () => {
    const hostile = finding({
      status: 'new',
      message:
        'ping @octo-org/admins and https://evil.example/x www.evil.example :x: \u001b]8;;x\u0007 \u202e',
    });
    const body = renderComment(result({ findings: [hostile], fixed: [] }), { marker, gate: 'new' });
    const line = body.split('\n').find((l) => l.includes('ping'))!;
    // eslint-disable-next-line no-control-regex
    expect(line).not.toMatch(/@octo|https:\/\/evil|www\.evil|:x:|[\u001b\u0007\u202e]/);
    // eslint-disable-next-line no-control-regex
    expect(body).not.toMatch(/[\u001b\u0007\u202e]/);
    expect(body).toContain('@\u200docto-org/admins');
    expect(body).toContain('&#92;x1b&#93;8;;x&#92;x07 &#92;u202e');
  });

  it('groups thousands of new findings by file, worst file first, then "and N more"', () => {
    const many = Array.from({ length: 3000 }, (_, i) =>
      finding({
        status: 'new',
        file: `deploy/team-${String(i % 50).padStart(2, '0')}.yaml`,
        severity: i % 50 === 7 ? 'critical' : 'medium',
        line: i + 1,
      }),
    );
    const body = renderComment(result({ findings: many, fixed: [] }), {
      marker,
      gate: 'new',
      links,
    });
    expect(body.length).toBeLessThanOrEqual(65_536);
    const headings = [...body.matchAll(/^#### (.+) \((\d+)\)$/gm)].map((m) => m[1]);
    expect(headings[0]).toBe('deploy/team-07.yaml');
    expect(new Set(headings).size).toBe(headings.length);
    const listed = body.match(/^- :(bangbang|orange_circle): /gm)!.length;
    const [, more] = body.match(
      /… and (\d+) more new findings \(see the \[job summary\]\(https:\/\/github.com\/acme\/deploy\/actions\/runs\/1\)\)/,
    )!;
    expect(listed + Number(more)).toBe(3000);
  });

  it('stays under the limit and says how many findings it left out', () => {
    const many = Array.from({ length: 400 }, (_, i) =>
      finding({ status: i % 2 ? 'existing' : 'new', line: i + 1 }),
    );
    const body = renderComment(result({ findings: many, fixed: [] }), {
      marker,
      gate: 'new',
      links,
      maxChars: 20_000,
    });
    expect(body.length).toBeLessThanOrEqual(20_000);
    const listedNew = body.split('<details>')[0].match(/^- :red_circle: \*\*\[KSV017\]/gm)!.length;
    const [, more] = body.match(/… and (\d+) more new findings \(see the \[job summary\]/)!;
    expect(listedNew + Number(more)).toBe(200);
    // The collapsed section still gets its own count.
    expect(body).toMatch(/<details><summary>200 existing[\s\S]*… and \d+ more in this section/);
    expect(body.endsWith('\n')).toBe(true);
  });
});
