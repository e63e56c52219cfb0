/**
 * JSON.parse, except that every object also remembers its keys in source order.
 *
 * JavaScript objects list integer-like keys ("1", "42") first whatever their position, while the
 * Python SDK keeps a dict's insertion order; custom query parameters are signed in that order,
 * so the vector runner must see it.
 */
export const SOURCE_ORDER: unique symbol = Symbol("sourceOrder");

export type OrderedObject = Record<string, unknown> & { [SOURCE_ORDER]?: string[] };

/** The entries of a parsed object in source order (insertion order for other objects). */
export function orderedEntries(value: object): Array<[string, unknown]> {
  const order = (value as OrderedObject)[SOURCE_ORDER];
  const record = value as Record<string, unknown>;
  return (order ?? Object.keys(record)).map((key) => [key, record[key]]);
}

export function parseOrderedJson(text: string): unknown {
  let pos = 0;
  const fail = (what: string): never => {
    throw new SyntaxError(`Invalid JSON at position ${pos}: ${what}`);
  };
  const skipSpace = () => {
    while (pos < text.length && " \t\n\r".includes(text[pos]!)) pos++;
  };
  const parseString = (): string => {
    const start = pos;
    pos++;
    while (pos < text.length && text[pos] !== '"') pos += text[pos] === "\\" ? 2 : 1;
    if (pos >= text.length) fail("unterminated string");
    pos++;
    return JSON.parse(text.slice(start, pos)) as string;
  };
  const parseValue = (): unknown => {
    skipSpace();
    const char = text[pos];
    if (char === "{") {
      pos++;
      const result: OrderedObject = {};
      const order: string[] = [];
      skipSpace();
      if (text[pos] === "}") {
        pos++;
      } else {
        for (;;) {
          skipSpace();
          if (text[pos] !== '"') fail("expected a key");
          const key = parseString();
          skipSpace();
          if (text[pos++] !== ":") fail("expected ':'");
          if (!Object.hasOwn(result, key)) order.push(key);
          result[key] = parseValue();
          skipSpace();
          const next = text[pos++];
          if (next === "}") break;
          if (next !== ",") fail("expected ',' or '}'");
        }
      }
      Object.defineProperty(result, SOURCE_ORDER, { value: order, enumerable: false });
      return result;
    }
    if (char === "[") {
      pos++;
      const result: unknown[] = [];
      skipSpace();
      if (text[pos] === "]") {
        pos++;
        return result;
      }
      for (;;) {
        result.push(parseValue());
        skipSpace();
        const next = text[pos++];
        if (next === "]") return result;
        if (next !== ",") fail("expected ',' or ']'");
      }
    }
    if (char === '"') return parseString();
    const match = /^(?:-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(
      text.slice(pos, pos + 64),
    );
    if (!match) return fail("unexpected token");
    pos += match[0].length;
    return JSON.parse(match[0]);
  };
  const value = parseValue();
  skipSpace();
  if (pos !== text.length) fail("trailing characters");
  return value;
}
