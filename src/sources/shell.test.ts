import { beforeAll, describe, expect, it } from 'vitest';
import { parseDockerfile } from './dockerfile.js';
import {
  argsWithoutFlags,
  dropFlagValues,
  flagsOf,
  flagValues,
  hasFlag,
  isCommand,
  parseShell,
  type ShellCommand,
  loadShellParser,
} from './shell.js';

// parseDockerfile needs the shell parser; a scan loads it before its first Dockerfile.
beforeAll(() => loadShellParser());

const names = (script: string) => parseShell(script).commands.map((command) => command.name);

describe('parseShell', () => {
  it('lists simple commands with their arguments, quotes removed', () => {
    const shell = parseShell(`apt-get install -y "curl=7.*" 'wget' \\-q a\\ b`);
    expect(shell.parsed).toBe(true);
    expect(shell.commands).toEqual([
      {
        name: 'apt-get',
        args: ['install', '-y', 'curl=7.*', 'wget', '-q', 'a b'],
        statement: 0,
        pipeline: false,
        subshell: false,
      },
    ]);
  });

  it('places commands in && / || chains, pipelines and statements', () => {
    const shell = parseShell('a && b || c | d; e\nf |& g');
    expect(
      shell.commands.map(({ name, statement, operator, pipeline }) => [
        name,
        statement,
        operator ?? null,
        pipeline,
      ]),
    ).toEqual([
      ['a', 0, null, false],
      ['b', 0, '&&', false],
      ['c', 0, '||', true],
      ['d', 0, '|', true],
      ['e', 1, null, false],
      ['f', 2, null, true],
      ['g', 2, '|&', true],
    ]);
    expect(shell.pipes).toBe(2);
  });

  it('finds commands in subshells, substitutions and compound commands, outer first', () => {
    const shell = parseShell(
      'echo "$(id -u)" `pwd` && (cd /x; make) && if [ -f y ]; then rm y; fi; for f in *; do cat $f; done',
    );
    expect(shell.commands.map(({ name, subshell }) => [name, subshell])).toEqual([
      ['echo', false],
      ['id', true],
      ['pwd', true],
      ['cd', true],
      ['make', true],
      ['[', false],
      ['rm', false],
      ['cat', false],
    ]);
  });

  it('reads expansions as ${VAR} unless the variable is known', () => {
    const variables = new Map([['VERSION', '1.2']]);
    const [command] = parseShell(
      'install "pkg-$VERSION" x-${VERSION} $OTHER ${VERSION:-0} $(date)',
      variables,
    ).commands;
    expect(command.args).toEqual(['pkg-1.2', 'x-1.2', '${VAR}', '${VAR}', '${VAR}']);
  });

  it('skips commands whose name is an expansion, and assignments without a command', () => {
    expect(names('FOO=1; $CMD install x; BAR=2 make')).toEqual(['make']);
  });

  it('reads export/declare as commands', () => {
    expect(parseShell('export A=1 B').commands[0]).toMatchObject({
      name: 'export',
      args: ['A=1', 'B'],
    });
  });

  it('runs the body of a bare heredoc as the script', () => {
    expect(names('<<EOF\napt-get update\napt-get install -y x\nEOF')).toEqual([
      'apt-get',
      'apt-get',
    ]);
    expect(names('cat <<EOF > /etc/x\nnot a command\nEOF')).toEqual(['cat']);
    expect(names('<<-"EOF"\n\tpip install x\n\tEOF\nnot run')).toEqual(['pip']);
    expect(names('cat <<EOF\n$(id -u)\nEOF')).toEqual(['cat', 'id']);
  });

  it('keeps non-ASCII text intact', () => {
    expect(parseShell(`echo héllo "wörld" 'ü' 日本`).commands[0].args).toEqual([
      'héllo',
      'wörld',
      'ü',
      '日本',
    ]);
  });

  it('finds commands inside parameter expansions and redirects', () => {
    expect(names('echo ${V:-$(fallback)} > "$(mktemp)"')).toEqual(['echo', 'fallback', 'mktemp']);
  });

  it('marks a script it cannot parse, with no commands, and does not throw', () => {
    expect(parseShell('echo "unterminated')).toMatchObject({
      parsed: false,
      commands: [],
      pipes: 0,
    });
    expect(parseShell('if then fi fi').parsed).toBe(false);
  });
});

