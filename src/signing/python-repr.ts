/**
 * Python's `repr()` of a value, for the few SDK messages that embed one (`{region!r}`).
 * Covers str, None, bool and numbers, which is all a caller can hand the region check.
 */
export function pythonRepr(value: unknown): string {
  if (value === null || value === undefined) return "None";
  if (typeof value === "boolean") return value ? "True" : "False";
  if (typeof value === "number") return String(value);
  if (typeof value !== "string") return `<${typeof value} object>`;
  const quote = value.includes("'") && !value.includes('"') ? '"' : "'";
  let out = quote;
  for (const char of value) {
    out += reprChar(char, quote);
  }
  return out + quote;
}

function reprChar(char: string, quote: string): string {
  switch (char) {
    case "\\":
      return "\\\\";
    case "\n":
      return "\\n";
    case "\r":
      return "\\r";
    case "\t":
      return "\\t";
    case quote:
      return `\\${quote}`;
  }
  const code = char.codePointAt(0) ?? 0;
  if (code < 0x20 || code === 0x7f || (code >= 0x80 && code <= 0xa0) || code === 0xad) {
    return `\\x${code.toString(16).padStart(2, "0")}`;
  }
  if (code >= 0xd800 && code <= 0xdfff) return `\\u${code.toString(16).padStart(4, "0")}`;
  return char;
}
