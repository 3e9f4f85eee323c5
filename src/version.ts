import { readFileSync, writeSync } from 'node:fs';

/** package.json's version, put in by the bundler (scripts/bundle.ts `define`), so the bundle
 *  does not carry package.json. Unbundled (tsx, vitest) there is no define, and the version is
 *  read from package.json beside src/ at run time. */
declare const __KPG_VERSION__: string | undefined;

export const TOOL_NAME = 'kube-policy-gate';
export const TOOL_VERSION: string =
  typeof __KPG_VERSION__ === 'string' ? __KPG_VERSION__ : packageJsonVersion();
/** The docs/ directory of this release on the project's repository. */
export const DOCS_URL = `https://github.com/kube-policy-gate/kube-policy-gate/blob/v${TOOL_VERSION}/docs`;
export const RULE_DOCS_URL = `${DOCS_URL}/rules`;
/** Where docs/admission.md explains custom rules and ValidatingAdmissionPolicy findings. */
export const CUSTOM_RULES_DOCS_URL = `${DOCS_URL}/admission.md#custom-rules`;
export const ADMISSION_POLICY_DOCS_URL = `${DOCS_URL}/admission.md#validatingadmissionpolicies-in-the-repository`;

function packageJsonVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

/** package.json `engines`: the code uses APIs newer Node.js releases brought (Map.groupBy). */
export const MIN_NODE_MAJOR = 22;

/** The one line an older Node.js gets, or undefined when `version` (`v22.1.0`) is new enough. */
export function unsupportedNodeMessage(version: string): string | undefined {
  const major = Number(/^v?(\d+)\./.exec(version)?.[1]);
  if (major >= MIN_NODE_MAJOR) return undefined;
  return `${TOOL_NAME} needs Node.js ${MIN_NODE_MAJOR} or newer; this is ${version}`;
}

// Both entry points import this module first, so this runs before any other module's code: on an
// older Node.js the user reads why, not an internal error from whichever API is missing.
const unsupported = unsupportedNodeMessage(process.version);
if (unsupported !== undefined) {
  writeSync(2, `${unsupported}\n`);
  process.exit(2);
}
