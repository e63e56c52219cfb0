const WORDS = Array.from({ length: 40 }, (_, index) => `w${String(index).padStart(2, "0")} `);

/**
 * The test agent's answer on a session's turn `turn`: `NNN:` then the words `w00 ` to `w39 `,
 * 41 chunks of 4 characters, one per `TEXT_MESSAGE_CONTENT` frame (the agent's chunk size), so
 * a lost or repeated chunk changes the text.
 */
export function adapterReply(turn: number): string {
  return `${String(turn).padStart(3, "0")}:${WORDS.join("")}`;
}
