import { describe, expect, it } from 'vitest';
import { dockerLines } from '../../../test/support/docker.js';
import { addToExtractArchives } from './add-to-extract-archives.js';

describe('DL3010 add-to-extract-archives', () => {
  it.each([
    'FROM a:1\nCOPY app.tar.gz /tmp/\n',
    'FROM a:1\nCOPY --from=build /app.tar /app.tar\nRUN tar -xf /app.tar\n',
    'FROM a:1\nCOPY app.tar /tmp/\nFROM b:1\nRUN tar -xf /tmp/app.tar\n',
  ])('passes %j', (dockerfile) => {
    expect(dockerLines(addToExtractArchives, dockerfile)).toEqual([]);
  });

  it.each([
    ['FROM a:1\nCOPY app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz -C /opt\n', [2]],
    ['FROM a:1\nCOPY build/app.zip.gz /tmp/\nRUN gunzip /tmp/app.zip.gz\n', [2]],
  ] as Array<[string, number[]]>)('flags %j on the offending line', (dockerfile, lines) => {
    expect(dockerLines(addToExtractArchives, dockerfile)).toEqual(lines);
  });
});
