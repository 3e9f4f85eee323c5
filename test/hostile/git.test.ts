// A repository whose git configuration or .gitattributes names programs (an fsmonitor, hooks,
// clean/smudge filters, textconv and external diff drivers), and a runner environment that
// points git elsewhere: `scan --base` and the changed lines run git without running any of them
// (src/diff/git.ts). Each case first shows that plain git in the same repository does run the
// program, so the test can fail.
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../src/cli.js';
import { gitChangedLines } from '../../src/diff/changed-lines.js';
import { toolEnvironment } from '../../src/sources/tools.js';
import { gitRepo, type Repo } from '../support/git.js';
import { GOOD_MANIFEST } from './support.js';

let work: string;
let repo: Repo;
/** The file each planted program appends a line to when it runs. */
let marker: string;
/** The planted program: notes that it ran, then passes its input through as a filter would. */
let program: string;
/** The same as an fsmonitor, which reads nothing. */
let monitor: string;

beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), 'kpg-hostile-git-'));
  marker = path.join(work, 'ran');
  program = path.join(work, 'planted.sh');
  writeFileSync(program, `#!/bin/sh\necho "$0 $*" >> '${marker}'\ncat "$@" 2>/dev/null\nexit 0\n`);
  chmodSync(program, 0o755);
  monitor = path.join(work, 'monitor.sh');
  writeFileSync(monitor, `#!/bin/sh\necho "$0 $*" >> '${marker}'\n`);
  chmodSync(monitor, 0o755);
  repo = gitRepo();
});
afterEach(() => {
  rmSync(repo.root, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

const ran = () => (existsSync(marker) ? readFileSync(marker, 'utf8') : '');

/** A base commit on main with a privileged Deployment; head's work tree changes it. With
 *  `link`, the base also has a symlink, so the base is written whole, not path by path. */
function baseAndHead({ link = false } = {}) {
  repo.write('.gitattributes', '* filter=planted diff=planted\n');
  repo.write('deploy/app.yaml', GOOD_MANIFEST);
  if (link) symlinkSync('app.yaml', path.join(repo.root, 'deploy/link.yaml'));
  repo.git('add', '-A');
  repo.git('commit', '-qm', 'base');
  // A change that leaves the privileged container's finding as it was: `existing`.
  repo.write(
    'deploy/app.yaml',
    GOOD_MANIFEST.replace('image: nginx:1.27.0', 'image: nginx:1.27.1'),
  );
  repo.git('checkout', '-qb', 'feature');
  repo.git('commit', '-qam', 'head');
  // A work tree file git must hash again to compare (its stat no longer matches the index).
  const future = new Date(Date.now() + 3_600_000);
  utimesSync(path.join(repo.root, 'deploy/app.yaml'), future, future);
}

/** The repository's own configuration names the planted program everywhere git would run one. */
function plantInConfig() {
  const hooks = path.join(work, 'hooks');
  mkdirSync(hooks);
  for (const hook of [
    'post-checkout',
    'reference-transaction',
    'pre-auto-gc',
    'post-index-change',
  ]) {
    writeFileSync(path.join(hooks, hook), `#!/bin/sh\n'${program}' ${hook} </dev/null\n`);
    chmodSync(path.join(hooks, hook), 0o755);
  }
  for (const [key, value] of [
    ['core.fsmonitor', monitor],
    ['core.hooksPath', hooks],
    ['filter.planted.clean', program],
    ['filter.planted.smudge', program],
    ['filter.planted.required', 'true'],
    ['diff.planted.textconv', program],
    ['diff.planted.command', program],
  ]) {
    repo.git('config', key!, value!);
  }
}

/** `scan --base main` in process; its JSON report's findings and its stderr. */
async function scanBase(env: NodeJS.ProcessEnv) {
  let report = '';
  let stderr = '';
  const collect = (add: (text: string) => void) =>
    new Writable({
      write: (chunk, _encoding, done) => {
        add(String(chunk));
        done();
      },
    });
  const code = await run(['scan', '--base', 'main', '--format', 'json', '.'], {
    stdout: collect((text) => (report += text)),
    stderr: collect((text) => (stderr += text)),
    env,
    cwd: repo.root,
  });
  const { findings } = JSON.parse(report) as {
    findings: Array<{ ruleId: string; file: string; status?: string }>;
  };
  // The privileged container was there on the base: found there, so existing, not new.
  const privileged = findings.find(
    (finding) => finding.ruleId === 'KSV017' && finding.file === 'deploy/app.yaml',
  );
  return { code, stderr, status: privileged?.status };
}

/** The machine's variables, with nothing of git's that the test runner may have set. */
function plainEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('GIT_')),
  );
}

