import { describe, expect, it } from 'vitest';
import { dockerLines } from '../../../test/support/docker.js';
import { pipPinVersions } from './pip-pin-versions.js';

describe('DL3013 pip-pin-versions', () => {
  it.each([
    'FROM a:1\nRUN pip install requests==2.32.3 "flask>=3"\n',
    'FROM a:1\nRUN pip install -r requirements.txt\n',
    'FROM a:1\nRUN pip install .\n',
    'FROM a:1\nRUN pip install git+https://x/y.git@v1#egg=y\n',
    'FROM a:1\nRUN pipenv install black\n',
  ])('passes %j', (dockerfile) => {
    expect(dockerLines(pipPinVersions, dockerfile)).toEqual([]);
  });

  it.each([
    ['FROM a:1\nRUN python3 -m pip install requests\n', [2]],
    ['FROM a:1\nRUN pip install --index-url https://x/simple requests\n', [2]],
  ] as Array<[string, number[]]>)('flags %j on the offending line', (dockerfile, lines) => {
    expect(dockerLines(pipPinVersions, dockerfile)).toEqual(lines);
  });
});
