import { describe, expect, it } from 'vitest';
import { dockerLines } from '../../../test/support/docker.js';
import { runNotParsed } from './run-not-parsed.js';

describe('KPG301 run-not-parsed', () => {
  it.each([
    'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n',
    // Exec form is not shell.
    'FROM debian:12\nRUN ["/app/tool", "--flag=(x)"]\n',
    // PowerShell, by SHELL (inherited by a stage built on it) or by pragma.
    'FROM mcr.microsoft.com/windows AS win\nSHELL ["powershell", "-Command"]\nRUN Get-Item (x) | Remove-Item\nFROM win\nRUN Write-Host (1)\n',
    'FROM debian:12\n# hadolint shell=pwsh\nRUN Get-Item (x\n',
    'FROM debian:12\nRUN <<EOF\necho hello\nEOF\n',
  ])('passes %j', (dockerfile) => {
    expect(dockerLines(runNotParsed, dockerfile)).toEqual([]);
  });

  it('flags a RUN the shell parser rejects, on its line, with the reason', () => {
    const text = 'FROM debian:12\nRUN echo "unterminated\nRUN echo fine\nONBUILD RUN if then fi\n';
    expect(dockerLines(runNotParsed, text)).toEqual([2, 4]);
  });

  it('flags again after SHELL returns to a POSIX shell', () => {
    const text =
      'FROM debian:12\nSHELL ["cmd", "/S", "/C"]\nRUN dir (x\nSHELL ["/bin/bash", "-c"]\nRUN echo (x\n';
    expect(dockerLines(runNotParsed, text)).toEqual([5]);
  });
});
