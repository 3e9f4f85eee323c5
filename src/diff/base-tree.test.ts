import { describe, expect, it } from 'vitest';
import { checkedRef } from './base-tree.js';

describe('checkedRef', () => {
  it('takes branch names, tags, commit ids and rev expressions', () => {
    for (const ref of ['main', 'origin/main', 'v1.2.3', 'a'.repeat(40), 'HEAD~1'])
      expect(checkedRef(ref)).toBe(ref);
  });

  it('refuses what git could read as an option, and control characters', () => {
    for (const ref of ['', '-', '--output=/tmp/x', '--upload-pack=touch x', 'main\nx', 'a b'])
      expect(() => checkedRef(ref)).toThrow(/not a usable git ref/);
  });
});
