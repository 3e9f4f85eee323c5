// Every Dockerfile rule (hadolint's DL rules), in ID order. Packs in policies/ choose which are
// enabled.
import type { DockerRule } from '../types.js';
import { noInlineIgnorePragmas } from './no-inline-ignore-pragmas.js';
import { workdirAbsolute } from './workdir-absolute.js';
import { lastUserNotRoot } from './last-user-not-root.js';
import { fromTagImage } from './from-tag-image.js';
import { fromNoLatest } from './from-no-latest.js';
import { exposeValidPort } from './expose-valid-port.js';
import { singleHealthcheck } from './single-healthcheck.js';
import { copyNotAdd } from './copy-not-add.js';
import { copyMultipleSourcesDir } from './copy-multiple-sources-dir.js';
import { copyFromKnownStage } from './copy-from-known-stage.js';
import { copyFromNotSelf } from './copy-from-not-self.js';
import { uniqueStageNames } from './unique-stage-names.js';
import { execFormCmdEntrypoint } from './exec-form-cmd-entrypoint.js';
import { trustedRegistries } from './trusted-registries.js';
import { fromNoPlatform } from './from-no-platform.js';
import { onbuildValidTrigger } from './onbuild-valid-trigger.js';
import { envNoSelfReference } from './env-no-self-reference.js';
import { copyRelativeNeedsWorkdir } from './copy-relative-needs-workdir.js';
import { labelKeyValid } from './label-key-valid.js';
import { labelRequired } from './label-required.js';
import { labelNoExtra } from './label-no-extra.js';
import { labelNotEmpty } from './label-not-empty.js';
import { labelUrl } from './label-url.js';
import { labelRfc3339 } from './label-rfc3339.js';
import { labelSpdx } from './label-spdx.js';
import { labelGitHash } from './label-git-hash.js';
import { labelSemver } from './label-semver.js';
import { healthcheckPresent } from './healthcheck-present.js';
import { labelEmail } from './label-email.js';
import { fromFirst } from './from-first.js';
import { stageNameNotReserved } from './stage-name-not-reserved.js';
import { noSecretsInArgEnv } from './no-secrets-in-arg-env.js';
import { noRedundantTargetPlatform } from './no-redundant-target-platform.js';
import { numericUser } from './numeric-user.js';
import { noCopyWholeFilesystem } from './no-copy-whole-filesystem.js';
import { noMaintainer } from './no-maintainer.js';
import { singleCmd } from './single-cmd.js';
import { singleEntrypoint } from './single-entrypoint.js';

export const dockerRules: readonly DockerRule[] = [
  noInlineIgnorePragmas as DockerRule,
  workdirAbsolute as DockerRule,
  lastUserNotRoot as DockerRule,
  fromTagImage as DockerRule,
  fromNoLatest as DockerRule,
  exposeValidPort as DockerRule,
  singleHealthcheck as DockerRule,
  copyNotAdd as DockerRule,
  copyMultipleSourcesDir as DockerRule,
  copyFromKnownStage as DockerRule,
  copyFromNotSelf as DockerRule,
  uniqueStageNames as DockerRule,
  execFormCmdEntrypoint as DockerRule,
  trustedRegistries as DockerRule,
  fromNoPlatform as DockerRule,
  onbuildValidTrigger as DockerRule,
  envNoSelfReference as DockerRule,
  copyRelativeNeedsWorkdir as DockerRule,
  labelKeyValid as DockerRule,
  labelRequired as DockerRule,
  labelNoExtra as DockerRule,
  labelNotEmpty as DockerRule,
  labelUrl as DockerRule,
  labelRfc3339 as DockerRule,
  labelSpdx as DockerRule,
  labelGitHash as DockerRule,
  labelSemver as DockerRule,
  healthcheckPresent as DockerRule,
  labelEmail as DockerRule,
  fromFirst as DockerRule,
  stageNameNotReserved as DockerRule,
  noSecretsInArgEnv as DockerRule,
  noRedundantTargetPlatform as DockerRule,
  numericUser as DockerRule,
  noCopyWholeFilesystem as DockerRule,
  noMaintainer as DockerRule,
  singleCmd as DockerRule,
  singleEntrypoint as DockerRule,
];
