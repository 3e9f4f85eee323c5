import { describe, expect, it } from 'vitest';
import { dockerLines } from '../../../test/support/docker.js';
import { wgetOrCurl } from './wget-or-curl.js';

describe('DL4001 wget-or-curl', () => {
  it.each(['FROM a:1\nRUN wget -q x\nFROM b:1\nRUN curl -fsS y\n'])('passes %j', (dockerfile) => {
    expect(dockerLines(wgetOrCurl, dockerfile)).toEqual([]);
  });

  it.each([
    ['FROM a:1\nRUN wget -q x\nRUN echo hi\nRUN curl -fsS y\nRUN wget -q z\n', [4, 5]],
    ['FROM a:1\nRUN wget -q x && curl -fsS y\n', [2]],
  ] as Array<[string, number[]]>)('flags %j on the offending line', (dockerfile, lines) => {
    expect(dockerLines(wgetOrCurl, dockerfile)).toEqual(lines);
  });
});
