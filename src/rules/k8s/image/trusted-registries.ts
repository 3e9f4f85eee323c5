import { defineK8sRule } from '../../define.js';
import { Minimatch } from 'minimatch';
import { containerViolations, describe } from '../helpers.js';
import { imagePart, parseImageReference, type ImageReference } from '../../image-reference.js';

export interface TrustedRegistriesOptions {
  /**
   * Trusted registries (Trivy's `trusted_registries` data for this check). Each entry is
   * - a registry host without `/`: trusted with its subdomains (`azurecr.io` trusts
   *   `acme.azurecr.io`), or a glob over the host (`*.dkr.ecr.*.amazonaws.com`);
   * - a pattern with `/`: a minimatch glob over `registry/repository` (`ghcr.io/acme/**`);
   *   without glob characters it trusts that path and everything below it (`ghcr.io/acme`).
   * Empty means Trivy's defaults: Azure Container Registry, Amazon ECR and Google Container
   * Registry.
   */
  trustedRegistries: string[];
}

const ECR_REGIONS = [
  'us-east-2',
  'us-east-1',
  'us-west-1',
  'us-west-2',
  'af-south-1',
  'ap-east-1',
  'ap-south-1',
  'ap-northeast-2',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-northeast-1',
  'ca-central-1',
  'eu-central-1',
  'eu-west-1',
  'eu-west-2',
  'eu-south-1',
  'eu-west-3',
  'eu-north-1',
  'me-south-1',
  'sa-east-1',
  'us-gov-east-1',
  'us-gov-west-1',
];

/** Trivy's default list, used when none is configured. */
export const DEFAULT_TRUSTED_REGISTRIES: readonly string[] = [
  'azurecr.io',
  ...ECR_REGIONS.map((region) => `ecr.${region}.amazonaws.com`),
  'ecr.cn-north-1.amazonaws.com.cn',
  'ecr.cn-northwest-1.amazonaws.com.cn',
  'gcr.io',
  'us.gcr.io',
  'eu.gcr.io',
  'asia.gcr.io',
];

type Matcher = (image: ImageReference) => boolean;

const GLOB = /[*?[\]{}!]/;

function matcher(entry: string): Matcher {
  const pattern = entry.trim().replace(/\/+$/, '');
  if (!pattern.includes('/')) {
    if (GLOB.test(pattern)) {
      const glob = new Minimatch(pattern, { nocase: true });
      return (image) => glob.match(image.registry);
    }
    const host = pattern.toLowerCase();
    // A label boundary, unlike Trivy's plain suffix test (which trusts `evilgcr.io` for `gcr.io`).
    return (image) => {
      const registry = image.registry.toLowerCase();
      return registry === host || registry.endsWith(`.${host}`);
    };
  }
  const globs = GLOB.test(pattern)
    ? [new Minimatch(pattern)]
    : [new Minimatch(pattern), new Minimatch(`${pattern}/**`)];
  return (image) => globs.some((glob) => glob.match(fullName(image)));
}

/** `registry/repository` as the registry knows it: Docker Hub's official images live under
 *  `library/` (`nginx` is `docker.io/library/nginx`). */
function fullName(image: ImageReference): string {
  const official = image.registry === 'docker.io' && !image.repository.includes('/');
  return `${image.registry}/${official ? 'library/' : ''}${image.repository}`;
}

/** Matchers per configured list, compiled once (the policy keeps the same array). */
const compiled = new WeakMap<readonly string[], Matcher[]>();

function matchersFor(list: readonly string[]): Matcher[] {
  let matchers = compiled.get(list);
  if (!matchers) {
    matchers = (list.length > 0 ? list : DEFAULT_TRUSTED_REGISTRIES).map(matcher);
    compiled.set(list, matchers);
  }
  return matchers;
}

export const trustedRegistries = defineK8sRule<TrustedRegistriesOptions>({
  meta: {
    id: 'KSV0125',
    name: 'trusted-image-registries',
    trivyId: 'kubernetes-use-trusted-registry',
    aliases: ['allowed-registries'],
    severity: 'medium',
    title: 'Restrict container images to trusted registries',
    description:
      "Every container image must come from a trusted registry, configured with the option `trustedRegistries`: registry hosts (`azurecr.io` also trusts its subdomains) or minimatch globs (`*.dkr.ecr.*.amazonaws.com`, `ghcr.io/acme/**`). An image without a registry host is a Docker Hub image (`docker.io/library/nginx`). Without a configured list, Trivy's default applies: Azure Container Registry, Amazon ECR and Google Container Registry.",
    rationale:
      "An image from an unvetted registry is code nobody reviewed running with the pod's credentials. This one rule carries both Trivy's registry list and glob patterns, so a `.trivyignore` entry and a migrated Trivy configuration keep working, and one image is never reported twice by two overlapping rules.",
    fix: "Pull from your registry (mirror public images into it), or trust the registry in the policy file:\n\n```yaml\nrules:\n  KSV0125:\n    options:\n      trustedRegistries:\n        - ghcr.io/acme/**\n        - '*.dkr.ecr.eu-west-1.amazonaws.com'\n```",
    references: ['https://kubernetes.io/docs/concepts/containers/images/'],
  },
  options: {
    trustedRegistries: {
      type: 'array',
      items: { type: 'string' },
      default: [],
      description:
        "Trusted registries (Trivy's `trusted_registries`). A host without `/` is trusted with its subdomains (`azurecr.io`) or is a glob over the host (`*.dkr.ecr.*.amazonaws.com`); a pattern with `/` is a glob over `registry/repository` (`ghcr.io/acme/**`), and without glob characters trusts that path and everything below it. Empty: Trivy's defaults (Azure Container Registry, Amazon ECR, Google Container Registry).",
    },
  },
  check: (resource, options) => {
    if (!resource.pod) return [];
    const list = Array.isArray(options.trustedRegistries) ? options.trustedRegistries : [];
    const matchers = matchersFor(list);
    return containerViolations(resource, (entry) => {
      const image = entry.container.image;
      if (typeof image !== 'string' || image === '') return undefined;
      const reference = parseImageReference(image);
      if (matchers.some((matches) => matches(reference))) return undefined;
      return {
        message: `${describe(resource, entry)} uses an image from an untrusted registry: '${image}'`,
        path: [...entry.path, 'image'],
        part: imagePart(image, 'registry'),
      };
    });
  },
});