describe('git in a hostile repository', () => {
  it.each([
    ['path by path', false],
    ['written whole (a symlink in the base)', true],
  ])('scan --base runs none of the programs its configuration names: %s', async (_, link) => {
    baseAndHead({ link });
    plantInConfig();
    // Plain git runs them: the fsmonitor and filters to compare, textconv to diff, the
    // smudge filter and a hook to check out.
    execFileSync('git', ['diff', 'main'], { cwd: repo.root, env: plainEnv(), stdio: 'pipe' });
    execFileSync('git', ['worktree', 'add', '-q', '--detach', path.join(work, 'tree'), 'main'], {
      cwd: repo.root,
      env: plainEnv(),
      stdio: 'pipe',
    });
    expect(ran()).toMatch(/(planted|monitor)\.sh/);
    expect(ran()).toMatch(/post-checkout/);
    rmSync(marker);
    utimesSync(path.join(repo.root, 'deploy/app.yaml'), new Date(), new Date(Date.now() + 7e6));

    const { code, stderr } = await scanBase(plainEnv());
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(ran()).toBe('');
  });

  it('diffs the changed lines without textconv or the fsmonitor', async () => {
    baseAndHead();
    plantInConfig();
    execFileSync('git', ['diff', '--no-ext-diff', 'main', 'HEAD'], {
      cwd: repo.root,
      env: plainEnv(),
      stdio: 'pipe',
    });
    expect(ran()).toMatch(/(planted|monitor)\.sh/);
    rmSync(marker);

    const changed = await gitChangedLines(repo.root, 'main', toolEnvironment(plainEnv()));
    expect([...changed.keys()]).toEqual(['deploy/app.yaml']);
    expect(ran()).toBe('');
  });

  it("ignores the runner's GIT_* variables, global configuration and HOME", async () => {
    baseAndHead();
    const home = path.join(work, 'home');
    mkdirSync(home);
    writeFileSync(path.join(home, '.gitconfig'), `[core]\n\tfsmonitor = ${monitor}\n`);
    const global = path.join(work, 'global.gitconfig');
    writeFileSync(
      global,
      `[core]\n\tfsmonitor = ${monitor}\n[filter "planted"]\n\tclean = ${program}\n`,
    );
    // Another repository, which GIT_DIR would make git read instead of the scanned one.
    const other = gitRepo();
    try {
      // Its main has the Deployment unprivileged, its work tree privileged: read through
      // GIT_DIR, the finding would be new.
      other.write(
        'deploy/app.yaml',
        GOOD_MANIFEST.replace('privileged: true', 'privileged: false'),
      );
      other.git('add', '-A');
      other.git('commit', '-qm', 'other');
      other.write('deploy/app.yaml', GOOD_MANIFEST);
      const env = {
        ...plainEnv(),
        HOME: home,
        XDG_CONFIG_HOME: home,
        GIT_CONFIG_GLOBAL: global,
        GIT_DIR: path.join(other.root, '.git'),
        GIT_WORK_TREE: other.root,
        GIT_CONFIG_PARAMETERS: `'core.fsmonitor'='${monitor}'`,
        GIT_CONFIG_COUNT: '1',
        GIT_CONFIG_KEY_0: 'filter.planted.clean',
        GIT_CONFIG_VALUE_0: program,
      };
      // Plain git with these variables runs the program (and reads the other repository).
      execFileSync('git', ['status', '--porcelain'], { cwd: repo.root, env, stdio: 'pipe' });
      expect(ran()).toMatch(/(planted|monitor)\.sh/);
      rmSync(marker);

      // Compared with this repository's main, not the other one's.
      expect(await scanBase(env)).toEqual({ code: 1, stderr: '', status: 'existing' });
      expect(ran()).toBe('');
    } finally {
      rmSync(other.root, { recursive: true, force: true });
    }
  });
});
