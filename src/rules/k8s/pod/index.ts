// Pod and container rules: the Pod Security Standards and Trivy's workload checks.
//
// Pod Security Standards control -> rule(s), as k8s.io/pod-security-admission enforces the latest
// policy version (1.37). A KSV rule carries `pss` metadata only where Trivy's semantics are the
// control's exactly; elsewhere the KSV rule stays Trivy-exact and a KPG1nn rule implements the
// control (its `references` name the overlapping KSV checks).
//
//   baseline
//     HostProcess                    KSV103 no-hostprocess-containers
//     Host Namespaces                KSV009 no-host-network, KSV010 no-host-pid,
//                                    KSV008 no-shared-ipc-namespace
//     Privileged Containers          KSV017 no-privileged-containers
//     Capabilities                   KPG101 pss-capabilities-baseline   (KSV022 flags any add)
//     HostPath Volumes               KSV023 no-mounted-hostpath
//     Host Ports                     KPG102 pss-host-ports              (KSV024 flags hostPort: 0)
//     Host Probes / Lifecycle Hooks  KPG108 pss-host-probes-lifecycle   (no Trivy check)
//     AppArmor                       KPG103 pss-apparmor                (KSV002: annotation only,
//                                                                        flags localhost/*)
//     SELinux                        KPG104 pss-selinux                 (KSV025: no empty type,
//                                                                        no container_engine_t)
//     /proc Mount Type               KPG105 pss-proc-mount              (KSV027 flags Default;
//                                                                        hostUsers: false relaxes)
//     Seccomp                        KPG106 pss-seccomp-baseline        (KSV104 flags unset)
//     Sysctls                        KPG107 pss-sysctls                 (KSV026: 1.32 list)
//   restricted
//     Volume Types                   KPG109 pss-volume-types            (KSV028 is a denylist)
//     Privilege Escalation           KPG110 pss-privilege-escalation    (KSV001: no Windows
//                                                                        exemption)
//     Running as Non-root            KPG111 pss-running-as-non-root     (KSV012: pod-level true
//                                                                        wins; no hostUsers relax)
//     Running as Non-root user       KPG112 pss-running-as-non-root-user (KSV105: no hostUsers
//                                                                        relaxation)
//     Seccomp                        KPG113 pss-seccomp-restricted      (KSV030: container
//                                                                        override wins; annotation)
//     Capabilities                   KPG114 pss-capabilities-restricted (KSV106/KSV003: any case,
//                                                                        no Windows exemption)
//     /proc Mount Type               KPG115 pss-proc-mount-restricted   (withdraws the hostUsers
//                                                                        relaxation of KPG105)
//
// The pss-restricted pack runs the baseline rules too. PSA instead lets three restricted checks
// override their baseline twins (capabilities, seccomp, hostPath); the results only differ for a
// Windows pod that sets Linux capabilities or seccomp, which the API server rejects anyway.
import type { K8sRule } from '../../types.js';
import { containersNotRunAsRoot } from './containers-not-run-as-root.js';
import { dropCapsAddBindSvc } from './drop-caps-add-bind-svc.js';
import { dropDefaultCapabilities } from './drop-default-capabilities.js';
import { dropUnusedCapabilities } from './drop-unused-capabilities.js';
import { limitCpu } from './limit-cpu.js';
import { limitMemory } from './limit-memory.js';
import { noAutoMountServiceToken } from './no-auto-mount-service-token.js';
import { noCustomProcMask } from './no-custom-proc-mask.js';
import { noCustomSelinuxOptions } from './no-custom-selinux-options.js';
import { noDefaultSecurityContext } from './no-default-security-context.js';
import { noDockerSockMount } from './no-docker-sock-mount.js';
import { noHostNetwork } from './no-host-network.js';
import { noHostPid } from './no-host-pid.js';
import { noHostPortAccess } from './no-host-port-access.js';
import { noHostaliases } from './no-hostaliases.js';
import { noHostprocessContainers } from './no-hostprocess-containers.js';
import { noK8sWithDisallowedVolumes } from './no-k8s-with-disallowed-volumes.js';
import { noMountedHostpath } from './no-mounted-hostpath.js';
import { noNetRaw } from './no-net-raw.js';
import { noNonDefaultCapabilities } from './no-non-default-capabilities.js';
import { noNonEphemeralVolumes } from './no-non-ephemeral-volumes.js';
import { noPrivilegeEscalation } from './no-privilege-escalation.js';
import { noPrivilegePortBinding } from './no-privilege-port-binding.js';
import { noPrivilegedContainers } from './no-privileged-containers.js';
import { noRoot } from './no-root.js';
import { noSeccompUnconfined } from './no-seccomp-unconfined.js';
import { noSecretsInEnv } from './no-secrets-in-env.js';
import { noSharedIpcNamespace } from './no-shared-ipc-namespace.js';
import { noSysadminCapability } from './no-sysadmin-capability.js';
import { noSysmoduleCapability } from './no-sysmodule-capability.js';
import { noTiller } from './no-tiller.js';
import { noUnsafeSysctl } from './no-unsafe-sysctl.js';
import { noUnspecifiedCpuRequests } from './no-unspecified-cpu-requests.js';
import { noUnspecifiedMemoryRequests } from './no-unspecified-memory-requests.js';
import { primarySupplementaryGid } from './primary-supplementary-gid.js';
import { pssApparmor } from './pss-apparmor.js';
import { pssCapabilitiesBaseline } from './pss-capabilities-baseline.js';
import { pssCapabilitiesRestricted } from './pss-capabilities-restricted.js';
import { pssHostPorts } from './pss-host-ports.js';
import { pssHostProbesLifecycle } from './pss-host-probes-lifecycle.js';
import { pssPrivilegeEscalation } from './pss-privilege-escalation.js';
import { pssProcMount } from './pss-proc-mount.js';
import { pssProcMountRestricted } from './pss-proc-mount-restricted.js';
import { pssRunningAsNonRoot } from './pss-running-as-non-root.js';
import { pssRunningAsNonRootUser } from './pss-running-as-non-root-user.js';
import { pssSeccompBaseline } from './pss-seccomp-baseline.js';
import { pssSeccompRestricted } from './pss-seccomp-restricted.js';
import { pssSelinux } from './pss-selinux.js';
import { pssSysctls } from './pss-sysctls.js';
import { pssVolumeTypes } from './pss-volume-types.js';
import { useDefaultApparmorProfile } from './use-default-apparmor-profile.js';
import { useDefaultSeccomp } from './use-default-seccomp.js';
import { useHighGid } from './use-high-gid.js';
import { useHighUid } from './use-high-uid.js';
import { useReadonlyFilesystem } from './use-readonly-filesystem.js';

