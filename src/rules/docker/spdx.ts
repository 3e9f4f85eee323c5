// SPDX license expressions (`MIT`, `Apache-2.0 OR MIT`, `GPL-2.0-only WITH Classpath-exception-2.0`)
// over the licence identifiers most used in container images. No SPDX list package is a
// dependency yet, so the list is the common subset of https://spdx.org/licenses/.
const IDENTIFIERS = new Set(
  [
    '0BSD',
    'AFL-3.0',
    'AGPL-3.0',
    'AGPL-3.0-only',
    'AGPL-3.0-or-later',
    'Apache-1.1',
    'Apache-2.0',
    'APSL-2.0',
    'Artistic-1.0',
    'Artistic-2.0',
    'BlueOak-1.0.0',
    'BSD-1-Clause',
    'BSD-2-Clause',
    'BSD-2-Clause-Patent',
    'BSD-3-Clause',
    'BSD-3-Clause-Clear',
    'BSD-4-Clause',
    'BSL-1.0',
    'BUSL-1.1',
    'CC-BY-3.0',
    'CC-BY-4.0',
    'CC-BY-SA-3.0',
    'CC-BY-SA-4.0',
    'CC0-1.0',
    'CDDL-1.0',
    'CDDL-1.1',
    'CECILL-2.1',
    'CPL-1.0',
    'ECL-2.0',
    'EPL-1.0',
    'EPL-2.0',
    'EUPL-1.1',
    'EUPL-1.2',
    'GFDL-1.3',
    'GFDL-1.3-only',
    'GFDL-1.3-or-later',
    'GPL-1.0-or-later',
    'GPL-2.0',
    'GPL-2.0-only',
    'GPL-2.0-or-later',
    'GPL-3.0',
    'GPL-3.0-only',
    'GPL-3.0-or-later',
    'HPND',
    'ICU',
    'IPL-1.0',
    'ISC',
    'LGPL-2.0',
    'LGPL-2.0-only',
    'LGPL-2.0-or-later',
    'LGPL-2.1',
    'LGPL-2.1-only',
    'LGPL-2.1-or-later',
    'LGPL-3.0',
    'LGPL-3.0-only',
    'LGPL-3.0-or-later',
    'LPPL-1.3c',
    'MIT',
    'MIT-0',
    'MPL-1.1',
    'MPL-2.0',
    'MPL-2.0-no-copyleft-exception',
    'MS-PL',
    'MS-RL',
    'NCSA',
    'ODbL-1.0',
    'OFL-1.1',
    'OpenSSL',
    'OSL-3.0',
    'PHP-3.01',
    'PostgreSQL',
    'PSF-2.0',
    'Python-2.0',
    'Ruby',
    'SSPL-1.0',
    'Unicode-DFS-2016',
    'Unlicense',
    'UPL-1.0',
    'Vim',
    'W3C',
    'WTFPL',
    'X11',
    'Zlib',
    'ZPL-2.1',
  ].map((id) => id.toLowerCase()),
);

const EXCEPTIONS = new Set(
  [
    'Classpath-exception-2.0',
    'LLVM-exception',
    'GCC-exception-3.1',
    'OpenJDK-assembly-exception-1.0',
  ].map((id) => id.toLowerCase()),
);

/** Whether `value` is a valid SPDX expression of known identifiers (case-insensitive). */
export function isSpdxExpression(value: string): boolean {
  const tokens = value.replace(/[()]/g, ' $& ').trim().split(/\s+/);
  let expectOperand = true;
  let depth = 0;
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    const upper = token.toUpperCase();
    if (expectOperand) {
      if (token === '(') {
        depth++;
        continue;
      }
      const id = token.replace(/\+$/, '').toLowerCase();
      if (!IDENTIFIERS.has(id) && !/^licenseref-[a-z0-9.-]+$/.test(id)) return false;
      if (tokens[index + 1]?.toUpperCase() === 'WITH') {
        if (!EXCEPTIONS.has((tokens[index + 2] ?? '').toLowerCase())) return false;
        index += 2;
      }
      expectOperand = false;
    } else if (token === ')') {
      if (--depth < 0) return false;
    } else if (upper === 'AND' || upper === 'OR') {
      expectOperand = true;
    } else {
      return false;
    }
  }
  return !expectOperand && depth === 0;
}
