// The rule-test helpers themselves: the builders give the manifests they promise, findings are
// placed and filtered as the engine does it, and marker lines are handed out in order.
import { describe, expect, it } from 'vitest';
import type { K8sRule } from '../../src/rules/types.js';
import { getIn } from '../../src/sources/resource.js';
import { noPrivilegedContainers } from '../../src/rules/k8s/pod/no-privileged-containers.js';
import {
  binding,
  configMap,
  expectedErrors,
  limitRange,
  manifest,
  networkPolicy,
  pod,
  POD_CONTAINER_LINE,
  resourceQuota,
  resourcesFromYaml,
  role,
  roleGranting,
  ruleFindings,
  service,
  workload,
  type WorkloadKind,
} from './rules.js';

const POD_SPEC: Record<WorkloadKind, string[]> = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

describe('pod() and workload()', () => {
  it('builds the skeleton the rule tests read', () => {
    expect(pod()).toBe(
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n' +
        '    - name: app\n      image: nginx:1.27\n',
    );
  });

  it.each(Object.keys(POD_SPEC) as WorkloadKind[])(
    'puts every part where it belongs in a %s',
    (kind) => {
      const yaml = workload(kind, {
        name: 'web',
        metadata: 'namespace: shop',
        podMetadata: `
          annotations:
            a: b
        `,
        spec: 'hostPID: true',
        container: `
            securityContext:
              privileged: true
        `,
        initContainers: '- { name: init, image: busybox:1 }',
      });
      const [resource] = resourcesFromYaml(yaml);
      const object = resource.object;
      const spec = POD_SPEC[kind];
      expect(resource.ref).toMatchObject({ kind, name: 'web', namespace: 'shop' });
      expect(getIn(object, [...spec, 'hostPID'])).toBe(true);
      expect(getIn(object, [...spec, 'containers', 0])).toEqual({
        name: 'app',
        image: 'nginx:1.27',
        securityContext: { privileged: true },
      });
      expect(getIn(object, [...spec, 'initContainers', 0, 'name'])).toBe('init');
      const podMetadata = kind === 'Pod' ? ['metadata'] : [...spec.slice(0, -1), 'metadata'];
      expect(getIn(object, [...podMetadata, 'annotations', 'a'])).toBe('b');
    },
  );

  it('puts the container entry on POD_CONTAINER_LINE', () => {
    expect(pod().split('\n')[POD_CONTAINER_LINE - 1]).toBe('    - name: app');
    // Its image on the next line, nginx:1.27 unless given.
    expect(pod({ image: 'ghcr.io/acme/app:1' }).split('\n')[POD_CONTAINER_LINE]).toBe(
      '      image: ghcr.io/acme/app:1',
    );
  });

  it('takes a whole containers list instead of the default container', () => {
    const [resource] = resourcesFromYaml(pod({ containers: '- { name: a, image: x:1 }' }));
    expect(getIn(resource.object, ['spec', 'containers'])).toEqual([{ name: 'a', image: 'x:1' }]);
  });
});

describe('the object builders', () => {
  it('writes apiVersion, kind, metadata, then the body, as a rule test counts lines', () => {
    expect(manifest('Namespace', undefined, { name: 'shop', metadata: 'labels: { a: b }' })).toBe(
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels: { a: b }\n',
    );
    expect(service('type: ClusterIP', { namespace: 'app' })).toBe(
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n  namespace: app\nspec:\n' +
        '  type: ClusterIP\n',
    );
    expect(configMap('A: b')).toBe(
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  A: b\n',
    );
    expect(networkPolicy('podSelector: {}')).toBe(
      'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: np\nspec:\n' +
        '  podSelector: {}\n',
    );
    expect(
      limitRange('- type: Container').endsWith('\nspec:\n  limits:\n    - type: Container\n'),
    ).toBe(true);
    expect(resourceQuota('pods: "1"').endsWith('\nspec:\n  hard:\n    pods: "1"\n')).toBe(true);
  });

  it('writes RBAC rules one list a line, and roleGranting() puts its entry on line 10', () => {
    const yaml = roleGranting('Role', { apiGroups: [''], resources: ['secrets'], verbs: ['list'] });
    expect(yaml.split('\n')[9]).toBe("  - apiGroups: ['']");
    expect(resourcesFromYaml(yaml)[0].origin.locate(['rules', 1]).line).toBe(10);
    expect(role('ClusterRole', [{ verbs: ['*'], nonResourceURLs: ['*'] }])).toBe(
      'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: r\n' +
        "rules:\n  - verbs: ['*']\n    nonResourceURLs: ['*']\n",
    );
  });

  it('writes a binding: subjects, then roleRef', () => {
    expect(
      binding('RoleBinding', [{ kind: 'Group', name: 'g' }], { kind: 'Role', name: 'r' }),
    ).toBe(
      'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: b\n' +
        'subjects:\n  - kind: Group\n    name: g\nroleRef:\n  kind: Role\n  name: r\n',
    );
  });
});

describe('ruleFindings()', () => {
  it('places each finding on the line the engine reports', () => {
    const yaml = pod({ container: 'securityContext: { privileged: true }' });
    expect(ruleFindings(noPrivilegedContainers, yaml)).toEqual([
      {
        line: 9,
        message: expect.stringContaining("'app'"),
        container: 'app',
        path: ['spec', 'containers', 0, 'securityContext', 'privileged'],
      },
    ]);
  });

  it("runs a check only on the rule's kinds, as the engine does", () => {
    const everything: K8sRule = {
      meta: { ...noPrivilegedContainers.meta },
      kinds: ['role'],
      check: () => [{ message: 'seen', path: [] }],
    };
    const yaml = `${pod()}---\napiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: { name: r }\n`;
    expect(ruleFindings(everything, yaml)).toEqual([{ line: 10, message: 'seen', path: [] }]);
  });
});

describe('expectedErrors()', () => {
  it('gives errors without a line the marked lines, in order', () => {
    const code = 'a: 1  # <-\nb: 2\nc: 3  # <-\n';
    expect(
      expectedErrors({
        code,
        errors: [{ message: 'x' }, { line: 2, message: 'y' }, { message: /z/ }],
      }),
    ).toEqual([
      { line: 1, message: 'x' },
      { line: 2, message: 'y' },
      { line: 3, message: expect.stringMatching(/z/) },
    ]);
  });

  it('refuses markers that do not match the errors', () => {
    expect(() => expectedErrors({ code: 'a: 1  # <-\n', errors: [] })).not.toThrow();
    expect(() =>
      expectedErrors({ code: 'a: 1  # <-\n', errors: [{ message: 'x' }, { message: 'y' }] }),
    ).toThrow('2 error(s) without a line but 1 line(s) marked');
  });
});
