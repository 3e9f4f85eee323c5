// The layer boundaries of eslint.config.js hold: an upward import fails lint, a downward one
// passes (docs/ARCHITECTURE.md, Layers).
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();
const restricted = async (filePath: string, code: string) =>
  (await eslint.lintText(code, { filePath }))[0].messages
    .filter((message) => message.ruleId === 'no-restricted-imports')
    .map((message) => message.message.split(' import is')[0]);

describe('layer boundaries', () => {
  it.each([
    ['src/rules/x.ts', '../config/policy.js'],
    ['src/sources/helm/x.ts', '../../rules/evaluate.js'],
    ['src/sources/x.ts', '../scan.js'],
    ['src/github/x.ts', '../report/markdown.js'],
    ['src/suppress/x.ts', '../config/policy.js'],
    ['src/config/x.ts', '../report/json.js'],
    ['src/scan.ts', './report/json.js'],
    ['src/report/x.ts', '../cli.js'],
  ])('%s may not import %s', async (file, target) => {
    const code = `import type { X } from '${target}';\nexport type Y = X;\n`;
    expect(await restricted(file, code)).toEqual([`'${target}'`]);
  });

  it.each([
    ['src/config/x.ts', '../rules/index.js'],
    ['src/rules/x.ts', '../sources/resource.js'],
    ['src/report/x.ts', '../scan.js'],
    ['src/cli.ts', './report/json.js'],
    ['src/sources/helm/x.ts', './render.js'],
  ])('%s may import %s', async (file, target) => {
    const code = `import type { X } from '${target}';\nexport type Y = X;\n`;
    expect(await restricted(file, code)).toEqual([]);
  });
});
