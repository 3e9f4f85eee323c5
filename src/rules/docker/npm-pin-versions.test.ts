import { describe, expect, it } from 'vitest';
import { dockerLines } from '../../../test/support/docker.js';
import { npmPinVersions } from './npm-pin-versions.js';

describe('DL3016 npm-pin-versions', () => {
  it.each([
    'FROM a:1\nRUN npm install\n',
    'FROM a:1\nRUN npm install -g typescript@5.6.3 @scope/pkg@1.0.0\n',
    'FROM a:1\nRUN npm install ./local git+https://x/y.git#v1\n',
    'FROM a:1\nRUN npm run --silent install\n',
  ])('passes %j', (dockerfile) => {
    expect(dockerLines(npmPinVersions, dockerfile)).toEqual([]);
  });

  it.each([
    ['FROM a:1\nRUN npm install express\n', [2]],
    ['FROM a:1\nRUN npm install --registry https://r @scope/pkg\n', [2]],
  ] as Array<[string, number[]]>)('flags %j on the offending line', (dockerfile, lines) => {
    expect(dockerLines(npmPinVersions, dockerfile)).toEqual(lines);
  });
});
