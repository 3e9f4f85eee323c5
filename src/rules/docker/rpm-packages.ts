// Shared by the yum, dnf and zypper rules: which commands install packages, which clean the
// package cache afterwards, and what a pinned RPM package name looks like.
import type { ParsedShell, ShellCommand } from '../../sources/shell.js';
import { argsWithoutFlags, isCommand } from '../../sources/shell.js';

/** Packages of an install sub-command: the non-flag arguments except the sub-command words. */
export function installedPackages(
  command: ShellCommand,
  names: readonly string[],
  subcommands: readonly string[],
  skip: readonly string[] = [],
): string[] {
  if (!isCommand(command, names, ...subcommands)) return [];
  if (skip.length > 0 && command.args.some((arg) => skip.includes(arg))) return [];
  return argsWithoutFlags(command).filter((arg) => !subcommands.includes(arg) && arg !== 'module');
}

const VERSION_PART = /^[0-9A-Za-z.~^_:+]*$/;

/** `name-version[-release]`: after the first `-`, parts made of version characters, one of them
 *  starting with a digit; an `.rpm` file always names its version. */
export function rpmVersionPinned(pkg: string): boolean {
  const parts = pkg.split('-');
  if (parts.length <= 1) return false;
  if (pkg.endsWith('.rpm')) return true;
  const version = parts.slice(1);
  return (
    version.every((part) => VERSION_PART.test(part)) && version.some((part) => /^\d/.test(part))
  );
}

/** Whether a cache-cleaning command runs after the first install command (cleaning before the
 *  install leaves the new cache in the layer). */
export function cleansAfterInstall(
  shell: ParsedShell,
  installs: (command: ShellCommand) => boolean,
  cleans: (command: ShellCommand) => boolean,
): boolean {
  const install = shell.commands.findIndex(installs);
  if (install < 0) return true;
  return shell.commands.some((command, index) => index > install && cleans(command));
}

/** `rm` of one of the cache directories (or something below them). */
export function removesDirectory(command: ShellCommand, directories: readonly string[]): boolean {
  return (
    command.name === 'rm' &&
    command.args.some((arg) => directories.some((directory) => arg.startsWith(directory)))
  );
}
