import pkg from '../package.json' with { type: 'json' };

export const TOOL_NAME = 'kube-policy-gate';
export const TOOL_VERSION: string = pkg.version;
export const RULE_DOCS_URL = `https://github.com/kube-policy-gate/kube-policy-gate/blob/v${TOOL_VERSION}/docs/rules`;
