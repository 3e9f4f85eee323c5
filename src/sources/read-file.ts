// Reading a file the pull request controls: only inside the repository (symlinks resolved
// first), only a regular file, and only up to a size bound. `/dev/zero` would otherwise grow
// without end, `/dev/stdin` or a FIFO would block for ever, and a symlink to
// `/proc/self/environ` would put the token into the report.
import {
  closeSync,
  constants,
  fstatSync,
  openSync,
  readSync,
  realpathSync,
  type Stats,
} from 'node:fs';
import path from 'node:path';

/** Policy files, ignore files, values files: far below this in practice. */
export const DEFAULT_MAX_BYTES = 16 * 1024 * 1024;

export class UnsafeFileError extends Error {
  override name = 'UnsafeFileError';
  constructor(
    message: string,
    /** What went wrong, for callers that word it themselves. */
    readonly reason: 'missing' | 'outside' | 'not-regular' | 'too-large' | 'unreadable',
  ) {
    super(message);
  }
}

/** True when `child` is `parent` or below it (both absolute, normalised). */
export function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * `file` resolved against `base`, checked to stay inside `root` both as written and after
 * following symlinks. Returns the real path. Throws UnsafeFileError when it escapes or is missing.
 */
export function resolveInside(root: string, base: string, file: string): string {
  const absolute = path.resolve(base, file);
  const realRoot = realpathSync(root);
  if (!isInside(absolute, path.resolve(root)) && !isInside(absolute, realRoot)) {
    throw new UnsafeFileError('is outside the repository', 'outside');
  }
  let real: string;
  try {
    real = realpathSync(absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new UnsafeFileError('not found', 'missing');
    // /dev/stdin on a socket, /proc entries: nothing a repository file resolves to.
    throw new UnsafeFileError(
      `is a link that cannot be followed (${code ?? String(error)})`,
      'outside',
    );
  }
  if (!isInside(real, realRoot)) {
    throw new UnsafeFileError('is a symlink to a place outside the repository', 'outside');
  }
  return real;
}

/**
 * The bytes of a regular file of at most `maxBytes`. The file is opened without blocking (a
 * FIFO does not wait for a writer) and checked on the open descriptor, so a swap between the
 * check and the read cannot smuggle in a device.
 */
export function readRegularFile(file: string, maxBytes = DEFAULT_MAX_BYTES): Buffer {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UnsafeFileError('not found', 'missing');
    throw new UnsafeFileError(`cannot read: ${code ?? String(error)}`, 'unreadable');
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) {
      throw new UnsafeFileError(`is not a regular file (${fileType(stats)})`, 'not-regular');
    }
    if (stats.size > maxBytes) throw tooLarge(maxBytes);
    // Read to the bound plus one byte: a file that grows while we read is still refused.
    const buffer = Buffer.alloc(Math.min(stats.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
      if (length > maxBytes) throw tooLarge(maxBytes);
      if (length === buffer.length) break;
    }
    return buffer.subarray(0, length);
  } catch (error) {
    if (error instanceof UnsafeFileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new UnsafeFileError(`cannot read: ${code ?? String(error)}`, 'unreadable');
  } finally {
    closeSync(fd);
  }
}

/** `readRegularFile` of a path resolved inside `root`, as UTF-8 text. */
export function readRepositoryText(
  root: string,
  base: string,
  file: string,
  maxBytes = DEFAULT_MAX_BYTES,
): string {
  return readRegularFile(resolveInside(root, base, file), maxBytes).toString('utf8');
}

function tooLarge(maxBytes: number): UnsafeFileError {
  return new UnsafeFileError(
    `is larger than ${Math.round(maxBytes / (1024 * 1024))} MB; refusing to read it`,
    'too-large',
  );
}

function fileType(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  return 'not a file';
}
