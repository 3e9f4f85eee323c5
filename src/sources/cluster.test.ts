import { describe, expect, it } from 'vitest';
import { mergeClusterResources, workflowKubeconfig } from './cluster.js';
import { toResource } from './resource.js';

const resource = (kind: string, name: string) =>
  toResource(
    { apiVersion: 'admissionregistration.k8s.io/v1', kind, metadata: { name } },
    { file: 'x', source: 'manifest', locate: () => ({ line: 1 }) },
  );

describe('cluster reading', () => {
  it('refuses a kubeconfig inside the repository (a pull request could replace it)', () => {
    expect(() => workflowKubeconfig('kubeconfig', '/work/repo')).toThrow(/inside the repository/);
    expect(() => workflowKubeconfig('/work/repo/.kube/config', '/work/repo')).toThrow(
      /inside the repository/,
    );
    expect(workflowKubeconfig('/runner/temp/kubeconfig', '/work/repo')).toBe(
      '/runner/temp/kubeconfig',
    );
  });

  it("lets the repository's version of an object win over the cluster's", () => {
    const repo = [resource('ValidatingAdmissionPolicy', 'p')];
    const cluster = [
      resource('ValidatingAdmissionPolicy', 'p'),
      resource('ValidatingAdmissionPolicy', 'q'),
    ];
    expect(mergeClusterResources(repo, cluster).map((r) => r.ref.name)).toEqual(['q']);
  });
});
