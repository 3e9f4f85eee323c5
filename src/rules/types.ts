// The shape of a rule: metadata as data plus a small pure check, as ESLint rules
// (`meta` + `create`) and hadolint's one-module-per-DLxxxx are built.
import type { Severity } from '../model.js';
import type { K8sResource, Path, ValuePart } from '../sources/resource.js';
import type { DockerfileModel } from '../sources/dockerfile.js';
import type { CustomRuleDefinition } from './custom/custom-rules.js';
import type { OptionsSchema } from './options.js';

export interface RuleMeta {
  /** Canonical ID: Trivy's (`KSV001`) or hadolint's (`DL3008`) where they have the check, else `KPGnnn`. */
  id: string;
  /** Readable name usable anywhere an ID is, e.g. `no-privilege-escalation`. */
  name: string;
  /** Other IDs that name the same rule (`KSV-0001`, `AVD-KSV-0001`, Trivy's long ID). */
  aliases: string[];
  severity: Severity;
  title: string;
  /** What the rule checks, one or two sentences. */
  description: string;
  /** Why it matters. */
  rationale: string;
  /** How to fix it: Markdown, usually with a YAML or Dockerfile snippet. */
  fix: string;
  /** Pod Security Standards control this rule implements, if any. */
  pss?: PssControl;
  /** Upstream references (Kubernetes docs, Trivy/hadolint pages). */
  references?: string[];
  /** Off in the upstream tool's default set (hadolint's `ignore` level): no generated pack
   *  enables it; a policy file can, by name. */
  optional?: boolean;
  /** This rule's page in our docs. */
  url?: string;
  /** The rule's options: types, allowed values, defaults, descriptions. */
  options?: OptionsSchema;
}

/**
 * A Pod Security Standards control as Pod Security Admission versions it: each check of
 * k8s.io/pod-security-admission (policy/check_*.go) exists from a policy version on, and may change
 * behaviour at later ones. Versions are `1.N` (the API server's `v1.N` labels, without the `v`).
 */
export interface PssControl {
  level: 'baseline' | 'restricted';
  control: string;
  /** The PSA check ID this rule implements (`sysctls`, `capabilities_restricted`, ...). */
  check: string;
  /** The policy version PSA first runs the check at; at older versions it does not exist. */
  since: string;
  /** Later policy versions at which the check's behaviour changes, oldest first. */
  changes?: { version: string; change: string }[];
  /** Baseline checks (PSA check IDs) this restricted check replaces at the restricted level, from
   *  `since` on: PSA then runs this one instead of them. */
  overrides?: string[];
}

/** What a check may need to know beyond the resource and its options. */
export interface CheckContext {
  /** The minor of the Pod Security Standards policy version (1.N) a PSS check runs as: the
   *  behaviour PSA had at that version. Without it, the newest. */
  pssVersion?: number;
}

/** One problem a check found, before the engine turns it into a positioned Finding. */
export interface K8sViolation {
  /** A literal or built by concatenation (a template): the engine flattens it in place, which
   *  leaves a slice of a longer string a view of it (detach such a message, strings.ts). */
  message: string;
  /** Path inside the resource object of the offending field, or of the nearest existing parent
   *  when the field is missing (the container entry, or the pod spec). */
  path: Path;
  container?: string;
  /** Which characters of the string at `path` the problem is about (an image's registry or
   *  tag): a Helm finding goes to the values key that supplied them. */
  part?: ValuePart;
}

export interface K8sRule<Options = unknown> {
  meta: RuleMeta & { target: 'kubernetes' };
  defaultOptions?: Options;
  /** The only kinds `check` can find anything in, when it looks at a few (RBAC rules): the
   *  engine calls it for no other resource (compared case-insensitively, as Trivy reads
   *  binding kinds), so `check` does not test the kind again. */
  kinds?: readonly string[];
  /** Checks one resource. */
  check?(resource: K8sResource, options: Options, context?: CheckContext): K8sViolation[];
  /** `'refs'`: `checkAll` reads of each resource only its ref, its origin and whether it has a
   *  pod template, so a scan may free the objects once every `check` has run on them. */
  checkAllReads?: 'refs';
  /** Checks the whole scanned set at once, for cross-resource rules. */
  checkAll?(
    resources: readonly K8sResource[],
    options: Options,
  ): Array<K8sViolation & { resource: K8sResource }>;
}

export interface DockerViolation {
  message: string;
  line: number;
  endLine?: number;
}

export interface DockerRule<Options = unknown> {
  meta: RuleMeta & { target: 'dockerfile' };
  defaultOptions?: Options;
  check(dockerfile: DockerfileModel, options: Options): DockerViolation[];
}

export type Rule = K8sRule | DockerRule;

/** A rule the policy turns on, with the severity and options it gives it. */
export interface EnabledRule {
  severity: Severity;
  options?: Record<string, unknown>;
}

/** What evaluation needs of a policy: the enabled rules and the user's CEL rules. */
export interface RuleSelection {
  rules: ReadonlyMap<string, EnabledRule>;
  customRules?: readonly CustomRuleDefinition[];
  kubernetesVersion?: string;
}
