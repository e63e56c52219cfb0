/**
 * Which source file a position in a bundle came from, read from the bundle's source map (v3,
 * `mappings` decoded here: the bench needs file names only, not a source-map library).
 */

/** A v3 source map, as bundlers emit it. */
export interface SourceMapV3 {
  sources: string[];
  mappings: string;
}

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const DIGIT = new Map([...BASE64].map((char, index) => [char, index]));

/** The numbers of one Base64 VLQ segment. */
function decodeSegment(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = DIGIT.get(char)!;
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    values.push(value & 1 ? -(value >>> 1) : value >>> 1);
    value = 0;
    shift = 0;
  }
  return values;
}

/**
 * A lookup from a generated position (0-based line and column) to the source file it maps to,
 * or `null` where the map says nothing.
 */
export function sourceFileLookup(
  map: SourceMapV3,
): (line: number, column: number) => string | null {
  // Per generated line: the columns where segments start and the source index of each.
  const lines: { columns: number[]; sources: number[] }[] = [];
  let source = 0;
  for (const text of map.mappings.split(";")) {
    const line = { columns: [] as number[], sources: [] as number[] };
    let column = 0;
    for (const segment of text.split(",")) {
      if (!segment) continue;
      const [columnDelta, sourceDelta] = decodeSegment(segment);
      column += columnDelta!;
      if (sourceDelta === undefined) continue;
      source += sourceDelta;
      line.columns.push(column);
      line.sources.push(source);
    }
    lines.push(line);
  }
  return (lineNumber, column) => {
    const line = lines[lineNumber];
    if (!line || line.columns.length === 0) return null;
    // The last segment starting at or before the column.
    let low = 0;
    let high = line.columns.length - 1;
    if (column < line.columns[0]!) return map.sources[line.sources[0]!] ?? null;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (line.columns[middle]! <= column) low = middle;
      else high = middle - 1;
    }
    return map.sources[line.sources[low]!] ?? null;
  };
}
