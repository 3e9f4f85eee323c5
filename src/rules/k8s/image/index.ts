// Image rules: tags, digests, registries.
//
// What is worth a rule here, and why:
// - KSV013 (no `latest`/untagged) is on by default: a moving tag makes rollouts unrepeatable and
//   the fix is cheap.
// - KSV0125 is the one registry rule: Trivy's ID and default list, plus glob patterns
//   (minimatch) in the same option, so Trivy configs and `.trivyignore` keep working and an
//   image is never reported twice by two overlapping registry rules. It is only meaningful
//   with a configured list, so packs other than `trivy` leave it to the policy file.
// - KPG201 (digest required) and KPG202 (`imagePullPolicy: Always` for tag-only images) are
//   off by default (`optional`): a digest is the real answer to mutable tags but needs update
//   tooling, and `Always` trades repeatability for a registry round-trip on every start. Teams
//   that want either enable it by name.
import type { K8sRule } from '../../types.js';
import { noLatestTag } from './no-latest-tag.js';
import { pullPolicyForMutableTags } from './pull-policy-for-mutable-tags.js';
import { requireImageDigest } from './require-image-digest.js';
import { trustedRegistries } from './trusted-registries.js';

export const imageRules: readonly K8sRule[] = [
  noLatestTag,
  trustedRegistries as K8sRule,
  requireImageDigest,
  pullPolicyForMutableTags,
];
