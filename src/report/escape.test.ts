import { describe, expect, it } from 'vitest';
import {
  jsonTextSafe,
  markdownText,
  plainText,
  terminalLine,
  truncateBytes,
  truncateChars,
} from './escape.js';

describe('plainText', () => {
  it.each([
    ['a\nb', 'a\\nb'],
    ['a\r::add-mask::x', 'a\\r::add-mask::x'],
    ['\u001b[2J\u001b]8;;https://x\u0007', '\\x1b[2J\\x1b]8;;https://x\\x07'],
    ['\u0085 next line, \u009b CSI', '\\x85 next line, \\x9b CSI'],
    ['DEL\u007f', 'DEL\\x7f'],
    ['abc\u202edcba\u2066\u200f', 'abc\\u202edcba\\u2066\\u200f'],
    ['tab\there', 'tab\\there'],
    ['ünïcode — fine', 'ünïcode — fine'],
  ])('shows %j as %j', (input, output) => {
    expect(plainText(input)).toBe(output);
  });
});

describe('terminalLine', () => {
  it('never starts with a workflow command', () => {
    expect(terminalLine('::error::x')).toBe('\\x3a:error::x');
    expect(terminalLine('  ::warning::x')).toBe('  \\x3a:warning::x');
    expect(terminalLine('deploy/a::b.yaml')).toBe('deploy/a::b.yaml');
  });
});

describe('markdownText', () => {
  it('breaks markup, mentions, bare URLs and emoji codes', () => {
    const text = markdownText(
      '@octo-org/team see https://evil.example and www.evil.example :x: <b>*x*</b>',
    );
    expect(text).not.toMatch(/@octo|https:\/\/|www\.evil|:x:|<b>|\*x\*/);
    expect(text).toContain('@\u200docto-org/team');
  });
});

describe('truncation', () => {
  it('cuts at UTF-8 byte limits without splitting a character', () => {
    const text = 'ä'.repeat(100);
    const cut = truncateBytes(text, 51);
    expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(51);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut).not.toContain('\ufffd');
    expect(truncateBytes('short', 10)).toBe('short');
  });

  it('cuts at a character count, counting code points', () => {
    expect([...truncateChars('😀'.repeat(300), 255)]).toHaveLength(255);
  });
});

describe('jsonTextSafe', () => {
  it('escapes C1 and bidi characters inside JSON strings without changing the value', () => {
    const value = { name: 'a\u009b31m\u202eb\u2028c', plain: 'ü' };
    const text = jsonTextSafe(JSON.stringify(value));
    expect(text).not.toMatch(/[\u009b\u202e\u2028]/);
    expect(JSON.parse(text)).toEqual(value);
  });
});