export const podRules: readonly K8sRule[] = [
  // Trivy KSV checks
  noPrivilegeEscalation,
  useDefaultApparmorProfile,
  dropDefaultCapabilities,
  dropUnusedCapabilities,
  noSysadminCapability,
  noDockerSockMount,
  noHostaliases,
  noSharedIpcNamespace,
  noHostNetwork,
  noHostPid,
  limitCpu,
  noRoot,
  useReadonlyFilesystem,
  noUnspecifiedCpuRequests,
  noUnspecifiedMemoryRequests,
  noPrivilegedContainers,
  limitMemory,
  useHighUid,
  useHighGid,
  noNonDefaultCapabilities,
  noMountedHostpath,
  noHostPortAccess,
  noCustomSelinuxOptions,
  noUnsafeSysctl,
  noCustomProcMask,
  noNonEphemeralVolumes,
  useDefaultSeccomp,
  noAutoMountServiceToken,
  noTiller,
  noHostprocessContainers,
  noSeccompUnconfined,
  containersNotRunAsRoot,
  dropCapsAddBindSvc,
  primarySupplementaryGid,
  noPrivilegePortBinding,
  noDefaultSecurityContext,
  noNetRaw,
  noSysmoduleCapability,
  noK8sWithDisallowedVolumes,
  // Pod Security Standards controls Trivy does not implement exactly
  pssCapabilitiesBaseline,
  pssHostPorts,
  pssApparmor,
  pssSelinux,
  pssProcMount,
  pssSeccompBaseline,
  pssSysctls,
  pssHostProbesLifecycle,
  pssVolumeTypes,
  pssPrivilegeEscalation,
  pssRunningAsNonRoot,
  pssRunningAsNonRootUser,
  pssSeccompRestricted,
  pssCapabilitiesRestricted,
  pssProcMountRestricted,
  // Hardening advice
  noSecretsInEnv,
];
