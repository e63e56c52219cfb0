/**
 * The reply the test agent streams: unique per question, and long enough to be cut
 * mid-answer; a question with "long" in it gets a reply that takes seconds to stream, so a
 * test can stop it on a loaded machine.
 */
export function aiSdkReply(input: string, turn: number): string {
  const filler = "one two three four five six seven eight nine ten ".repeat(
    input.includes("long") ? 40 : 3,
  );
  return `Answer ${turn} to "${input}": ${filler}end.`;
}
