// Hostile Dockerfiles through the real scan(): unterminated heredocs, a continuation at end of
// file, huge RUN lines. Each is linted (or reported) and never hides another file's findings.
import { afterEach, describe, expect, it } from 'vitest';
import { loadPolicy } from '../../src/config/policy.js';
import { scan } from '../../src/scan.js';
import { tempRepo, type Repo } from './support.js';

let repo: Repo;
afterEach(() => repo?.remove());

/** A Dockerfile the hadolint pack always flags: `FROM` an untagged image (DL3006). */
const GOOD_DOCKERFILE = 'FROM debian\nRUN echo hello\n';

async function lint(files: Record<string, string>) {
  repo = tempRepo();
  repo.write('good/Dockerfile', GOOD_DOCKERFILE);
  for (const [file, content] of Object.entries(files)) repo.write(file, content);
  const policy = loadPolicy({ root: repo.root, packs: ['hadolint'] });
  const result = await scan({ root: repo.root, paths: [], policy });
  const of = (file: string) => result.findings.filter((finding) => finding.file === file);
  expect(of('good/Dockerfile').map((finding) => finding.ruleId)).toContain('DL3006');
  return { result, of };
}

describe('hostile Dockerfiles', () => {
  it('lints a Dockerfile whose heredoc is never terminated', async () => {
    const { result, of } = await lint({
      'heredoc/Dockerfile':
        'FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y curl\n# no EOF marker\n',
      'heredoc2/Dockerfile': 'FROM debian:12\nCOPY <<EOT /etc/motd\nhello\nRUN echo after\n',
    });
    expect(result.errors.filter((error) => error.file.startsWith('heredoc'))).toEqual([]);
    // Still linted: the FROM line is read whatever follows it.
    expect(of('heredoc/Dockerfile').every((finding) => finding.line >= 1)).toBe(true);
  });

  it('lints a Dockerfile ending in a line continuation', async () => {
    const { of } = await lint({
      'cont/Dockerfile': 'FROM debian\nRUN apt-get update && \\\n    apt-get install -y curl \\\n',
      'cont2/Dockerfile': 'FROM debian:12\nRUN \\',
      'escape/Dockerfile': '# escape=`\nFROM debian\nRUN dir `',
    });
    for (const file of ['cont/Dockerfile', 'escape/Dockerfile']) {
      expect(of(file).find((finding) => finding.ruleId === 'DL3006')?.line).toBe(
        file === 'escape/Dockerfile' ? 2 : 1,
      );
    }
  });

  it('lints huge RUN lines', async () => {
    const commands = Array.from({ length: 5_000 }, (_, i) => `echo step-${i}`).join(' && ');
    const continued = Array.from(
      { length: 2_000 },
      (_, i) => `    apt-get install -y pkg${i}`,
    ).join(' && \\\n');
    const { of } = await lint({
      'long/Dockerfile': `FROM debian\nRUN ${commands}\n`,
      'wide/Dockerfile': `FROM debian\nRUN echo ${'x'.repeat(1_000_000)}\n`,
      'tall/Dockerfile': `FROM debian:12\nRUN apt-get update && \\\n${continued}\n`,
      'quotes/Dockerfile': `FROM debian\nRUN echo "${'unterminated '.repeat(10_000)}\n`,
    });
    expect(of('long/Dockerfile').map((finding) => finding.ruleId)).toContain('DL3006');
    expect(of('wide/Dockerfile').map((finding) => finding.ruleId)).toContain('DL3006');
    expect(of('quotes/Dockerfile').map((finding) => finding.ruleId)).toContain('DL3006');
    // The RUN the shell parser cannot read is said on its line, not skipped silently.
    expect(of('quotes/Dockerfile').filter((f) => f.ruleId === 'KPG301')).toMatchObject([
      {
        line: 2,
        severity: 'medium',
        message: expect.stringMatching(
          /^RUN could not be parsed as shell \(reached EOF without closing quote "\); no rule checked its commands\.$/,
        ),
      },
    ]);
    // apt-get install without pinned versions, on the RUN that spans 2,000 lines (DL3008).
    const unpinned = of('tall/Dockerfile').filter((finding) => finding.ruleId === 'DL3008');
    if (unpinned.length) expect(unpinned[0].line).toBe(2);
  });

  // Linear in stages: each rule looks a stage name up once (it took minutes when rules searched
  // every earlier stage for each one).
  it('lints 50,000 stages', async () => {
    const stages = Array.from({ length: 50_000 }, (_, i) => `FROM x AS s${i}`);
    stages.push('FROM s0 AS s0', 'COPY --from=s49999 /a /b', 'COPY --from=nope /a /b');
    const { of } = await lint({ 'stages/Dockerfile': `${stages.join('\n')}\n` });
    const rules = of('stages/Dockerfile').map((finding) => finding.ruleId);
    expect(rules.filter((id) => id === 'DL3006')).toHaveLength(50_000);
    expect(of('stages/Dockerfile').filter((f) => f.ruleId === 'DL3024')).toMatchObject([
      { line: 50_001 },
    ]);
    expect(rules.filter((id) => id === 'DL3022')).toHaveLength(1);
  }, 120_000);

  it('reports a binary file named Dockerfile', async () => {
    const { result } = await lint({ 'bin/Dockerfile': '\u0000\u0001ELF\u0000' });
    expect(result.errors).toContainEqual({
      file: 'bin/Dockerfile',
      message: 'binary file, not YAML or a Dockerfile',
    });
  });
});
