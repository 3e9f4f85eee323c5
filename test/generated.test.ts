// Packs, rule docs and the README's rules table are generated from rule metadata; this fails
// when they were not regenerated after a rule changed (`npm run generate`).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generatedFiles } from '../scripts/generate.js';

describe('generated files', async () => {
  for (const [file, content] of await generatedFiles()) {
    it(`${file} is up to date`, () => {
      expect(readFileSync(file, 'utf8'), `run 'npm run generate'`).toBe(content);
    });
  }
});
