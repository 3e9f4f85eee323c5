// Small shared readers for rules: visiting containers, reading securityContext fields, naming
// what a message talks about.
import type {
  ContainerEntry,
  K8sResource,
  KubeObject,
  Path,
  PodTemplate,
} from '../../sources/resource.js';
import { isObject } from '../../sources/resource.js';
import { flattened } from '../../sources/strings.js';
import type { K8sViolation } from '../types.js';

/** "Container 'app' of Deployment 'web'" */
export function describe(resource: K8sResource, entry?: ContainerEntry): string {
  // Rules run resource by resource (evaluate.ts), and every one that finds something names the
  // resource or a container of it again: the last few names are kept.
  const { ref } = resource;
  for (let i = 0; i < RECENT_NAMES; i++) {
    if (recentEntries[i] === entry && recentRefs[i] === ref) return recentNames[i];
  }
  // Flat: each message that starts with it is then copied flat from two or three pieces.
  const name = flattened(describeOnce(resource, entry));
  recentRefs[recentNext] = ref;
  recentEntries[recentNext] = entry;
  recentNames[recentNext] = name;
  recentNext = (recentNext + 1) % RECENT_NAMES;
  return name;
}

const RECENT_NAMES = 8;
const recentRefs: (K8sResource['ref'] | undefined)[] = new Array(RECENT_NAMES).fill(undefined);
const recentEntries: (ContainerEntry | undefined)[] = new Array(RECENT_NAMES).fill(undefined);
const recentNames: string[] = new Array(RECENT_NAMES).fill('');
let recentNext = 0;

function describeOnce(resource: K8sResource, entry: ContainerEntry | undefined): string {
  const owner = `${resource.ref.kind} '${resource.ref.name}'`;
  if (!entry) return owner;
  const what =
    entry.type === 'initContainers'
      ? 'Init container'
      : entry.type === 'ephemeralContainers'
        ? 'Ephemeral container'
        : 'Container';
  return `${what} '${entry.name}' of ${owner}`;
}

/** What a check that finds nothing returns: one shared list, frozen so that no caller adds to it. */
export const NO_VIOLATIONS: K8sViolation[] = Object.freeze([]) as unknown as K8sViolation[];

/** Runs `check` on every init, regular and ephemeral container of the resource's pod. */
export function containerViolations(
  resource: K8sResource,
  check: (entry: ContainerEntry) => Omit<K8sViolation, 'container'> | undefined,
): K8sViolation[] {
  const containers = resource.pod?.containers;
  if (!containers) return NO_VIOLATIONS;
  let violations: K8sViolation[] | undefined;
  for (let i = 0; i < containers.length; i++) {
    const entry = containers[i];
    const violation = check(entry);
    if (!violation) continue;
    // Not a spread copy: this runs for every violation of every container rule.
    const found: K8sViolation = {
      message: violation.message,
      path: violation.path,
      container: entry.name,
      part: violation.part,
    };
    // A list of one to begin with: most find one container, and a push would reserve 17.
    if (violations) violations.push(found);
    else violations = [found];
  }
  return violations ?? NO_VIOLATIONS;
}

/** A field of an object-valued field, e.g. `securityContext.privileged`. */
export function field(owner: Record<string, unknown>, object: string, key: string): unknown {
  return valueAt(objectAt(owner, object), key);
}

/** Violation for a pod-level boolean that must not be true (hostNetwork, hostPID, ...). */
export function podFlagViolation(resource: K8sResource, key: string): K8sViolation[] {
  const pod = resource.pod;
  if (!pod || valueAt(pod.spec, key) !== true) return [];
  const path: Path = [...pod.specPath, key];
  return [{ message: `${describe(resource)} should not set '${path.join('.')}' to true`, path }];
}

// --- Pod and container security-context readers (pod rules) ---------------------------------
// YAML `null` reads as unset everywhere, as the API server decodes it.

// Reflect.get, not `owner[key]`: every rule reads through these few sites, and parsed manifests
// have hundreds of object shapes (each order and subset of keys), so V8's inline cache for such a
// site misses on most reads and takes its slow path. Reflect.get is a plain lookup, the same for
// every shape (the default pack's checks ran some 15% faster).

/** Any field of an object, or undefined. */
export function valueAt(owner: KubeObject | undefined, key: string): unknown {
  return owner === undefined ? undefined : Reflect.get(owner, key);
}

/** An object-valued field, or undefined. */
export function objectAt(owner: unknown, key: string): KubeObject | undefined {
  const value = isObject(owner) ? Reflect.get(owner, key) : undefined;
  return isObject(value) ? value : undefined;
}

/** A list-valued field, or an empty list. */
export function listAt(owner: unknown, key: string): readonly unknown[] {
  const value = isObject(owner) ? Reflect.get(owner, key) : undefined;
  return Array.isArray(value) ? value : [];
}

/** The pod-level `spec.securityContext`. */
export function podSecurityContext(pod: PodTemplate): KubeObject | undefined {
  return objectAt(pod.spec, 'securityContext');
}

/** The container-level `securityContext`. */
export function containerSecurityContext(entry: ContainerEntry): KubeObject | undefined {
  return objectAt(entry.container, 'securityContext');
}

/** Fields of a pod-level securityContext that apply to every container which does not set them. */
export const INHERITED_SECURITY_CONTEXT_FIELDS: ReadonlySet<string> = new Set([
  'runAsGroup',
  'runAsNonRoot',
  'runAsUser',
  'seLinuxOptions',
  'seccompProfile',
  'windowsOptions',
]);

/** A securityContext value as it applies to a container, and where it was set. */
export interface EffectiveValue {
  value: unknown;
  path: Path;
}

/**
 * The value of `securityContext.<key>[.<subKey>]` that applies to a container: its own, else the
 * pod's for an inherited field (Kubernetes' precedence, and Trivy's merged security context).
 */
export function effectiveSecurityContextValue(
  pod: PodTemplate,
  entry: ContainerEntry,
  key: string,
  subKey?: string,
): EffectiveValue | undefined {
  const read = (context: KubeObject | undefined) => {
    const value = subKey === undefined ? context?.[key] : objectAt(context, key)?.[subKey];
    return value === null ? undefined : value;
  };
  const tail = subKey === undefined ? [key] : [key, subKey];
  const own = read(containerSecurityContext(entry));
  if (own !== undefined) return { value: own, path: [...entry.path, 'securityContext', ...tail] };
  if (!INHERITED_SECURITY_CONTEXT_FIELDS.has(key)) return undefined;
  const inherited = read(podSecurityContext(pod));
  if (inherited === undefined) return undefined;
  return { value: inherited, path: [...pod.specPath, 'securityContext', ...tail] };
}

/** `spec.os.name: windows`: Pod Security Admission exempts such pods from Linux-only controls. */
export function isWindowsPod(pod: PodTemplate): boolean {
  return objectAt(pod.spec, 'os')?.name === 'windows';
}

/** `spec.hostUsers: false`: the pod runs in a user namespace, which relaxes some PSS controls. */
export function usesUserNamespace(pod: PodTemplate): boolean {
  return pod.spec.hostUsers === false;
}
