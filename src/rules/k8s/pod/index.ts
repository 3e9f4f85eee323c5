// Pod and container rules: Pod Security Standards and Trivy's workload checks.
import type { K8sRule } from '../../types.js';
import { noHostNetwork } from './no-host-network.js';
import { noHostPid } from './no-host-pid.js';
import { noPrivilegeEscalation } from './no-privilege-escalation.js';
import { noPrivilegedContainers } from './no-privileged-containers.js';

export const podRules: readonly K8sRule[] = [
  noPrivilegeEscalation,
  noHostNetwork,
  noHostPid,
  noPrivilegedContainers,
];
