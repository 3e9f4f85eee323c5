// Every Dockerfile rule: hadolint's DL rules, then KPG301 for a RUN no rule could read. Packs in
// policies/ choose which are enabled.
import type { DockerRule } from '../types.js';
import { noInlineIgnorePragmas } from './no-inline-ignore-pragmas.js';
import { workdirAbsolute } from './workdir-absolute.js';
import { noPointlessCommands } from './no-pointless-commands.js';
import { lastUserNotRoot } from './last-user-not-root.js';
import { useWorkdir } from './use-workdir.js';
import { noSudo } from './no-sudo.js';
import { fromTagImage } from './from-tag-image.js';
import { fromNoLatest } from './from-no-latest.js';
import { aptGetPinVersions } from './apt-get-pin-versions.js';
import { aptGetDeleteLists } from './apt-get-delete-lists.js';
import { addToExtractArchives } from './add-to-extract-archives.js';
import { exposeValidPort } from './expose-valid-port.js';
import { singleHealthcheck } from './single-healthcheck.js';
import { pipPinVersions } from './pip-pin-versions.js';
import { aptGetYes } from './apt-get-yes.js';
import { aptGetNoInstallRecommends } from './apt-get-no-install-recommends.js';
import { npmPinVersions } from './npm-pin-versions.js';
import { apkPinVersions } from './apk-pin-versions.js';
import { apkNoCache } from './apk-no-cache.js';
import { copyNotAdd } from './copy-not-add.js';
import { copyMultipleSourcesDir } from './copy-multiple-sources-dir.js';
import { copyFromKnownStage } from './copy-from-known-stage.js';
import { copyFromNotSelf } from './copy-from-not-self.js';
import { uniqueStageNames } from './unique-stage-names.js';
import { execFormCmdEntrypoint } from './exec-form-cmd-entrypoint.js';
import { trustedRegistries } from './trusted-registries.js';
import { noApt } from './no-apt.js';
import { gemPinVersions } from './gem-pin-versions.js';
import { fromNoPlatform } from './from-no-platform.js';
import { yumYes } from './yum-yes.js';
import { yumCleanAll } from './yum-clean-all.js';
import { yumPinVersions } from './yum-pin-versions.js';
import { zypperNonInteractive } from './zypper-non-interactive.js';
import { noZypperDistUpgrade } from './no-zypper-dist-upgrade.js';
import { zypperClean } from './zypper-clean.js';
import { zypperPinVersions } from './zypper-pin-versions.js';
import { dnfYes } from './dnf-yes.js';
import { dnfCleanAll } from './dnf-clean-all.js';
import { dnfPinVersions } from './dnf-pin-versions.js';
import { pipNoCacheDir } from './pip-no-cache-dir.js';
import { onbuildValidTrigger } from './onbuild-valid-trigger.js';
import { envNoSelfReference } from './env-no-self-reference.js';
import { copyRelativeNeedsWorkdir } from './copy-relative-needs-workdir.js';
import { useraddNoLogInit } from './useradd-no-log-init.js';
import { wgetProgress } from './wget-progress.js';
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
import { consolidateRuns } from './consolidate-runs.js';
import { yarnCacheClean } from './yarn-cache-clean.js';
import { fromFirst } from './from-first.js';
import { goPinVersions } from './go-pin-versions.js';
import { stageNameNotReserved } from './stage-name-not-reserved.js';
import { noSecretsInArgEnv } from './no-secrets-in-arg-env.js';
import { noRedundantTargetPlatform } from './no-redundant-target-platform.js';
import { numericUser } from './numeric-user.js';
import { noCopyWholeFilesystem } from './no-copy-whole-filesystem.js';
import { noMaintainer } from './no-maintainer.js';
import { wgetOrCurl } from './wget-or-curl.js';
import { singleCmd } from './single-cmd.js';
import { singleEntrypoint } from './single-entrypoint.js';
import { noLnSh } from './no-ln-sh.js';
import { pipefail } from './pipefail.js';
import { runNotParsed } from './run-not-parsed.js';

export const dockerRules: readonly DockerRule[] = [
  noInlineIgnorePragmas as DockerRule,
  workdirAbsolute as DockerRule,
  noPointlessCommands as DockerRule,
  lastUserNotRoot as DockerRule,
  useWorkdir as DockerRule,
  noSudo as DockerRule,
  fromTagImage as DockerRule,
  fromNoLatest as DockerRule,
  aptGetPinVersions as DockerRule,
  aptGetDeleteLists as DockerRule,
  addToExtractArchives as DockerRule,
  exposeValidPort as DockerRule,
  singleHealthcheck as DockerRule,
  pipPinVersions as DockerRule,
  aptGetYes as DockerRule,
  aptGetNoInstallRecommends as DockerRule,
  npmPinVersions as DockerRule,
  apkPinVersions as DockerRule,
  apkNoCache as DockerRule,
  copyNotAdd as DockerRule,
  copyMultipleSourcesDir as DockerRule,
  copyFromKnownStage as DockerRule,
  copyFromNotSelf as DockerRule,
  uniqueStageNames as DockerRule,
  execFormCmdEntrypoint as DockerRule,
  trustedRegistries as DockerRule,
  noApt as DockerRule,
  gemPinVersions as DockerRule,
  fromNoPlatform as DockerRule,
  yumYes as DockerRule,
  yumCleanAll as DockerRule,
  yumPinVersions as DockerRule,
  zypperNonInteractive as DockerRule,
  noZypperDistUpgrade as DockerRule,
  zypperClean as DockerRule,
  zypperPinVersions as DockerRule,
  dnfYes as DockerRule,
  dnfCleanAll as DockerRule,
  dnfPinVersions as DockerRule,
  pipNoCacheDir as DockerRule,
  onbuildValidTrigger as DockerRule,
  envNoSelfReference as DockerRule,
  copyRelativeNeedsWorkdir as DockerRule,
  useraddNoLogInit as DockerRule,
  wgetProgress as DockerRule,
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
  consolidateRuns as DockerRule,
  yarnCacheClean as DockerRule,
  fromFirst as DockerRule,
  goPinVersions as DockerRule,
  stageNameNotReserved as DockerRule,
  noSecretsInArgEnv as DockerRule,
  noRedundantTargetPlatform as DockerRule,
  numericUser as DockerRule,
  noCopyWholeFilesystem as DockerRule,
  noMaintainer as DockerRule,
  wgetOrCurl as DockerRule,
  singleCmd as DockerRule,
  singleEntrypoint as DockerRule,
  noLnSh as DockerRule,
  pipefail as DockerRule,
  runNotParsed,
];
