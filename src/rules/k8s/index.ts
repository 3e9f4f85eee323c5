// Every Kubernetes rule. Packs in policies/ choose which are enabled.
import type { K8sRule } from '../types.js';
import { clusterRules } from './cluster/index.js';
import { imageRules } from './image/index.js';
import { podRules } from './pod/index.js';

export const k8sRules: readonly K8sRule[] = [...podRules, ...imageRules, ...clusterRules].sort(
  (a, b) => a.meta.id.localeCompare(b.meta.id),
);
