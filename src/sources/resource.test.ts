import { describe, expect, it } from 'vitest';
import { parseManifests } from './manifests.js';
import { releaseObject } from './resource.js';

const KEEP = ['example.com/ignore'];

describe('releaseObject', () => {
  it('keeps identity, the named annotations, positions and the pod template paths', () => {
    const text = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
  labels: { app: web }
  annotations:
    example.com/ignore: KSV001
    other: value
spec:
  template:
    spec:
      containers:
        - name: app
          image: nginx
`;
    const [resource] = parseManifests(text, { file: 'web.yaml' }).resources;
    const { ref, origin } = resource;
    releaseObject(resource, KEEP);
    expect(resource.object).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'shop', annotations: { 'example.com/ignore': 'KSV001' } },
    });
    expect(resource.ref).toBe(ref);
    expect(resource.origin).toBe(origin);
    expect(resource.pod).toMatchObject({ containers: [], specPath: ['spec', 'template', 'spec'] });
    expect(resource.origin.locate(['metadata', 'namespace']).line).toBe(5);
  });

  it('leaves no annotations and no pod template where there were none', () => {
    const [resource] = parseManifests('apiVersion: v1\nkind: ConfigMap\nmetadata: { name: c }\n', {
      file: 'c.yaml',
    }).resources;
    releaseObject(resource, KEEP);
    expect(resource.object).toEqual({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'c' },
    });
    expect(resource.pod).toBeUndefined();
  });
});