describe('command helpers (hadolint semantics)', () => {
  const command = (script: string): ShellCommand => parseShell(script).commands[0];

  it('splits short flags per letter and strips long flag values', () => {
    expect(flagsOf(command('x -yq --no-cache=1 - -- file')).map(({ flag }) => flag)).toEqual([
      'y',
      'q',
      'no-cache',
    ]);
    expect(hasFlag(command('apt-get -yq install'), 'y')).toBe(true);
    expect(hasFlag(command('apt-get install'), 'y')).toBe(false);
  });

  it('matches a command by name and any of its arguments', () => {
    expect(isCommand(command('apt-get -y install x'), 'apt-get', 'install')).toBe(true);
    expect(isCommand(command('apt-get update'), 'apt-get', 'install')).toBe(false);
    expect(isCommand(command('microdnf install x'), ['dnf', 'microdnf'], 'install')).toBe(true);
  });

  it('drops flag values given in the next word, not those given with =', () => {
    const apk = command('apk add --virtual .deps -X https://repo --repository=https://r gcc');
    expect(argsWithoutFlags(dropFlagValues(apk, ['virtual', 'X', 'repository']))).toEqual([
      'add',
      'gcc',
    ]);
    expect(flagValues(command('useradd -u 1000 --uid=2000 app'), 'u', 'uid')).toEqual([
      '1000',
      '2000',
    ]);
  });
});

describe('RUN bodies in the Dockerfile model', () => {
  const shellOf = (text: string, line: number) => {
    const instruction = parseDockerfile(text, 'Dockerfile').instructions.find(
      (candidate) => candidate.line === line,
    )!;
    return (instruction.trigger ?? instruction).shell;
  };

  it('parses shell-form RUN once, continuations joined and comment lines dropped', () => {
    const shell = shellOf('FROM a\nRUN apt-get update \\\n  # why\n  && apt-get install -y x\n', 2);
    expect(shell?.commands.map((command) => command.args[0])).toEqual(['update', 'install']);
  });

  it('reads exec-form RUN and SHELL as their words joined, as hadolint does', () => {
    expect(shellOf('FROM a\nRUN ["sh", "-c", "echo hi"]\n', 2)?.commands).toMatchObject([
      { name: 'sh', args: ['-c', 'echo', 'hi'] },
    ]);
    expect(
      shellOf('FROM a\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\n', 2)?.commands,
    ).toMatchObject([{ name: '/bin/bash', args: ['-o', 'pipefail', '-c'] }]);
  });

  it('parses ONBUILD RUN triggers', () => {
    expect(shellOf('FROM a\nONBUILD RUN make install\n', 2)?.commands[0].name).toBe('make');
  });

  it('resolves ARG values from then on and ENV values per stage, inherited FROM a stage', () => {
    const text = [
      'ARG V=1.0',
      'FROM a AS base',
      'ENV E=2.0',
      'RUN x $V $E',
      'FROM base',
      'RUN x $V $E',
      'FROM a',
      'RUN x $V $E',
    ].join('\n');
    expect(shellOf(text, 4)?.commands[0].args).toEqual(['1.0', '2.0']);
    expect(shellOf(text, 6)?.commands[0].args).toEqual(['1.0', '2.0']);
    expect(shellOf(text, 8)?.commands[0].args).toEqual(['1.0', '${VAR}']);
  });

  it('resolves ENV through a chain of stages longer than the merged depth, and its branches', () => {
    const lines = ['FROM a AS s0', 'ENV ROOT=r E0=0'];
    for (let i = 1; i <= 300; i++) lines.push(`FROM s${i - 1} AS s${i}`, `ENV E${i}=${i}`);
    // Two branches of s150, one after the chain went on: each sees s150's values only.
    lines.push('FROM s150', 'ENV E149=b', 'RUN x $ROOT $E149 $E150 $E151 $E300');
    lines.push('FROM s300', 'ENV ROOT=changed', 'RUN x $ROOT $E0 $E299 $E300');
    lines.push('FROM s150', 'RUN x $ROOT $E149 $E151');
    const text = lines.join('\n');
    const at = (line: number) => shellOf(text, line)?.commands[0].args;
    const first = lines.indexOf('RUN x $ROOT $E149 $E150 $E151 $E300') + 1;
    expect(at(first)).toEqual(['r', 'b', '150', '${VAR}', '${VAR}']);
    expect(at(first + 3)).toEqual(['changed', '0', '299', '300']);
    expect(at(first + 5)).toEqual(['r', '149', '${VAR}']);
  });

  it('leaves RUN unparsed below a non-POSIX shell pragma', () => {
    const text = 'FROM a\nRUN a | b\n# hadolint shell=powershell\nRUN Get-Item x | Remove-Item\n';
    expect(shellOf(text, 2)?.pipes).toBe(1);
    expect(shellOf(text, 4)).toBeUndefined();
    expect(shellOf('# hadolint shell=/bin/bash\nFROM a\nRUN a | b\n', 3)?.pipes).toBe(1);
  });
});
