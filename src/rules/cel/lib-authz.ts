// kubernetes.authz: the `authorizer` variable of ValidatingAdmissionPolicies. Its checks ask the cluster's
// authorizer (RBAC, webhooks) whether the requesting user may do something; offline there is no authorizer
// and no user, so building a check works and running one (`check(verb)`) raises OfflineUnknownError, which
// the policy evaluator reports as indeterminate instead of guessing allowed or denied.
import type { Environment } from '@marcbachmann/cel-js';
import { CelLibraryError } from './errors.js';

/** What an offline evaluation cannot know; the message says what was asked. */
export class OfflineUnknownError extends CelLibraryError {}

const T = 'kubernetes.authorization.';

interface Target {
  serviceAccount?: string;
  group?: string;
  resource?: string;
  subresource?: string;
  namespace?: string;
  name?: string;
  path?: string;
}

function describe(target: Target, verb: string): string {
  const who = target.serviceAccount
    ? `service account ${target.serviceAccount}`
    : 'the requesting user';
  if (target.path !== undefined) return `whether ${who} may ${verb} the path ${target.path}`;
  const resource = `${target.group ? `${target.group}/` : ''}${target.resource ?? ''}${target.subresource ? `/${target.subresource}` : ''}`;
  const where = `${target.namespace ? ` in namespace '${target.namespace}'` : ''}${target.name ? ` named '${target.name}'` : ''}`;
  return `whether ${who} may ${verb} ${resource}${where}`;
}

export class AuthorizerValue {
  readonly requestResource: ResourceCheck;
  constructor(
    request: {
      group: string;
      resource: string;
      subresource: string;
      namespace: string;
      name: string;
    },
    readonly serviceAccount?: string,
  ) {
    this.requestResource = new ResourceCheck({ ...request, serviceAccount });
  }
}
export class GroupCheck {
  constructor(readonly target: Target) {}
}
export class ResourceCheck {
  constructor(readonly target: Target) {}
}
export class PathCheck {
  constructor(readonly target: Target) {}
}
/** Never produced offline (check() raises); registered so expressions that use it type-check. */
export class Decision {}

function check(target: Target, verb: string): never {
  throw new OfflineUnknownError(describe(target, verb));
}

export function registerAuthz(env: Environment, selectors: boolean): void {
  const with_ = (r: ResourceCheck, key: keyof Target, value: string) =>
    new ResourceCheck({ ...r.target, [key]: value });
  env
    .registerType(`${T}Decision`, Decision)
    .registerType(`${T}PathCheck`, PathCheck)
    .registerType(`${T}GroupCheck`, GroupCheck)
    .registerType(`${T}ResourceCheck`, ResourceCheck)
    .registerType(`${T}Authorizer`, {
      ctor: AuthorizerValue,
      fields: { requestResource: `${T}ResourceCheck` },
    })
    .registerFunction(
      `${T}Authorizer.path(string): ${T}PathCheck`,
      (a: AuthorizerValue, path: string) =>
        new PathCheck({ serviceAccount: a.serviceAccount, path }),
    )
    .registerFunction(
      `${T}Authorizer.group(string): ${T}GroupCheck`,
      (a: AuthorizerValue, group: string) =>
        new GroupCheck({ serviceAccount: a.serviceAccount, group }),
    )
    .registerFunction(
      `${T}Authorizer.serviceAccount(string, string): ${T}Authorizer`,
      (_: AuthorizerValue, namespace: string, name: string) =>
        new AuthorizerValue(
          { group: '', resource: '', subresource: '', namespace: '', name: '' },
          `${namespace}/${name}`,
        ),
    )
    .registerFunction(
      `${T}GroupCheck.resource(string): ${T}ResourceCheck`,
      (g: GroupCheck, resource: string) => new ResourceCheck({ ...g.target, resource }),
    )
    .registerFunction(
      `${T}ResourceCheck.subresource(string): ${T}ResourceCheck`,
      (r: ResourceCheck, value: string) => with_(r, 'subresource', value),
    )
    .registerFunction(
      `${T}ResourceCheck.namespace(string): ${T}ResourceCheck`,
      (r: ResourceCheck, value: string) => with_(r, 'namespace', value),
    )
    .registerFunction(
      `${T}ResourceCheck.name(string): ${T}ResourceCheck`,
      (r: ResourceCheck, value: string) => with_(r, 'name', value),
    )
    .registerFunction(
      `${T}ResourceCheck.check(string): ${T}Decision`,
      (r: ResourceCheck, verb: string) => check(r.target, verb),
    )
    .registerFunction(`${T}PathCheck.check(string): ${T}Decision`, (p: PathCheck, verb: string) =>
      check(p.target, verb),
    )
    .registerFunction(`${T}Decision.allowed(): bool`, () => false)
    .registerFunction(`${T}Decision.errored(): bool`, () => false)
    .registerFunction(`${T}Decision.reason(): string`, () => '')
    .registerFunction(`${T}Decision.error(): string`, () => '');
  if (selectors)
    env
      .registerFunction(
        `${T}ResourceCheck.fieldSelector(string): ${T}ResourceCheck`,
        (r: ResourceCheck) => r,
      )
      .registerFunction(
        `${T}ResourceCheck.labelSelector(string): ${T}ResourceCheck`,
        (r: ResourceCheck) => r,
      );
}
