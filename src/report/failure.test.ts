import { describe, expect, it } from 'vitest';
import { ConfigError } from '../config/errors.js';
import { PathNotFoundError } from '../sources/discover.js';
import { HelmUnavailableError } from '../sources/helm/index.js';
import { describeFailure } from './failure.js';

class FlagError extends Error {}

describe('describeFailure', () => {
  it('keeps every configuration problem, each line escaped', () => {
    const problems = [{ file: 'p.yaml', line: 2, key: 'rulez', message: 'unknown key\u001b[2J' }];
    const failure = describeFailure(new ConfigError(problems));
    expect(failure.kind).toBe('configuration');
    expect(failure).toMatchObject({ problems });
    expect(failure.message).not.toContain('\u001b');
  });

  it("tells usage (the caller's own error classes, a missing path) from the environment", () => {
    expect(describeFailure(new FlagError('--x')).kind).toBe('internal');
    expect(describeFailure(new FlagError('--x'), [FlagError]).kind).toBe('usage');
    expect(describeFailure(new PathNotFoundError('path not found: x')).kind).toBe('usage');
    expect(describeFailure(new HelmUnavailableError('no helm')).kind).toBe('environment');
  });

  it('never lets a message forge a workflow command', () => {
    const failure = describeFailure(new Error('boom\n::error::forged'));
    expect(failure).toMatchObject({ kind: 'internal' });
    expect(failure.message).not.toMatch(/^::/m);
  });
});
