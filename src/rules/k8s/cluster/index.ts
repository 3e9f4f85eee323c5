// Rules on resources other than workloads: RBAC, networking, configuration, API versions.
import type { K8sRule } from '../../types.js';

export const clusterRules: readonly K8sRule[] = [];
