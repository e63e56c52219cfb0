import type { ConnectionSnapshot, ConversationConnection } from "./types";

/**
 * Whether an answer in progress carries on after its stream dropped: the connection resumes
 * (the delivery protocol) and has not ended (`closed`, `failed`) or come to rest (`idle`).
 */
export function answerCarriesOn(
  connection: Pick<ConversationConnection<never>, "resumes">,
  snapshot: ConnectionSnapshot<unknown>,
): boolean {
  const { status } = snapshot;
  return (
    connection.resumes === true && status !== "closed" && status !== "failed" && status !== "idle"
  );
}
