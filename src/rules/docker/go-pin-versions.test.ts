import { describe, expect, it } from 'vitest';
import { dockerLines } from '../../../test/support/docker.js';
import { goPinVersions } from './go-pin-versions.js';

describe('DL3062 go-pin-versions', () => {
  it.each([
    'FROM a:1\nRUN go install golang.org/x/tools/gopls@v0.16.2\n',
    'FROM a:1\nRUN go build ./... && go install .\n',
    'FROM a:1\nRUN go run ./cmd/gen --out x\n',
  ])('passes %j', (dockerfile) => {
    expect(dockerLines(goPinVersions, dockerfile)).toEqual([]);
  });

  it.each([
    ['FROM a:1\nRUN go install golang.org/x/tools/gopls@latest\n', [2]],
    ['FROM a:1\nRUN go get example.com/pkg\n', [2]],
  ] as Array<[string, number[]]>)('flags %j on the offending line', (dockerfile, lines) => {
    expect(dockerLines(goPinVersions, dockerfile)).toEqual(lines);
  });
});
