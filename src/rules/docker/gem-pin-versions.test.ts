import { describe, expect, it } from 'vitest';
import { dockerLines } from '../../../test/support/docker.js';
import { gemPinVersions } from './gem-pin-versions.js';

describe('DL3028 gem-pin-versions', () => {
  it.each([
    'FROM a:1\nRUN gem install bundler:2.5.6\n',
    'FROM a:1\nRUN gem install bundler -v 2.5.6\n',
    'FROM a:1\nRUN gem install nokogiri:1.16 -- --use-system-libraries\n',
  ])('passes %j', (dockerfile) => {
    expect(dockerLines(gemPinVersions, dockerfile)).toEqual([]);
  });

  it.each([
    ['FROM a:1\nRUN gem install bundler\n', [2]],
    ['FROM a:1\nRUN gem i rails:7 --no-document rake\n', [2]],
  ] as Array<[string, number[]]>)('flags %j on the offending line', (dockerfile, lines) => {
    expect(dockerLines(gemPinVersions, dockerfile)).toEqual(lines);
  });
});
