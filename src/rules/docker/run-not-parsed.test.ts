import { ruleTester } from '../../../test/support/rules.js';
import { runNotParsed } from './run-not-parsed.js';

const notParsed = (reason: string) =>
  `RUN could not be parsed as shell (${reason}); no rule checked its commands.`;

ruleTester(runNotParsed, {
  valid: [
    'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n',
    // Exec form is not shell.
    'FROM debian:12\nRUN ["/app/tool", "--flag=(x)"]\n',
    // PowerShell, by SHELL (inherited by a stage built on it) or by pragma.
    'FROM mcr.microsoft.com/windows AS win\nSHELL ["powershell", "-Command"]\nRUN Get-Item (x) | Remove-Item\nFROM win\nRUN Write-Host (1)\n',
    'FROM debian:12\n# hadolint shell=pwsh\nRUN Get-Item (x\n',
    'FROM debian:12\nRUN <<EOF\necho hello\nEOF\n',
  ],
  invalid: [
    {
      // A RUN the shell parser rejects, on its line, with the reason.
      code: 'FROM debian:12\nRUN echo "unterminated\nRUN echo fine\nONBUILD RUN if then fi\n',
      errors: [
        { line: 2, message: notParsed('reached EOF without closing quote "') },
        { line: 4, message: notParsed('"if" must be followed by a statement list') },
      ],
    },
    {
      // Again after SHELL returns to a POSIX shell.
      code: 'FROM debian:12\nSHELL ["cmd", "/S", "/C"]\nRUN dir (x\nSHELL ["/bin/bash", "-c"]\nRUN echo (x\n',
      errors: [{ line: 5, message: notParsed('"foo(" must be followed by )') }],
    },
  ],
});
