// The builtin packs, in the bundle so the CLI and Action need no files beside them. Their source
// is policies/<name>.yaml; `npm run generate` turns each into the data of packs.generated.ts, so
// a start does not parse their YAML (test/generated.test.ts fails when that file is stale).
import { BUILTIN_PACK_DATA } from './packs.generated.js';
import type { PolicyDocument, RuleSetting } from './parse.js';

/** What a pack holds once parsed: a pack has only `extends` and `rules` (parse.ts PACK_KEYS). */
export interface PackData {
  extends?: string[];
  extendsLines?: number[];
  rules: [string, RuleSetting][];
}

export const BUILTIN_PACKS: readonly string[] = Object.keys(BUILTIN_PACK_DATA);

/** The builtin pack `name` as its parsed policies/<name>.yaml, or undefined for no such pack. */
export function builtinPack(name: string): PolicyDocument | undefined {
  if (!Object.hasOwn(BUILTIN_PACK_DATA, name)) return undefined;
  const data: PackData = BUILTIN_PACK_DATA[name]!;
  // A fresh document each time: a caller may change what it is given.
  const document: PolicyDocument = {
    file: `policies/${name}.yaml`,
    rules: new Map(structuredClone(data.rules)),
    paths: [],
    exclude: [],
    ignore: [],
    charts: new Map(),
    lines: { extends: [...(data.extendsLines ?? [])] },
  };
  if (data.extends) document.extends = [...data.extends];
  return document;
}

/** A parsed pack as data (scripts/generate.ts); throws for anything a pack may not hold. */
export function packData(document: PolicyDocument): PackData {
  const { file, rules, paths, exclude, ignore, charts, lines, ...rest } = document;
  const { extends: parents, ...other } = rest;
  if (paths.length || exclude.length || ignore.length || charts.size || Object.keys(other).length)
    throw new Error(`${file}: a pack holds only extends and rules`);
  if (lines.extends.some((line) => line === undefined))
    throw new Error(`${file}: extends without lines`);
  return {
    ...(parents ? { extends: parents, extendsLines: lines.extends as number[] } : {}),
    rules: [...rules],
  };
}
