// The rule factories, after typescript-eslint's `createRule`: a rule module writes what only it
// knows (its check, its texts, its options' schema) and the factory derives the rest from the ID,
// so no rule repeats it: Trivy's other names (`KSV-0001`, `AVD-KSV-0001`, `KSV125` for
// `KSV0125`) and AVD page for a KSV check, hadolint's wiki page for a DL rule, the Pod Security
// Standards section of a PSS control, our docs page, and the default options from the schema.
import { RULE_DOCS_URL } from '../version.js';
import { defaultOptions, type OptionsSchema } from './options.js';
import type { DockerRule, K8sRule, RuleMeta } from './types.js';

/** The Pod Security Standards page; a PSS control's level is its anchor. */
const PSS_DOCS_URL = 'https://kubernetes.io/docs/concepts/security/pod-security-standards/';

/** The metadata a rule writes: what the factory derives is left out. */
export type RuleMetaInput = Omit<RuleMeta, 'aliases' | 'references' | 'url' | 'options'> & {
  /** Trivy's long ID (`kubernetes-no-self-privesc`), for a KSV check. */
  trivyId?: string;
  /** Names beyond the derived ones (an older readable name, a Polaris or kube-linter name). */
  aliases?: string[];
  /** References beyond the upstream page the ID gives. */
  references?: string[];
};

interface RuleSpec<Options> {
  meta: RuleMetaInput;
  /** The options, with their defaults; the engine merges a policy's options over these. */
  options?: OptionsSchema<Options>;
}

/** The check itself is written as the rule has it (types.ts). */
export type K8sRuleSpec<Options> = RuleSpec<Options> &
  Pick<K8sRule<Options>, 'kinds' | 'check' | 'checkAll' | 'checkAllReads'>;

export type DockerRuleSpec<Options> = RuleSpec<Options> & Pick<DockerRule<Options>, 'check'>;

/** A Kubernetes rule (a Trivy KSV check or one of ours). */
export function defineK8sRule<Options = unknown>(spec: K8sRuleSpec<Options>): K8sRule<Options> {
  const { meta, options, ...rest } = spec;
  return {
    meta: { target: 'kubernetes', ...deriveMeta(meta, options) },
    ...(options ? { defaultOptions: defaultOptions(options) as Options } : {}),
    ...rest,
  };
}

/** A Dockerfile rule (a hadolint DL rule). */
export function defineDockerRule<Options = unknown>(
  spec: DockerRuleSpec<Options>,
): DockerRule<Options> {
  const { meta, options, ...rest } = spec;
  return {
    meta: { target: 'dockerfile', ...deriveMeta(meta, options) },
    ...(options ? { defaultOptions: defaultOptions(options) as Options } : {}),
    ...rest,
  };
}

function deriveMeta(input: RuleMetaInput, options: object | undefined): RuleMeta {
  const { trivyId, aliases = [], references = [], ...meta } = input;
  const derivedAliases: string[] = [];
  const derivedReferences: string[] = [];
  const ksv = /^KSV(\d+)$/.exec(meta.id);
  if (ksv) {
    derivedAliases.push(...trivyAliases(ksv[1]));
    if (trivyId) derivedAliases.push(trivyId);
    derivedReferences.push(`https://avd.aquasec.com/misconfig/${meta.id.toLowerCase()}`);
  } else if (/^DL\d+$/.test(meta.id)) {
    derivedReferences.push(`https://github.com/hadolint/hadolint/wiki/${meta.id}`);
  }
  if (meta.pss) derivedReferences.push(`${PSS_DOCS_URL}#${meta.pss.level}`);
  return {
    ...meta,
    aliases: unique([...derivedAliases, ...aliases]),
    references: unique([...derivedReferences, ...references]),
    url: `${RULE_DOCS_URL}/${meta.id}.md`,
    ...(options ? { options: options as OptionsSchema } : {}),
  };
}

/** Trivy's other names for check `KSV<digits>`: its AVD ID with at least four digits
 *  (`KSV-0001`, `AVD-KSV-0001`; `KSV-01010` keeps five), and the three-digit form older
 *  Trivy releases used for the `KSV01xx` checks (`KSV125`). */
export function trivyAliases(digits: string): string[] {
  const padded = `KSV-${digits.padStart(4, '0')}`;
  const aliases = [padded, `AVD-${padded}`];
  if (digits.length === 4 && digits.startsWith('0')) aliases.push(`KSV${digits.slice(1)}`);
  return aliases;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
