import { PersistenceUnavailableError } from "./errors";
import { indexedDbPersistence } from "./indexeddb";
import { fakeIndexedDb, type FakeIndexedDbOptions } from "./test-utils/fake-indexeddb";
import { conversation } from "./test-utils/records";

function quiet() {
  return vi.spyOn(console, "warn").mockImplementation(() => {});
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe("indexedDbPersistence over a working IndexedDB", () => {
  it("keeps records in the database and evicts by the index", async () => {
    const idb = fakeIndexedDb();
    vi.stubGlobal("indexedDB", idb);
    const warn = quiet();
    const persistence = indexedDbPersistence({ maxConversations: 1 });

    await persistence.save(conversation("a", 1));
    expect(await persistence.load("a")).toEqual(conversation("a", 1));
    await persistence.save(conversation("b", 2));

    expect(await persistence.load("a")).toBeUndefined();
    expect([...idb.data.keys()].sort()).toEqual(['"index"', '["conversation","b"]']);
    expect(persistence.kind).toBe("indexeddb");
    expect(warn).not.toHaveBeenCalled();
  });
});

describe("indexedDbPersistence falls back to memory", () => {
  const denied = new DOMException("denied", "SecurityError");
  const privateMode = new DOMException("private", "InvalidStateError");

  it.each<[string, FakeIndexedDbOptions, DOMException]>([
    ["open() throws a SecurityError", { openThrows: denied }, denied],
    ["the open request fails (private browsing)", { openFails: privateMode }, privateMode],
  ])("when %s, with one warning", async (_name, failure, cause) => {
    vi.stubGlobal("indexedDB", fakeIndexedDb(failure));
    const warn = quiet();
    const onFallback = vi.fn();
    const persistence = indexedDbPersistence({ onFallback });
    expect(persistence.kind).toBe("indexeddb");

    expect(await persistence.load("a")).toBeUndefined();
    expect(persistence.kind).toBe("memory");
    await persistence.save(conversation("a", 1));
    await persistence.save(conversation("b", 2));
    expect(await persistence.load("a")).toEqual(conversation("a", 1));

    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/IndexedDB could not be opened.*reload/);
    expect(onFallback).toHaveBeenCalledTimes(1);
    const error: unknown = onFallback.mock.calls[0]?.[0];
    expect(error).toBeInstanceOf(PersistenceUnavailableError);
    expect(error).toMatchObject({ reason: "unavailable", cause });
  });

  it("when a write is refused for lack of space, keeping the record it was writing", async () => {
    const quota = new DOMException("full", "QuotaExceededError");
    vi.stubGlobal("indexedDB", fakeIndexedDb({ putThrows: quota }));
    const warn = quiet();
    const onFallback = vi.fn();
    const persistence = indexedDbPersistence({ onFallback });

    expect(await persistence.load("a")).toBeUndefined();
    expect(persistence.kind).toBe("indexeddb");
    await persistence.save(conversation("a", 1));

    expect(persistence.kind).toBe("memory");
    expect(await persistence.load("a")).toEqual(conversation("a", 1));
    await persistence.save(conversation("a", 2));
    await persistence.remove("a");
    expect(await persistence.load("a")).toBeUndefined();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/out of space.*will not survive a reload/);
    expect(onFallback).toHaveBeenCalledWith(
      expect.objectContaining({ reason: "quota", cause: quota }),
    );
  });

  it("when a write fails for another reason, as a write error", async () => {
    const failure = new DOMException("disk error", "UnknownError");
    vi.stubGlobal("indexedDB", fakeIndexedDb({ putThrows: failure }));
    const warn = quiet();
    const onFallback = vi.fn();
    const persistence = indexedDbPersistence({ onFallback });

    await persistence.save(conversation("a", 1));
    expect(await persistence.load("a")).toEqual(conversation("a", 1));
    expect(onFallback).toHaveBeenCalledWith(
      expect.objectContaining({ reason: "write", cause: failure }),
    );
    expect(String(warn.mock.calls[0]?.[0])).toContain("refused a write (UnknownError: disk error)");
  });

  it("where there is no IndexedDB at all, warning at the first use, not before", async () => {
    vi.stubGlobal("indexedDB", undefined);
    const warn = quiet();
    const persistence = indexedDbPersistence();
    expect(persistence.kind).toBe("memory");
    expect(warn).not.toHaveBeenCalled();

    await persistence.save(conversation("a", 1));
    expect(await persistence.load("a")).toEqual(conversation("a", 1));
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toContain("not available");
  });

  it("never rejects a load, even when onFallback throws", async () => {
    vi.stubGlobal("indexedDB", fakeIndexedDb({ openFails: new DOMException("x", "UnknownError") }));
    quiet();
    const persistence = indexedDbPersistence({
      onFallback: () => {
        throw new Error("the app's handler broke");
      },
    });
    await expect(persistence.load("a")).resolves.toBeUndefined();
    expect(persistence.kind).toBe("memory");
  });

  it("warns once per instance: a second instance warns again", async () => {
    vi.stubGlobal("indexedDB", undefined);
    const warn = quiet();
    await indexedDbPersistence().load("a");
    await indexedDbPersistence().load("a");
    expect(warn).toHaveBeenCalledTimes(2);
  });
});
