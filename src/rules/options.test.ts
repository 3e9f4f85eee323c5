import { describe, expect, it } from 'vitest';
import { defaultOptions, validateOptions, type OptionsSchema } from './options.js';

const schema: OptionsSchema = {
  registries: { type: 'array', items: { type: 'string' }, default: [], description: 'r' },
  strict: { type: 'boolean', default: false, description: 's' },
  mode: { type: 'string', enum: ['fast', 'slow'], default: 'fast', description: 'm' },
  types: {
    type: 'object',
    additionalProperties: { type: 'string', enum: ['url', 'text'] },
    default: {},
    description: 't',
  },
};

describe('rule options', () => {
  it('makes the defaults', () => {
    expect(defaultOptions(schema)).toEqual({
      registries: [],
      strict: false,
      mode: 'fast',
      types: {},
    });
    expect(defaultOptions(undefined)).toEqual({});
  });

  it('accepts options of the right types', () => {
    expect(
      validateOptions(schema, {
        registries: ['a'],
        strict: true,
        mode: 'slow',
        types: { x: 'url' },
      }),
    ).toEqual([]);
  });

  it('names unknown keys with the candidates, and wrong types', () => {
    expect(
      validateOptions(schema, {
        registry: ['a'],
        strict: 'yes',
        mode: 'quick',
        types: { x: 'uri' },
      }),
    ).toEqual([
      {
        path: ['registry'],
        message: 'unknown option',
        suggest: { value: 'registry', candidates: ['registries', 'strict', 'mode', 'types'] },
        detail: '; this rule takes registries, strict, mode, types',
      },
      { path: ['strict'], message: 'must be true or false' },
      {
        path: ['mode'],
        message: 'must be one of fast, slow',
        suggest: { value: 'quick', candidates: ['fast', 'slow'] },
      },
      {
        path: ['types', 'x'],
        message: 'must be one of url, text',
        suggest: { value: 'uri', candidates: ['url', 'text'] },
      },
    ]);
    expect(validateOptions(schema, { registries: 'a' })).toEqual([
      { path: ['registries'], message: 'must be a list of strings' },
    ]);
    expect(validateOptions(undefined, { x: 1 })[0].detail).toBe('; this rule takes no options');
  });
});
