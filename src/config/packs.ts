// The builtin packs, embedded in the bundle so the CLI and Action need no files beside them.
import defaultPack from '../../policies/default.yaml?raw';
import hadolintPack from '../../policies/hadolint.yaml?raw';
import pssBaselinePack from '../../policies/pss-baseline.yaml?raw';
import pssRestrictedPack from '../../policies/pss-restricted.yaml?raw';
import trivyPack from '../../policies/trivy.yaml?raw';

export const builtinPacks: Readonly<Record<string, string>> = {
  default: defaultPack,
  'pss-baseline': pssBaselinePack,
  'pss-restricted': pssRestrictedPack,
  trivy: trivyPack,
  hadolint: hadolintPack,
};
