// The policy file's `kustomize:` key: roots to render, validated with file, line and key.
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/errors.js';
import { parsePolicyText, POLICY_KEYS } from '../../src/config/parse.js';

const FILE = '.kube-policy-gate.yaml';

function problems(text: string): string[] {
  try {
    parsePolicyText(text, FILE, POLICY_KEYS);
    return [];
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return error.problems.map((p) => `${p.line}: ${p.key}: ${p.message}`);
  }
}

describe('kustomize.roots', () => {
  it('reads a list of root directories, or one', () => {
    const text = 'kustomize:\n  roots:\n    - overlays/prod\n    - overlays/staging/\n';
    expect(parsePolicyText(text, FILE, POLICY_KEYS).kustomize).toEqual({
      roots: ['overlays/prod', 'overlays/staging/'],
    });
    expect(parsePolicyText('kustomize: {roots: deploy}', FILE, POLICY_KEYS).kustomize).toEqual({
      roots: ['deploy'],
    });
  });

  it('leaves roots to discovery when absent', () => {
    expect(parsePolicyText('failOn: high\n', FILE, POLICY_KEYS).kustomize).toBeUndefined();
  });

  it('refuses what could be read as a flag or leaves the repository, and unknown keys', () => {
    expect(
      problems('kustomize:\n  roots: [--enable-exec, /etc, ../other, ok]\n  root: x\n'),
    ).toEqual([
      "2: kustomize.roots: '--enable-exec' must be a repository-relative directory",
      "2: kustomize.roots: '/etc' must be a repository-relative directory",
      "2: kustomize.roots: '../other' must be a repository-relative directory",
      "3: kustomize.root: unknown key (did you mean 'roots'?)",
    ]);
    expect(problems('kustomize: [a]\n')).toEqual([
      '1: kustomize: must be a mapping with keys roots',
    ]);
  });
});
