import { recordBytes } from "./limits";
import { memoryBackend, memoryPersistence } from "./memory";
import { recordStore } from "./records";
import { conversation } from "./test-utils/records";

describe("memoryPersistence", () => {
  it("keeps a record until it is removed, as a copy of what was saved", async () => {
    const persistence = memoryPersistence();
    const record = conversation("a", 1);
    await persistence.save(record);
    (record.outbox as unknown[]).push({ id: "later", message: "changed after the save" });

    const loaded = await persistence.load("a");
    expect(loaded).toEqual(conversation("a", 1));
    expect(persistence.kind).toBe("memory");

    await persistence.remove("a");
    expect(await persistence.load("a")).toBeUndefined();
    expect(await persistence.load("never-saved")).toBeUndefined();
  });

  it("evicts the oldest conversations beyond maxConversations", async () => {
    const persistence = memoryPersistence({ maxConversations: 2 });
    await persistence.save(conversation("old", 1));
    await persistence.save(conversation("middle", 2));
    await persistence.save(conversation("new", 3));

    expect(await persistence.load("old")).toBeUndefined();
    expect(await persistence.load("middle")).toBeDefined();
    expect(await persistence.load("new")).toBeDefined();
  });

  it("orders by savedAt, not by save order, and a second save moves a conversation up", async () => {
    const persistence = memoryPersistence({ maxConversations: 2 });
    await persistence.save(conversation("a", 10));
    await persistence.save(conversation("b", 5));
    await persistence.save(conversation("a", 20));
    await persistence.save(conversation("c", 30));

    expect(await persistence.load("b")).toBeUndefined();
    expect((await persistence.load("a"))?.savedAt).toBe(20);
  });

  it("evicts the oldest beyond maxBytes, measured as the UTF-8 length of the record's JSON", async () => {
    const one = recordBytes(conversation("a", 1, "é".repeat(100)));
    expect(one).toBe(
      new TextEncoder().encode(JSON.stringify(conversation("a", 1, "é".repeat(100)))).length,
    );
    const persistence = memoryPersistence({ maxBytes: one * 2 + 10 });
    await persistence.save(conversation("a", 1, "é".repeat(100)));
    await persistence.save(conversation("b", 2, "é".repeat(100)));
    expect(await persistence.load("a")).toBeDefined();

    await persistence.save(conversation("c", 3, "é".repeat(100)));
    expect(await persistence.load("a")).toBeUndefined();
    expect(await persistence.load("b")).toBeDefined();
    expect(await persistence.load("c")).toBeDefined();
  });

  it("never evicts the conversation just saved, even when it alone is over maxBytes", async () => {
    const persistence = memoryPersistence({ maxBytes: 10 });
    await persistence.save(conversation("a", 1));
    await persistence.save(conversation("b", 2));

    expect(await persistence.load("a")).toBeUndefined();
    expect(await persistence.load("b")).toEqual(conversation("b", 2));
  });

  it.each([
    ["not an object", "nope"],
    ["another version", { ...conversation("bad", 9), version: 2 }],
    ["a missing session id", { ...conversation("bad", 9), sessionId: undefined }],
    ["messages that are not a list", { ...conversation("bad", 9), messages: {} }],
    ["a broken outbox entry", { ...conversation("bad", 9), outbox: [{ message: "no id" }] }],
    ["a broken delivery position", { ...conversation("bad", 9), delivery: { epoch: 1 } }],
    ["another key inside", conversation("other", 9)],
  ])("reads a record with %s as none and removes it", async (_name, broken) => {
    const backend = memoryBackend();
    const records = recordStore(backend, { maxConversations: 2 });
    await records.save(conversation("kept", 1));
    await backend.write("bad", broken as never);
    await backend.updateIndex((index) => ({ ...index, bad: { savedAt: 9, bytes: 1 } }));

    expect(await records.load("bad")).toBeUndefined();
    expect(await backend.read("bad")).toBeUndefined();
    // Its index entry went with it: it no longer counts, so the next save evicts nothing.
    await records.save(conversation("new", 10));
    expect(await records.load("kept")).toBeDefined();
  });

  it("grants one claim per key until it is released", async () => {
    const persistence = memoryPersistence();
    const first = await persistence.claim("a");
    expect(first).not.toBeNull();
    expect(await persistence.claim("a")).toBeNull();
    expect(await persistence.claim("b")).not.toBeNull();

    first?.release();
    expect(await persistence.claim("a")).not.toBeNull();
  });
});
