import { describe, expect, it } from 'vitest';
import { mapPath, selects, splitImage, type RenderedResource } from './origin.js';

const rendered = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'prod-web', namespace: 'prod', labels: { app: 'web', tier: 'front' } },
  spec: {
    template: {
      spec: {
        containers: [
          { name: 'sidecar', image: 'envoy:1' },
          {
            name: 'app',
            image: 'web:2',
            ports: [{ containerPort: 8080 }, { containerPort: 9090 }],
          },
        ],
        tolerations: [{ key: 'a' }, { key: 'b' }],
      },
    },
  },
};
const containers = ['spec', 'template', 'spec', 'containers'];

describe('mapPath', () => {
  it('matches list items by merge key, as strategic merge does', () => {
    const patch = {
      spec: {
        template: { spec: { containers: [{ name: 'app', ports: [{ containerPort: 9090 }] }] } },
      },
    };
    expect(mapPath(rendered, patch, [...containers, 1, 'ports', 1, 'containerPort'])).toEqual({
      path: [...containers, 0, 'ports', 0, 'containerPort'],
      complete: true,
    });
    // The patch does not name the sidecar: not its field.
    expect(mapPath(rendered, patch, [...containers, 0, 'image']).complete).toBe(false);
  });

  it('matches lists without a merge key by index (they are replaced whole)', () => {
    const patch = { spec: { template: { spec: { tolerations: [{ key: 'a' }, { key: 'b' }] } } } };
    const path = ['spec', 'template', 'spec', 'tolerations', 1, 'key'];
    expect(mapPath(rendered, patch, path)).toEqual({ path, complete: true });
  });

  it('stops at the deepest step the document has', () => {
    expect(mapPath(rendered, { spec: {} }, ['spec', 'template', 'spec'])).toEqual({
      path: ['spec'],
      complete: false,
    });
  });
});

describe('selects', () => {
  const resource: RenderedResource = { object: rendered, names: new Set(['prod-web', 'web']) };
  it.each([
    [{ kind: 'Deployment' }, true],
    [{ kind: 'Deploy' }, false],
    [{ kind: 'Deployment|StatefulSet', name: 'web' }, true],
    [{ group: 'apps', version: 'v1', namespace: 'prod' }, true],
    [{ group: 'batch' }, false],
    [{ labelSelector: 'app=web,tier!=back' }, true],
    [{ labelSelector: 'app=api' }, false],
    [{ labelSelector: 'tier' }, true],
    [{ annotationSelector: 'x=y' }, false],
  ])('%j -> %s', (selector, expected) => expect(selects(selector, resource)).toBe(expected));
});

describe('splitImage', () => {
  it.each([
    ['nginx', { name: 'nginx' }],
    ['nginx:1.25', { name: 'nginx', tag: '1.25' }],
    ['registry:5000/team/app:v2', { name: 'registry:5000/team/app', tag: 'v2' }],
    ['registry:5000/app', { name: 'registry:5000/app' }],
    ['app@sha256:abc', { name: 'app', digest: 'sha256:abc' }],
    ['app:1@sha256:abc', { name: 'app', tag: '1', digest: 'sha256:abc' }],
  ])('%s', (image, expected) => expect(splitImage(image)).toEqual(expected));
});
