import { describe, expect, it } from 'vitest';
import { imagePart, parseImageReference } from './image-reference.js';

/** The characters a part names, for readable expectations. */
const text = (image: string, part: 'registry' | 'tag') => {
  const { start, end } = imagePart(image, part);
  return image.slice(start, end);
};

describe('parseImageReference', () => {
  it('reads registry, repository, tag and digest', () => {
    expect(parseImageReference('localhost:5000/acme/app:1.2@sha256:abc')).toEqual({
      registry: 'localhost:5000',
      repository: 'acme/app',
      tag: '1.2',
      digest: 'sha256:abc',
    });
    expect(parseImageReference('nginx')).toEqual({ registry: 'docker.io', repository: 'nginx' });
  });
});

describe('imagePart', () => {
  it.each([
    ['quay.io/acme/app:1.2', 'quay.io', '1.2'],
    ['localhost:5000/app:2@sha256:abc', 'localhost:5000', '2'],
    // No registry: what stands in its place; no tag: the repository a tag follows.
    ['bitnami/redis:7', 'bitnami', '7'],
    ['nginx', 'nginx', 'nginx'],
    ['ghcr.io/acme/app@sha256:abc', 'ghcr.io', 'acme/app'],
    ['nginx:', 'nginx', 'nginx'],
  ])('%s: registry %s, tag %s', (image, registry, tag) => {
    expect(text(image, 'registry')).toBe(registry);
    expect(text(image, 'tag')).toBe(tag);
  });

  it('counts from the value as written, leading blanks included', () => {
    expect(imagePart('  quay.io/app:1', 'registry')).toEqual({ start: 2, end: 9 });
  });
});
