import { defineDockerRule } from '../define.js';
import { argsOf, at, instructionsOf } from './helpers.js';

const ARCHIVE = /\.(tar|gz|tgz|bz2|tbz|tbz2|tb2|xz|txz|zst|tzst|lz|lzma|tlz|z|Z)$/i;
const URL = /^[a-z][a-z0-9+.-]*:\/\//i;

export const copyNotAdd = defineDockerRule({
  meta: {
    id: 'DL3020',
    name: 'copy-not-add',
    severity: 'high',
    title: 'Use COPY instead of ADD for files and folders',
    description:
      '`ADD` is for URLs and local archives to extract; plain files and folders use `COPY`.',
    rationale:
      '`ADD` silently extracts archives and fetches URLs; `COPY` does exactly one thing, so the result is predictable.',
    fix: '```dockerfile\nCOPY requirements.txt /app/\n```',
  },
  check: (dockerfile) =>
    instructionsOf(dockerfile, 'ADD')
      .filter((instruction) => argsOf(instruction).length >= 2)
      .filter((instruction) =>
        argsOf(instruction)
          .slice(0, -1)
          .some((source) => !URL.test(source) && !ARCHIVE.test(source)),
      )
      .map((instruction) => at(instruction, 'Use COPY instead of ADD for files and folders')),
});
