import { describe, expect, it } from 'vitest';
import {
  WORKFLOW_ANNOTATIONS_PER_LEVEL,
  WorkflowAnnotationBudget,
  type WorkflowLevel,
} from './annotations.js';

describe('WorkflowAnnotationBudget', () => {
  it('writes each annotation and leaves the findings what the step has not used', () => {
    const written: Array<[WorkflowLevel, string, object]> = [];
    const budget = new WorkflowAnnotationBudget((level, message, place) =>
      written.push([level, message, place]),
    );
    budget.error('cannot read a.yaml', { file: 'a.yaml', startLine: 3 });
    budget.warning('expired exception');
    budget.warning('unused exception');
    budget.annotate('notice', 'see the job summary');

    expect(written).toEqual([
      ['error', 'cannot read a.yaml', { file: 'a.yaml', startLine: 3 }],
      ['warning', 'expired exception', {}],
      ['warning', 'unused exception', {}],
      ['notice', 'see the job summary', {}],
    ]);
    const max = WORKFLOW_ANNOTATIONS_PER_LEVEL;
    expect(budget.left(0)).toEqual({ error: max - 1, warning: max - 2, notice: max - 1 });
    // The failed gate keeps one error slot for its own message.
    expect(budget.left(1).error).toBe(max - 2);
  });
});
