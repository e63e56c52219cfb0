import { createStore, get, set } from "idb-keyval";
import { commands } from "vitest/browser";
import { indexedDbPersistence } from "./indexeddb";
import { conversation } from "./test-utils/records";

// Real Chromium: IndexedDB and Web Locks as an app gets them.

const databases: string[] = [];

function freshName(): string {
  const name = `persist-test-${crypto.randomUUID()}`;
  databases.push(name);
  return name;
}

afterAll(async () => {
  await Promise.all(
    databases.map(
      (name) =>
        new Promise((done) => {
          const request = indexedDB.deleteDatabase(name);
          request.onsuccess = request.onerror = request.onblocked = done;
        }),
    ),
  );
});

describe("indexedDbPersistence in Chromium", () => {
  it("restores a saved conversation through a fresh instance on the same database", async () => {
    const name = freshName();
    await indexedDbPersistence({ name }).save(conversation("a", 1, "héllo"));

    const reopened = indexedDbPersistence({ name });
    expect(await reopened.load("a")).toEqual(conversation("a", 1, "héllo"));
    expect(reopened.kind).toBe("indexeddb");
    await reopened.remove("a");
    expect(await indexedDbPersistence({ name }).load("a")).toBeUndefined();
  });

  it("evicts the oldest conversations beyond the limits, across instances", async () => {
    const name = freshName();
    await indexedDbPersistence({ name }).save(conversation("old", 1));
    await indexedDbPersistence({ name }).save(conversation("middle", 2));
    await indexedDbPersistence({ name, maxConversations: 2 }).save(conversation("new", 3));

    const persistence = indexedDbPersistence({ name });
    expect(await persistence.load("old")).toBeUndefined();
    expect(await persistence.load("middle")).toBeDefined();
    expect(await persistence.load("new")).toBeDefined();
    const raw = createStore(name, "conversations");
    expect(await get(["conversation", "old"], raw)).toBeUndefined();
    expect(Object.keys((await get("index", raw)) ?? {}).sort()).toEqual(["middle", "new"]);
  });

  it("reads a broken record as none and removes it from the database", async () => {
    const name = freshName();
    const persistence = indexedDbPersistence({ name });
    await persistence.save(conversation("ok", 1));
    const raw = createStore(name, "conversations");
    await set(["conversation", "bad"], { version: 99, key: "bad" }, raw);

    expect(await persistence.load("bad")).toBeUndefined();
    expect(await get(["conversation", "bad"], raw)).toBeUndefined();
    expect(await persistence.load("ok")).toEqual(conversation("ok", 1));
    expect(persistence.kind).toBe("indexeddb");
  });
});

describe("claims on Web Locks", () => {
  it("refuses a second claim of one conversation until the first is released", async () => {
    const name = freshName();
    const first = await indexedDbPersistence({ name }).claim("a");
    expect(first).not.toBeNull();
    const held = await navigator.locks.query();
    expect(held.held?.map((lock) => lock.name)).toContain(`agentcore-react/persist:${name}:a`);

    expect(await indexedDbPersistence({ name }).claim("a")).toBeNull();
    const other = await indexedDbPersistence({ name }).claim("b");
    expect(other).not.toBeNull();
    expect(await indexedDbPersistence({ name: freshName() }).claim("a")).not.toBeNull();

    // Released and claimed again at once, as React StrictMode does on mount.
    first?.release();
    const again = await indexedDbPersistence({ name }).claim("a");
    expect(again).not.toBeNull();
    again?.release();
    other?.release();
  });

  it("refuses a claim from a second tab while this one holds it", async () => {
    const name = freshName();
    const claim = await indexedDbPersistence({ name }).claim("shared");
    expect(claim).not.toBeNull();
    expect(await commands.claimInSecondTab(name, "shared")).toBe("refused");
    expect(await commands.claimInSecondTab(name, "other")).toBe("granted");

    claim?.release();
    await expect.poll(() => commands.claimInSecondTab(name, "shared")).toBe("granted");
  });
});
