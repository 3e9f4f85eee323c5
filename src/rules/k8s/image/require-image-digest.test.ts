import { describe, expect, it } from 'vitest';
import { runK8sRule, violationLines } from '../../../../test/support/rules.js';
import { requireImageDigest } from './require-image-digest.js';

const DIGEST = 'sha256:' + 'a'.repeat(64);
const pod = (image: string) => `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      image: ${image}
`;

describe('KPG201 require-image-digest', () => {
  it('is off by default (no generated pack enables it)', () => {
    expect(requireImageDigest.meta.optional).toBe(true);
  });

  it.each([`ghcr.io/acme/app@${DIGEST}`, `ghcr.io/acme/app:1.4.2@${DIGEST}`])(
    'passes %s',
    (image) => {
      expect(runK8sRule(requireImageDigest, pod(image))).toEqual([]);
    },
  );

  it.each(['ghcr.io/acme/app:1.4.2', 'nginx', 'localhost:5000/app'])(
    'flags %s on the image line',
    (image) => {
      expect(violationLines(requireImageDigest, pod(image))).toEqual([8]);
    },
  );
});
