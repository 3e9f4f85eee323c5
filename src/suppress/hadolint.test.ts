import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../model.js';
import { parseDockerfile } from '../sources/dockerfile.js';
import { suppressFindings } from './suppress.js';
import {
  hadolintExceptions,
  hadolintRuleOptions,
  parseHadolintConfig,
  parseHadolintPragmas,
} from './hadolint.js';
import { loadShellParser } from '../sources/shell.js';

// parseDockerfile needs the shell parser; a scan loads it before its first Dockerfile.
beforeAll(() => loadShellParser());

const finding = (ruleId: string, line: number, file = 'Dockerfile'): Finding => ({
  ruleId,
  aliases: [],
  severity: 'medium',
  title: ruleId,
  message: ruleId,
  file,
  line,
  source: 'dockerfile',
  fingerprint: `${ruleId}:${line}`,
});

const dockerfile = `# hadolint global ignore=DL3007
# hadolint shell=powershell
FROM debian:latest
# hadolint ignore=DL3008,DL3015 apt pins come from the base image
RUN apt-get install -y \\
    curl
USER root
# hadolint stage ignore=DL3002
FROM debian:12
USER root
`;

describe('parseHadolintPragmas', () => {
  const pragmas = parseHadolintPragmas(parseDockerfile(dockerfile, 'Dockerfile'));

  it('keys an ignore pragma by the instruction right below it, with its reason', () => {
    expect([...pragmas.ignoreByLine]).toEqual([
      [
        5,
        { ids: ['DL3008', 'DL3015'], reason: 'apt pins come from the base image', pragmaLine: 4 },
      ],
    ]);
  });

  it('reads global and stage ignores and the shell', () => {
    expect(pragmas.globalIgnores).toEqual([{ ids: ['DL3007'], pragmaLine: 1 }]);
    expect(pragmas.stageIgnores).toMatchObject([{ ids: ['DL3002'], fromLine: 9, pragmaLine: 8 }]);
    expect(pragmas).toMatchObject({ shell: 'powershell', posixShell: false });
  });

  it('drops a pragma naming something that is not a rule code', () => {
    const model = parseDockerfile('FROM a:1\n# hadolint ignore=crazy,DL3002\nUSER root\n', 'D');
    expect(parseHadolintPragmas(model).ignoreByLine.size).toBe(0);
  });
});

describe('hadolintExceptions', () => {
  const model = parseDockerfile(dockerfile, 'Dockerfile');
  const now = new Date('2026-11-23T00:00:00Z');

  it('turns inline, stage and global pragmas into exceptions of the common suppression stage', () => {
    const { findings, suppressed } = suppressFindings(
      [
        finding('DL3008', 5),
        finding('DL3009', 5),
        finding('DL3002', 7),
        finding('DL3002', 10),
        finding('DL3007', 3),
      ],
      hadolintExceptions([model]),
      now,
    );
    expect(findings.map((f) => `${f.ruleId}:${f.line}`)).toEqual(['DL3009:5', 'DL3002:7']);
    expect(suppressed.map((f) => [f.ruleId, f.suppressedBy])).toEqual([
      [
        'DL3008',
        {
          source: 'hadolint-pragma',
          file: 'Dockerfile',
          line: 4,
          reason: 'apt pins come from the base image',
        },
      ],
      ['DL3002', { source: 'hadolint-pragma', file: 'Dockerfile', line: 8 }],
      ['DL3007', { source: 'hadolint-pragma', file: 'Dockerfile', line: 1 }],
    ]);
  });

  it('adds the config ignores, and drops pragmas with disable-ignore-pragma', () => {
    const { config } = parseHadolintConfig(
      'ignored: [DL3009]\ndisable-ignore-pragma: true\n',
      '.hadolint.yaml',
    );
    const { findings, suppressed } = suppressFindings(
      [finding('DL3008', 5), finding('DL3009', 5), finding('KSV001', 1, 'x.yaml')],
      hadolintExceptions([model], config),
      now,
    );
    expect(findings.map((f) => f.ruleId)).toEqual(['DL3008', 'KSV001']);
    expect(suppressed).toMatchObject([
      { suppressedBy: { source: 'hadolint-config', file: '.hadolint.yaml', line: 1 } },
    ]);
  });
});

describe('parseHadolintConfig', () => {
  it('reads every supported key', () => {
    const { config, problems } = parseHadolintConfig(
      `failure-threshold: warning
ignored:
  - DL3008
override:
  info: [DL3059]
trustedRegistries: [docker.io, "*.example.com"]
label-schema:
  owner: text
  source: url
strict-labels: true
no-color: true
`,
      '.hadolint.yaml',
    );
    expect(problems).toEqual([]);
    expect(config).toMatchObject({
      failureThreshold: 'medium',
      ignored: [{ id: 'DL3008', line: 3 }],
      trustedRegistries: ['docker.io', '*.example.com'],
      labelSchema: { owner: 'text', source: 'url' },
      strictLabels: true,
      disableIgnorePragma: false,
    });
    expect(config!.override.get('DL3059')).toEqual({ severity: 'low', line: 5 });
    expect(hadolintRuleOptions(config!).get('DL3026')).toEqual({
      trustedRegistries: ['docker.io', '*.example.com'],
    });
    expect(hadolintRuleOptions(config!).get('DL3051')).toEqual({
      labelSchema: { owner: 'text', source: 'url' },
      strictLabels: true,
    });
  });

  it('reports problems with their lines', () => {
    const { problems } = parseHadolintConfig(
      'ignored: [DL3008, nope]\nlabel-schema:\n  owner: txt\nfailure-threshold: loud\nbogus: 1\n',
      '.hadolint.yaml',
    );
    expect(problems.map((p) => p.line)).toEqual([1, 3, 4, 5]);
    expect(problems[0].message).toContain("'nope' is not a rule code");
    // The label rules' option schema checks the label types, with a did-you-mean.
    expect(problems[1].message).toBe(
      "'label-schema.owner': must be one of text, url, rfc3339, spdx, hash, semver, email (did you mean 'text'?)",
    );
  });

  it("checks the keys that are rule options with the rules' option schemas", () => {
    const { problems } = parseHadolintConfig(
      [
        'trustedRegistries: docker.io',
        'label-schema:',
        '  org.opencontainers.image.source: url',
        '  org.opencontainers.image.created: rfc339',
        '  org.opencontainers.image.licenses: [spdx]',
        'strict-labels: yes please',
        '',
      ].join('\n'),
      '.hadolint.yaml',
    );
    expect(problems).toEqual([
      {
        file: '.hadolint.yaml',
        line: 1,
        message: "'trustedRegistries': must be a list of strings",
      },
      {
        file: '.hadolint.yaml',
        line: 4,
        message:
          "'label-schema.org.opencontainers.image.created': must be one of text, url, rfc3339, spdx, hash, semver, email (did you mean 'rfc3339'?)",
      },
      { file: '.hadolint.yaml', line: 6, message: "'strict-labels': must be true or false" },
    ]);
  });

  it('reports YAML syntax errors', () => {
    expect(parseHadolintConfig('ignored: [DL3008\n', 'h.yaml').problems).toHaveLength(1);
  });
});
