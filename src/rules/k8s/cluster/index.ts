// Rules on resources other than workloads: RBAC, networking, configuration, API versions.
import type { K8sRule } from '../../types.js';
import { limitRangeUsage } from './limit-range-usage.js';
import { namespaceNetworkPolicy } from './namespace-network-policy.js';
import { networkPolicySelectors } from './network-policy-selectors.js';
import { noAdminRoleBinding } from './no-admin-role-binding.js';
import { noAmbiguousGatekeeperRepoPrefix } from './no-ambiguous-gatekeeper-repo-prefix.js';
import { noAnonymousUserBinding } from './no-anonymous-user-binding.js';
import { noAttachToPods } from './no-attach-to-pods.js';
import { noClusterRoleBindingToAnyClusterRole } from './no-clusterrolebinding-to-any-clusterrole.js';
import { noDefaultNamespace } from './no-default-namespace.js';
import { noDeletePodLogs } from './no-delete-pod-logs.js';
import { noDeprecatedApiVersions } from './no-deprecated-api-versions.js';
import { noEditOwnRoleBindings } from './no-edit-own-rolebindings.js';
import { noExecIntoPods } from './no-exec-into-pods.js';
import { noImpersonatePrivilegedGroups } from './no-impersonate-privileged-groups.js';
import { noManageConfigmaps } from './no-manage-configmaps.js';
import { noManageEksAwsAuth } from './no-manage-eks-aws-auth.js';
import { noManageNamespaceSecrets } from './no-manage-namespace-secrets.js';
import { noManageNetworkingResources } from './no-manage-networking-resources.js';
import { noManageRbacResources } from './no-manage-rbac-resources.js';
import { noManageSecrets } from './no-manage-secrets.js';
import { noManageWebhookConfigurations } from './no-manage-webhook-configurations.js';
import { noManageWorkloads } from './no-manage-workloads.js';
import { noPrivilegeEscalationFromNodeProxy } from './no-privilege-escalation-from-node-proxy.js';
import { noRoleBindingToAnyRole } from './no-rolebinding-to-any-role.js';
import { noSecretsInConfigMaps } from './no-secrets-in-configmaps.js';
import { noSensitiveContentInConfigMaps } from './no-sensitive-content-in-configmaps.js';
import { noServiceExternalIps } from './no-service-external-ips.js';
import { noSystemAuthenticatedBinding } from './no-system-authenticated-binding.js';
import { noSystemMastersBinding } from './no-system-masters-binding.js';
import { noUserResourcesInSystemNamespace } from './no-user-resources-in-system-namespace.js';
import { noWildcardResourceClusterRole } from './no-wildcard-resource-clusterrole.js';
import { noWildcardResourceRole } from './no-wildcard-resource-role.js';
import { noWildcardVerbResourceRole } from './no-wildcard-verb-resource-role.js';
import { noWildcardVerbRole } from './no-wildcard-verb-role.js';
import { resourceQuotaUsage } from './resource-quota-usage.js';

export const clusterRules: readonly K8sRule[] = [
  noUserResourcesInSystemNamespace,
  networkPolicySelectors,
  limitRangeUsage as K8sRule,
  resourceQuotaUsage as K8sRule,
  noManageSecrets,
  noDeletePodLogs,
  noImpersonatePrivilegedGroups,
  noWildcardVerbResourceRole,
  noWildcardVerbRole,
  noWildcardResourceClusterRole,
  noPrivilegeEscalationFromNodeProxy,
  noManageWorkloads,
  noManageConfigmaps,
  noManageRbacResources,
  noRoleBindingToAnyRole,
  noClusterRoleBindingToAnyClusterRole,
  noExecIntoPods,
  noAttachToPods,
  noEditOwnRoleBindings,
  noManageNetworkingResources,
  noDeprecatedApiVersions,
  noServiceExternalIps as K8sRule,
  noSecretsInConfigMaps,
  noSensitiveContentInConfigMaps,
  noDefaultNamespace,
  noAdminRoleBinding,
  noWildcardResourceRole,
  noManageNamespaceSecrets,
  noManageWebhookConfigurations,
  noManageEksAwsAuth,
  noAnonymousUserBinding,
  noSystemMastersBinding,
  noAmbiguousGatekeeperRepoPrefix,
  noSystemAuthenticatedBinding,
  namespaceNetworkPolicy,
];
