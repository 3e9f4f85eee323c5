import { argsWithoutFlags, type ShellCommand } from '../../sources/shell.js';
import { commandRule } from './run.js';

/** Module paths fetched by `go install`/`go get` (all of them) and `go run` (the first). */
function modules(command: ShellCommand): string[] {
  if (command.name !== 'go') return [];
  const [subcommand, ...rest] = argsWithoutFlags(command);
  if (subcommand === 'install' || subcommand === 'get') return rest;
  if (subcommand === 'run') return rest.slice(0, 1);
  return [];
}

/** A local package (`.`, `./cmd`, `/src/app`, `main.go`) or a module at a version other than
 *  `latest`. */
function pinned(module: string): boolean {
  if (module === '.' || /^(\.{1,2}|~)?\//.test(module) || module.endsWith('.go')) return true;
  const at = module.lastIndexOf('@');
  return at > 0 && module.slice(at + 1) !== '' && module.slice(at + 1) !== 'latest';
}

export const goPinVersions = commandRule(
  {
    id: 'DL3062',
    name: 'go-pin-versions',
    severity: 'medium',
    title: 'Pin versions in go install',
    description:
      'Flags `go install`, `go get` and `go run` of a module without `@<version>` (or with `@latest`).',
    rationale:
      'Without a pinned version each build fetches the newest release: builds stop being reproducible and a new release can break the image unnoticed.',
    fix: '```dockerfile\nRUN go install golang.org/x/tools/gopls@v0.16.2\n```',
  },
  'Pin versions in go install. Instead of `go install <package>` use `go install <package>@<version>`',
  (command) => modules(command).some((module) => !pinned(module)),
);
