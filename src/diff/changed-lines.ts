// Which lines a pull request changed, per file: from a local `git diff -U0` between the merge
// base and head (any PR size), or from the patches of `pulls.listFiles` as a fallback.
import parseDiff from 'parse-diff';
import type { ToolEnvironment } from '../sources/tools.js';
import { openGit } from './git.js';

export interface FileChanges {
  /** Lines added or modified on the head side. */
  added: Set<number>;
  /** Head-side lines that appear in the diff (added and context): where a review comment may go. */
  commentable: Set<number>;
}

export type ChangedLines = Map<string, FileChanges>;

const C_ESCAPES: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11 };

/**
 * A path as git wrote it in a quoted header (`"b/x\\"y.yaml"`, `"b/t\\tb.yaml"`), which
 * parse-diff unquotes but leaves C-escaped: git escapes a backslash too, so every backslash
 * starts an escape. Octal escapes are bytes of UTF-8.
 */
export function unescapeGitPath(name: string): string {
  if (!name.includes('\\')) return name;
  const bytes: number[] = [];
  for (let i = 0; i < name.length; i++) {
    const char = name[i];
    if (char === '\\' && i + 1 < name.length) {
      const next = name[i + 1];
      const octal = /^[0-7]{3}/.exec(name.slice(i + 1, i + 4));
      if (octal) {
        bytes.push(parseInt(octal[0], 8));
        i += 3;
        continue;
      }
      bytes.push(C_ESCAPES[next] ?? next.charCodeAt(0));
      i += 1;
      continue;
    }
    const code = name.codePointAt(i)!;
    if (code > 0xffff) i++;
    bytes.push(...Buffer.from(String.fromCodePoint(code)));
  }
  return Buffer.from(bytes).toString('utf8');
}

/** Parses a unified diff (any context size) into head-side line sets per head path. */
export function parseChangedLines(diff: string, { gitQuoted = true } = {}): ChangedLines {
  const changed: ChangedLines = new Map();
  for (const file of parseDiff(diff)) {
    if (!file.to || file.to === '/dev/null') continue;
    const changes: FileChanges = { added: new Set(), commentable: new Set() };
    for (const chunk of file.chunks) {
      for (const change of chunk.changes) {
        if (change.type === 'add') {
          changes.added.add(change.ln);
          changes.commentable.add(change.ln);
        } else if (change.type === 'normal') {
          changes.commentable.add(change.ln2);
        }
      }
    }
    changed.set(gitQuoted ? unescapeGitPath(file.to) : file.to, changes);
  }
  return changed;
}

/** Changed lines between the merge base of `base` and `head`, and `head`. */
export async function gitChangedLines(
  root: string,
  base: string,
  tools: ToolEnvironment,
  head = 'HEAD',
): Promise<ChangedLines> {
  const fenced = await openGit(root, tools);
  const git = (...args: string[]) => fenced.run(args).then((stdout) => stdout.toString('utf8'));
  const mergeBase = await git('merge-base', base, head).then(
    (stdout) => stdout.trim(),
    () => base, // unrelated or shallow histories: compare with the base itself
  );
  // core.quotepath=off: git otherwise writes a non-ASCII path as a quoted octal escape
  // ("\303\244"), which matches no finding's path.
  // --no-textconv: a `diff=` attribute's textconv program is the repository's.
  const diff = await git(
    '-c',
    'core.quotepath=off',
    'diff',
    '-U0',
    '--find-renames',
    '--no-color',
    '--no-ext-diff',
    '--no-textconv',
    mergeBase,
    head,
    '--',
  );
  return parseChangedLines(diff);
}

/** Changed lines from `pulls.listFiles` entries (their `patch` is a hunk list without headers). */
export function patchChangedLines(
  files: ReadonlyArray<{ filename: string; patch?: string }>,
): ChangedLines {
  const changed: ChangedLines = new Map();
  for (const { filename, patch } of files) {
    if (!patch) continue;
    const diff = `diff --git a/${filename} b/${filename}\n--- a/${filename}\n+++ b/${filename}\n${patch}\n`;
    // The API's file names are not C-escaped: taken as they are.
    for (const [file, changes] of parseChangedLines(diff, { gitQuoted: false })) {
      changed.set(file, changes);
    }
  }
  return changed;
}
