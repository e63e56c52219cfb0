/**
 * Just enough of IndexedDB for idb-keyval (open, one object store, get/put/delete in
 * transactions), with the failures the fallback handles: an open that throws or fails, and a
 * put the browser refuses for lack of space.
 */

export interface FakeIndexedDbOptions {
  /** `open()` throws this at once (Safari's SecurityError in some private modes). */
  openThrows?: DOMException;
  /** The open request fails with this (Firefox private browsing: InvalidStateError). */
  openFails?: DOMException;
  /** Every `put()` throws this (QuotaExceededError). */
  putThrows?: DOMException;
}

interface FakeRequest {
  result?: unknown;
  error?: DOMException;
  onsuccess?: () => void;
  onerror?: () => void;
  onupgradeneeded?: () => void;
}

export function fakeIndexedDb(options: FakeIndexedDbOptions = {}) {
  const data = new Map<string, unknown>();
  const id = (key: unknown) => JSON.stringify(key);

  function request(result: () => unknown): FakeRequest {
    const req: FakeRequest = {};
    queueMicrotask(() => {
      req.result = result();
      req.onsuccess?.();
    });
    return req;
  }

  function transaction() {
    const tx: { oncomplete?: () => void; onabort?: () => void; objectStore(): unknown } = {
      objectStore: () => store,
    };
    const store = {
      transaction: tx,
      get: (key: unknown) => request(() => data.get(id(key))),
      put: (value: unknown, key: unknown) => {
        if (options.putThrows) throw options.putThrows;
        data.set(id(key), structuredClone(value));
        return request(() => key);
      },
      delete: (key: unknown) => request(() => data.delete(id(key))),
    };
    setTimeout(() => tx.oncomplete?.(), 0);
    return tx;
  }

  const database = { transaction, createObjectStore: () => ({}), onclose: null };

  return {
    data,
    opened: 0,
    open(_name: string) {
      this.opened += 1;
      if (options.openThrows) throw options.openThrows;
      const req: FakeRequest = {};
      setTimeout(() => {
        if (options.openFails) {
          req.error = options.openFails;
          req.onerror?.();
          return;
        }
        req.result = database;
        req.onupgradeneeded?.();
        req.onsuccess?.();
      }, 0);
      return req;
    },
  };
}
