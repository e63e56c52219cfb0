/**
 * The seeded answer every implementation receives: `count` text chunks of 3 to 8 characters
 * (words, spaces and some punctuation, as a model's tokens look), the same for a given seed.
 */

/** mulberry32: a small, fast, seeded PRNG; returns floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

const LETTERS = "etaoinshrdlucmfwypvbgkqjxz";
const PUNCTUATION = ",.;:";

/** Chunk lengths are drawn uniformly from this range (inclusive). */
export const CHUNK_LENGTH = { min: 3, max: 8 } as const;

/**
 * `count` chunks of {@link CHUNK_LENGTH} characters. Chunks never contain a newline or a
 * leading `{` or `"` (a text codec would read those as JSON), and the answer never has two
 * spaces in a row, so the DOM's text equals the concatenated chunks.
 */
export function seededChunks(count: number, seed = 14): string[] {
  const random = seededRandom(seed);
  const pick = (set: string) => set[Math.floor(random() * set.length)]!;
  const chunks: string[] = [];
  let previous = " ";
  for (let i = 0; i < count; i++) {
    const length =
      CHUNK_LENGTH.min + Math.floor(random() * (CHUNK_LENGTH.max - CHUNK_LENGTH.min + 1));
    let chunk = "";
    while (chunk.length < length) {
      const roll = random();
      let next = roll < 0.16 ? " " : roll < 0.18 ? pick(PUNCTUATION) : pick(LETTERS);
      if (next === " " && previous === " ") next = pick(LETTERS);
      chunk += next;
      previous = next;
    }
    chunks.push(chunk);
  }
  return chunks;
}

/** The end of the answer the pages look for: once it is on screen, the whole answer is. */
export function answerTail(chunks: readonly string[], length = 32): string {
  return chunks.join("").slice(-length).trim();
}
