// Text from a scanned repository (names, paths, messages that quote values) is untrusted: every
// report format passes it through here, so none of it can become a terminal escape, a workflow
// command (`::add-mask::` on a line of its own), a mention, a link or markup.

/**
 * C0 controls (tab, newline and CR included: a report line stays one line), DEL, C1 controls,
 * and the invisible characters that reorder or hide text (bidi embeddings, overrides, isolates
 * and marks, the Arabic letter mark, line/paragraph separators, BOM).
 */
const UNSAFE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** The character as visible text: `\n`, `\x1b`, `\u202e`. */
function visible(char: string): string {
  if (char === '\n') return '\\n';
  if (char === '\r') return '\\r';
  if (char === '\t') return '\\t';
  const code = char.charCodeAt(0);
  return code <= 0xff
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** One line of plain text with every control or reordering character shown as an escape. */
export function plainText(value: string): string {
  return value.replace(UNSAFE, visible);
}

/**
 * Plain text that cannot start a workflow command either: the runner reads `::name::` at the
 * start of a line (leading spaces allowed), so a line from untrusted text never begins so.
 */
export function terminalLine(value: string): string {
  const text = plainText(value);
  return /^\s*::/.test(text) ? text.replace(':', '\\x3a') : text;
}

/**
 * Markdown (and HTML) text on one line: plain text, every character Markdown or HTML could
 * use as an entity, and `@mentions` and bare URLs broken by a zero-width joiner or space so
 * GitHub neither notifies anyone nor makes a link.
 */
export function markdownText(value: string): string {
  return plainText(value)
    .replace(/[\\`*_{}[\]<>()#+!|~&:$]/g, (c) => `&#${c.charCodeAt(0)};`)
    .replace(/@(?=[\w-])/g, '@\u200d')
    .replace(/(www)\./gi, '$1\u200b.')
    .replace(/\/\//g, '/\u200b/');
}

/** Cuts `value` to at most `maxBytes` UTF-8 bytes without splitting a character, marking a cut. */
export function truncateBytes(value: string, maxBytes: number, mark = '…'): string {
  if (Buffer.byteLength(value) <= maxBytes) return value;
  const room = maxBytes - Buffer.byteLength(mark);
  let bytes = 0;
  let end = 0;
  for (const char of value) {
    const size = Buffer.byteLength(char);
    if (bytes + size > room) break;
    bytes += size;
    end += char.length;
  }
  return value.slice(0, end) + mark;
}

/** Cuts `value` to at most `maxChars` characters (code points), marking a cut. */
export function truncateChars(value: string, maxChars: number, mark = '…'): string {
  const chars = [...value];
  if (chars.length <= maxChars) return value;
  return chars.slice(0, maxChars - [...mark].length).join('') + mark;
}

export function utf8Bytes(value: string): number {
  return Buffer.byteLength(value);
}

/** What JSON.stringify leaves raw but a terminal would act on: DEL, C1 and reordering marks. */
const JSON_UNSAFE =
  /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;

/**
 * JSON text with those characters written as `\uXXXX`: the same JSON value (outside strings JSON
 * has none of them), safe to print to a terminal.
 */
export function jsonTextSafe(json: string): string {
  return json.replace(
    JSON_UNSAFE,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
