// Image rules: tags, digests, registries.
import type { K8sRule } from '../../types.js';
import { noLatestTag } from './no-latest-tag.js';

export const imageRules: readonly K8sRule[] = [noLatestTag];
