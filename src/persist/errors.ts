/** Why IndexedDB could not keep conversations, so they are kept in memory instead. */
export type PersistenceUnavailableReason =
  /** No `indexedDB` here (an old browser, a worker without it, a server). */
  | "unsupported"
  /** The database could not be opened or read (private browsing, storage blocked). */
  | "unavailable"
  /** The browser refused the write for lack of space (`QuotaExceededError`). */
  | "quota"
  /** A write failed for another reason. */
  | "write";

/**
 * IndexedDB could not keep a conversation: from now on the persistence keeps conversations in
 * memory, and they will not survive a reload. Passed to `onFallback`; `cause` is the original
 * error (a `DOMException` from IndexedDB, usually).
 */
export class PersistenceUnavailableError extends Error {
  override readonly name = "PersistenceUnavailableError";
  readonly reason: PersistenceUnavailableReason;

  constructor(reason: PersistenceUnavailableReason, cause?: unknown) {
    super(describe(reason, cause), { cause });
    this.reason = reason;
  }
}

function describe(reason: PersistenceUnavailableReason, cause: unknown): string {
  const detail = cause instanceof Error ? ` (${cause.name}: ${cause.message})` : "";
  switch (reason) {
    case "unsupported":
      return "IndexedDB is not available here";
    case "unavailable":
      return `IndexedDB could not be opened or read${detail}`;
    case "quota":
      return `IndexedDB is out of space${detail}`;
    case "write":
      return `IndexedDB refused a write${detail}`;
  }
}

/**
 * The reason for an error IndexedDB raised while reading or writing: a refusal to open or to
 * read says it is unavailable; on a write, anything but running out of space is a write error.
 */
export function reasonFor(error: unknown, during: "read" | "write"): PersistenceUnavailableReason {
  const name =
    typeof error === "object" && error !== null && "name" in error ? String(error.name) : "";
  if (name === "QuotaExceededError") return "quota";
  if (during === "read") return "unavailable";
  if (name === "SecurityError" || name === "InvalidStateError" || name === "NotFoundError") {
    return "unavailable";
  }
  return "write";
}
