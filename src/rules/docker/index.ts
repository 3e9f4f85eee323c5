// Every Dockerfile rule, in ID order. Packs in policies/ choose which are enabled.
import type { DockerRule } from '../types.js';

export const dockerRules: readonly DockerRule[] = [];
