// Helpers for the hostile-input suite: throwaway repositories, the real scan() with the default
// pack, and the bundled CLI run as a user runs it.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { loadPolicy } from '../../src/config/policy.js';
import type { Finding } from '../../src/model.js';
import { scan, type ScanResult } from '../../src/scan.js';

export const CLI = path.resolve('dist/cli.js');

/** A Deployment with one privileged container: the default pack always reports it (KSV017). */
export const GOOD_MANIFEST = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: good
spec:
  template:
    spec:
      containers:
        - name: app
          image: nginx:1.27.0
          securityContext:
            privileged: true
`;

export interface Repo {
  root: string;
  write(file: string, content: string | Uint8Array): string;
  remove(): void;
}

export function tempRepo(): Repo {
  const root = mkdtempSync(path.join(tmpdir(), 'kpg-hostile-'));
  return {
    root,
    write(file, content) {
      const absolute = path.join(root, file);
      mkdirSync(path.dirname(absolute), { recursive: true });
      writeFileSync(absolute, content);
      return absolute;
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

export async function scanRepo(root: string, helm?: string): Promise<ScanResult> {
  const policy = loadPolicy({ root, packs: ['default'] });
  return scan({ root, paths: [], policy, tools: { helm }, now: new Date('2025-01-01T00:00:00Z') });
}

/** The good file's finding is still there: one bad file never hides the others. */
export function goodFileFindings(result: ScanResult, file = 'good.yaml'): Finding[] {
  return result.findings.filter((finding) => finding.file === file && finding.ruleId === 'KSV017');
}

/** KPG001 (unreadable file) findings on `file`. */
export function unreadable(result: ScanResult, file: string): Finding[] {
  return result.findings.filter((finding) => finding.file === file && finding.ruleId === 'KPG001');
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** dist/cli.js in a child process; `maxHeapMb` caps its heap, so running out is an outcome. */
export async function cli(args: string[], cwd: string, maxHeapMb?: number): Promise<CliRun> {
  const flags = maxHeapMb ? [`--max-old-space-size=${maxHeapMb}`] : [];
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [...flags, CLI, ...args],
      {
        cwd,
        env: { ...process.env, NO_COLOR: '1', KPG_DEBUG: '' },
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** A V8 or Node stack frame (`    at fn (file:1:2)`), which a user must never see. */
export const STACK_FRAME = /^\s+at .+[:(]/m;
