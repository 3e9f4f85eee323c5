// Strings that are cheap to keep. Findings and parsed manifests live until the report is
// written: each of their strings should hold its own characters and nothing more.

/**
 * A copy of `text` that shares no memory with the strings it was made from. V8 makes a
 * substring of 13 characters or more a view into its parent (a value the YAML parser sliced out
 * of a file would keep the file's whole text alive), and a concatenation a tree of its parts (a
 * message built from a template keeps a node per part).
 */
export function detached(text: string): string {
  // Shorter strings are always copied flat. A join builds one flat string of exactly these
  // characters (a slice of a fresh copy, `(' ' + text).slice(1)`, would be a 32-byte view
  // into a copy one character longer).
  return text.length < 13 ? text : [text.slice(0, 12), text.slice(12)].join('');
}
