// Report files (`--output`, `json-file`, `sarif-file`) are written where a pull request may have
// committed a symlink of the same name (`report.json -> ~/.bashrc`). They are never written
// through one: the report goes to a fresh file in the same folder (created exclusively, so no
// planted link is followed) and is renamed over the name, which replaces a link itself, not
// what it points to. A folder on the way that leaves `root` through a link is refused.
import { randomBytes } from 'node:crypto';
import { createWriteStream, lstatSync, mkdirSync, realpathSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { writeChunks } from './stream.js';

export class ReportFileError extends Error {}

function inside(parent: string, child: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * Writes `chunks` to `target`. When `target` lies inside `root` (the scanned repository), its
 * folder must too once links are resolved.
 */
export async function writeReportFile(
  target: string,
  chunks: Iterable<string>,
  root?: string,
): Promise<void> {
  const dir = path.dirname(target);
  mkdirSync(dir, { recursive: true });
  if (root && inside(path.resolve(root), path.resolve(dir))) {
    const realDir = realpathSync(dir);
    if (!inside(realpathSync(root), realDir)) {
      throw new ReportFileError(
        `refusing to write ${target}: its folder is a link that leads out of the repository (${realDir})`,
      );
    }
  }
  const existing = lstatOrUndefined(target);
  if (existing?.isDirectory()) {
    throw new ReportFileError(`cannot write ${target}: it is a directory`);
  }
  const temp = path.join(dir, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    // `wx`: O_CREAT | O_EXCL, which never follows a link at the final component.
    await writeChunks(chunks, createWriteStream(temp, { flags: 'wx', mode: 0o644 }), {
      end: true,
    });
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

function lstatOrUndefined(file: string) {
  try {
    return lstatSync(file);
  } catch {
    return undefined;
  }
}
