import { describe, expect, it } from 'vitest';
import {
  annotationBudget,
  annotationPath,
  planWorkflowAnnotations,
  selectAnnotated,
  toCheckAnnotation,
} from '../../src/report/annotations.js';
import type { ChangedLines } from '../../src/diff/changed-lines.js';
import { finding } from './fixtures.js';

describe('annotations', () => {
  const changed: ChangedLines = new Map([
    ['deploy/web.yaml', { added: new Set([12]), commentable: new Set([11, 12, 13]) }],
  ]);
  const onAdded = finding({ line: 12, severity: 'medium' });
  const onContext = finding({ line: 13 });
  const elsewhere = finding({ file: 'deploy/other.yaml', line: 12, severity: 'critical' });

  it('selects findings on added lines, all of them, or none; most severe first', () => {
    const all = [onAdded, onContext, elsewhere];
    expect(selectAnnotated(all, 'changed-lines', changed)).toEqual([onAdded]);
    expect(selectAnnotated(all, 'all', changed)).toEqual([elsewhere, onContext, onAdded]);
    expect(selectAnnotated(all, 'none', changed)).toEqual([]);
    // No diff to go by (a push): every finding.
    expect(selectAnnotated(all, 'changed-lines')).toHaveLength(3);
  });

  it('budgets check-run annotations: most severe first, changed lines first, the rest counted', () => {
    const medium = Array.from({ length: 5 }, (_, i) =>
      finding({ file: 'deploy/other.yaml', line: i + 1, severity: 'medium' }),
    );
    const { annotated, omitted } = annotationBudget(
      [...medium, onAdded, onContext, elsewhere],
      changed,
      4,
    );
    // critical, high, then the medium on an added line before the other mediums.
    expect(annotated.slice(0, 3)).toEqual([elsewhere, onContext, onAdded]);
    expect(annotated).toHaveLength(4);
    expect(omitted).toBe(4);
  });

  it('keeps titles within 255 characters, messages within 64 KB, paths plain and relative', () => {
    const long = toCheckAnnotation(
      finding({
        title: 'T'.repeat(400),
        message: `${'m'.repeat(70_000)}\u001b[31m`,
        file: './deploy\\web.yaml',
      }),
    );
    expect([...long.title!].length).toBeLessThanOrEqual(255);
    expect(Buffer.byteLength(long.message)).toBeLessThanOrEqual(64 * 1024);
    expect(long.path).toBe('deploy/web.yaml');
    expect(annotationPath('/abs/x.yaml')).toBe('abs/x.yaml');
  });

  it('maps severity to check-run levels with the context in the message', () => {
    expect(
      toCheckAnnotation(finding({ status: 'new', chart: 'charts/web', valuesSet: 'prod' })),
    ).toEqual({
      path: 'deploy/web.yaml',
      start_line: 20,
      end_line: 20,
      annotation_level: 'failure',
      title: 'new high KSV017: Privileged',
      message:
        "Container 'app' of Deployment 'web' should set 'securityContext.privileged' to false\n(Deployment/web, container app, chart charts/web (prod))",
    });
  });

  it('fits workflow annotations into what is left of each level and keeps a slot for the notice', () => {
    const findings = [
      ...Array.from({ length: 12 }, () => finding({ severity: 'high' })),
      ...Array.from({ length: 3 }, () => finding({ severity: 'medium' })),
      ...Array.from({ length: 10 }, () => finding({ severity: 'low' })),
    ];
    const plan = planWorkflowAnnotations(findings, { error: 9, warning: 10, notice: 10 }, 'see X');
    const count = (level: string) => plan.annotations.filter((a) => a.level === level).length;
    expect([count('error'), count('warning'), count('notice')]).toEqual([9, 3, 9]);
    expect(plan.omitted).toBe(4);
    expect(plan.notice).toBe(
      'kube-policy-gate: 4 more finding(s) not annotated here (GitHub shows at most 10 annotations per level in a step); see X.',
    );
    // Everything fits: no notice, and the notice slot is not held back.
    const fits = planWorkflowAnnotations(
      findings.slice(15),
      { error: 10, warning: 10, notice: 10 },
      'x',
    );
    expect(fits).toEqual(expect.objectContaining({ omitted: 0 }));
    expect(fits.annotations).toHaveLength(10);
    expect(fits.notice).toBeUndefined();
  });
});
