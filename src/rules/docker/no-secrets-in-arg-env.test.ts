import { describe, expect, it } from 'vitest';
import { dockerLines } from '../../../test/support/docker.js';
import { noSecretsInArgEnv } from './no-secrets-in-arg-env.js';

describe('DL3064 no-secrets-in-arg-env', () => {
  it.each(['ARG VERSION\nENV HOME=/app\n'])('passes %j', (dockerfile) => {
    expect(dockerLines(noSecretsInArgEnv, dockerfile)).toEqual([]);
  });

  it('flags the offending instruction on its line', () => {
    expect(
      dockerLines(noSecretsInArgEnv, 'FROM a:1\nARG GITHUB_TOKEN\nENV DB_PASSWORD=x\n'),
    ).toEqual([2, 3]);
  });
});
