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

/**
 * `text`, built by concatenation (a template's result, a tree of its parts), made one flat string
 * in place: its characters are copied once into a string the tree then points to, the parts are
 * freed, and the next young-generation collection drops the tree's root as well. Half the cost of
 * `detached` for such strings; a slice of a longer string, though, stays a view (detach those).
 */
export function flattened(text: string): string {
  // Reading a character of a tree flattens it; the read is kept so that the compiler keeps it.
  _flattenedSink ^= text.charCodeAt(0);
  return text;
}

let _flattenedSink = 0;
