// Packs, rule docs and the reference tables are generated from metadata; this fails
// when they were not regenerated after a rule changed (`npm run generate`).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generatedFiles } from '../scripts/generate.js';
import { CLI_OPTIONS } from '../src/config/cli-options.js';

describe('generated files', async () => {
  for (const [file, content] of await generatedFiles()) {
    it(`${file} is up to date`, () => {
      expect(readFileSync(file, 'utf8'), `run 'npm run generate'`).toBe(content);
    });
  }
});

// The options table (src/config/cli-options.ts) documents exactly the flags src/cli.ts parses.
describe('CLI options table', () => {
  it('lists every flag parseArgs accepts, and no other', () => {
    const cli = readFileSync('src/cli.ts', 'utf8');
    const block = /parseArgs\(\{[\s\S]*?options: \{([\s\S]*?)\n {4}\},/.exec(cli)?.[1];
    expect(block, 'the parseArgs options in src/cli.ts').toBeDefined();
    const parsed = [...block!.matchAll(/^\s*'?([a-z-]+)'?: \{ type: '(string|boolean)'/gm)].map(
      ([, name, type]) => `--${name}${type === 'string' ? ' ARG' : ''}`,
    );
    const documented = CLI_OPTIONS.map((o) => `${o.flag}${o.argument ? ' ARG' : ''}`);
    expect(documented.sort()).toEqual(parsed.sort());
  });
});
