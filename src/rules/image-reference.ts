// Container image references as the OCI distribution spec writes them:
// [registry[:port]/]repository[:tag][@digest]. The one reader for the image rules of both
// targets: Kubernetes container images and Dockerfile FROM / COPY --from / RUN --mount=from.
import type { ValuePart } from '../sources/resource.js';

export interface ImageReference {
  /** Registry host as written, or `docker.io` when the reference names none. */
  registry: string;
  repository: string;
  /** As written: `''` for a reference that ends in `:` (hadolint does not call that untagged). */
  tag?: string;
  digest?: string;
}

/** Splits an image reference as Docker does: the first path component is a registry when it
 *  has a `.` or `:` or is `localhost`. */
export function parseImageReference(image: string): ImageReference {
  let rest = image.trim();
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  // A tag follows the last ':' after the last '/'; an earlier ':' is a registry port.
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  let registry = 'docker.io';
  const slash = rest.indexOf('/');
  const first = slash >= 0 ? rest.slice(0, slash) : '';
  if (first && (first.includes('.') || first.includes(':') || first === 'localhost')) {
    registry = first;
    rest = rest.slice(slash + 1);
  }
  return { registry, repository: rest, tag, digest: digest || undefined };
}

/**
 * The characters of `image` a finding about its registry or its tag is about, so that a Helm
 * finding lands on the values key that supplied them (`registry:`, `repository:` or `tag:`).
 * Where the image names no registry (Docker Hub) the registry finding is about what stands in
 * its place, the first path component (`bitnami` of `bitnami/redis`, `nginx`); where it names no
 * tag the tag finding is about the repository a tag is appended to.
 */
export function imagePart(image: string, part: 'registry' | 'tag'): ValuePart {
  const lead = image.length - image.trimStart().length;
  const rest = image.trim();
  const at = rest.indexOf('@');
  const name = at >= 0 ? rest.slice(0, at) : rest;
  const colon = name.lastIndexOf(':');
  const tagged = colon > name.lastIndexOf('/') && colon < name.length - 1;
  const repositoryEnd = colon > name.lastIndexOf('/') ? colon : name.length;
  const slash = name.indexOf('/');
  const first = slash >= 0 ? name.slice(0, slash) : '';
  const hasRegistry = first.includes('.') || first.includes(':') || first === 'localhost';
  const repositoryStart = hasRegistry ? slash + 1 : 0;
  const [start, end] =
    part === 'registry'
      ? [0, slash >= 0 ? slash : repositoryEnd]
      : tagged
        ? [colon + 1, name.length]
        : [repositoryStart, repositoryEnd];
  return { start: lead + start, end: lead + end };
}
