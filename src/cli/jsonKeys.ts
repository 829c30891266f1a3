/**
 * Duplicate keys in JSON text: `JSON.parse` keeps the last of two equal keys in one object
 * and drops the first without a word, so a configuration file such as
 * `[{ "gate": "a > 1", "gate": "a < 1" }]` would lose a gate. The command's JSON files are
 * checked with {@link firstDuplicateKey} after they parse.
 *
 * @internal
 * @module
 */

/** The first key that appears twice in one object of `text`, with its line (1-based), or `undefined`. */
export function firstDuplicateKey(text: string): { readonly key: string; readonly line: number } | undefined {
  // `text` already parsed as JSON, so a scan of its tokens is enough: strings, and the
  // brackets and separators between them. Each open object keeps the keys seen so far.
  const stack: (Set<string> | null)[] = [];
  let expectKey = false;
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "\n") line++;
    else if (c === "{") {
      stack.push(new Set());
      expectKey = true;
    } else if (c === "[") {
      stack.push(null);
      expectKey = false;
    } else if (c === "}" || c === "]") {
      stack.pop();
      expectKey = false;
    } else if (c === ",") expectKey = stack[stack.length - 1] instanceof Set;
    else if (c === ":") expectKey = false;
    else if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === "\\" ? 2 : 1;
      if (expectKey) {
        const key = JSON.parse(text.slice(i, j + 1)) as string;
        const keys = stack[stack.length - 1];
        if (keys instanceof Set) {
          if (keys.has(key)) return { key, line };
          keys.add(key);
        }
        expectKey = false;
      }
      i = j;
    }
  }
  return undefined;
}
