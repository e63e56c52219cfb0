import type { PersistenceClaim } from "../store/persistence";

/** How long a claim without Web Locks waits for another tab to say it holds the conversation. */
export const CLAIM_ANSWER_WAIT_MS = 150;

const CHANNEL_NAME = "agentcore-react/persist:claims";

/**
 * Locks this tab released whose release is still under way (Web Locks let go asynchronously):
 * a claim of the same name waits for it, so release-then-claim (React StrictMode) succeeds.
 */
const releasing = new Map<string, Promise<unknown>>();

function once(release: () => void): PersistenceClaim {
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      release();
    },
  };
}

function claimWithLocks(locks: LockManager, name: string): Promise<PersistenceClaim | null> {
  return new Promise((resolve) => {
    let letGo = (): void => {};
    const held = new Promise<void>((done) => (letGo = done));
    const request = locks.request(name, { ifAvailable: true }, (lock) => {
      if (!lock) {
        resolve(null);
        return undefined;
      }
      resolve(
        once(() => {
          releasing.set(name, request);
          letGo();
        }),
      );
      return held;
    });
    request.then(
      () => {
        if (releasing.get(name) === request) releasing.delete(name);
      },
      // Locks refused outright (an opaque origin, say): ask the other tabs instead.
      () => resolve(claimWithChannel(name)),
    );
  });
}

interface ClaimMessage {
  type: "who" | "held";
  name: string;
  /** The asking claim's id: on "who", the asker; on "held", whom it answers. */
  id: string;
}

function isClaimMessage(data: unknown): data is ClaimMessage {
  return typeof data === "object" && data !== null && "type" in data && "name" in data;
}

/**
 * Without Web Locks: ask the other tabs whether one holds `name` and wait a short, bounded time
 * for an answer. Of two tabs asking at once, the one with the smaller id wins: it answers the
 * other's question as if it held the claim already, and gives way to a smaller id's question.
 */
function claimWithChannel(name: string): Promise<PersistenceClaim | null> {
  if (typeof BroadcastChannel === "undefined") return Promise.resolve(once(() => {}));
  const channel = new BroadcastChannel(CHANNEL_NAME);
  const id = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  let holding = false;
  return new Promise((resolve) => {
    const refuse = (): void => {
      clearTimeout(timer);
      channel.close();
      resolve(null);
    };
    channel.onmessage = ({ data }: MessageEvent<unknown>) => {
      if (!isClaimMessage(data) || data.name !== name) return;
      if (data.type === "held") {
        if (!holding && data.id === id) refuse();
      } else if (holding || data.id > id) {
        channel.postMessage({ type: "held", name, id: data.id } satisfies ClaimMessage);
      } else {
        refuse();
      }
    };
    const timer = setTimeout(() => {
      holding = true;
      resolve(once(() => channel.close()));
    }, CLAIM_ANSWER_WAIT_MS);
    channel.postMessage({ type: "who", name, id } satisfies ClaimMessage);
  });
}

/**
 * Claims the lock `name` for this tab. With Web Locks (every current browser) the lock is held
 * until `release()` or the tab closes, and another tab's claim resolves to `null` at once.
 * Without them (plain HTTP, older browsers, Node), a BroadcastChannel question
 * ({@link CLAIM_ANSWER_WAIT_MS}); where that is missing too, no other tab can be met and the
 * claim is granted.
 */
export async function claimLock(name: string): Promise<PersistenceClaim | null> {
  await releasing.get(name);
  const locks = typeof navigator === "undefined" ? undefined : navigator.locks;
  return locks ? claimWithLocks(locks, name) : claimWithChannel(name);
}
