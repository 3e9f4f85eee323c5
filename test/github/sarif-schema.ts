// A validator for the SARIF 2.1.0 JSON schema (draft-04) that @microsoft/jest-sarif ships.
import { readFileSync } from 'node:fs';
import ajvDraft04 from 'ajv-draft-04';

// A CommonJS module: under NodeNext the class is its `default` property; bundlers unwrap it.
const Ajv = ((ajvDraft04 as unknown as { default?: unknown }).default ??
  ajvDraft04) as typeof ajvDraft04.default;

const schema = JSON.parse(
  readFileSync('node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json', 'utf8'),
);

/** The schema's patterns are not all valid as Unicode regular expressions; formats are not checked. */
export const validateSarif = new Ajv({
  allErrors: true,
  strict: false,
  unicodeRegExp: false,
  validateFormats: false,
}).compile(schema);
