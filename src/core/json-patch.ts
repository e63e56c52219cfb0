import { isRecord } from "./option-checks";

/**
 * JSON Patch (RFC 6902) on immutable values: `add`, `remove`, `replace`, `move`, `copy` and
 * `test`, with JSON Pointer paths (RFC 6901). Only the objects and arrays along a changed path
 * are copied; everything else keeps its identity. A patch applies whole or not at all.
 */

/** A JSON Patch that cannot be applied; the value is left as it was. */
export class JsonPatchError extends Error {}

type Container = Record<string, unknown> | unknown[];

function fail(message: string): never {
  throw new JsonPatchError(message);
}

/** The reference tokens of a JSON Pointer (`""` is the whole document). */
function tokens(pointer: unknown): string[] {
  if (typeof pointer !== "string") return fail("A JSON Patch path must be a string");
  if (pointer === "") return [];
  if (!pointer.startsWith("/")) return fail(`Invalid JSON Pointer ${pointer}`);
  return pointer
    .slice(1)
    .split("/")
    .map((token) => token.replace(/~1/g, "/").replace(/~0/g, "~"));
}

function arrayIndex(array: unknown[], token: string, forAdd: boolean): number {
  if (forAdd && token === "-") return array.length;
  if (!/^(0|[1-9][0-9]*)$/.test(token)) return fail(`Invalid array index ${token}`);
  const index = Number(token);
  if (index > array.length || (!forAdd && index === array.length)) {
    return fail(`Array index ${token} out of range`);
  }
  return index;
}

function child(value: unknown, token: string): unknown {
  if (Array.isArray(value)) return value[arrayIndex(value, token, false)];
  if (isRecord(value) && Object.prototype.hasOwnProperty.call(value, token)) return value[token];
  return fail(`No value at ${token}`);
}

/** The value at `path`. */
function read(document: unknown, path: string[]): unknown {
  return path.reduce(child, document);
}

type Edit = (container: Container, token: string) => Container;

/** A copy of `document` with `edit` applied to the container of the last token of `path`. */
function update(document: unknown, path: string[], edit: Edit): unknown {
  const [token, ...rest] = path;
  if (token === undefined) return fail("Cannot edit the document's parent");
  if (!Array.isArray(document) && !isRecord(document)) return fail(`No container at ${token}`);
  if (rest.length === 0) return edit(document, token);
  const next = update(child(document, token), rest, edit);
  if (Array.isArray(document)) {
    const copy = document.slice();
    copy[arrayIndex(document, token, false)] = next;
    return copy;
  }
  return { ...document, [token]: next };
}

function add(document: unknown, path: string[], value: unknown): unknown {
  if (path.length === 0) return value;
  return update(document, path, (container, token) => {
    if (!Array.isArray(container)) return { ...container, [token]: value };
    const copy = container.slice();
    copy.splice(arrayIndex(container, token, true), 0, value);
    return copy;
  });
}

function remove(document: unknown, path: string[]): unknown {
  read(document, path);
  return update(document, path, (container, token) => {
    if (Array.isArray(container)) {
      const copy = container.slice();
      copy.splice(arrayIndex(container, token, false), 1);
      return copy;
    }
    const { [token]: _removed, ...rest } = container;
    return rest;
  });
}

function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => equal(item, b[index]));
  }
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length &&
      keys.every((key) => key in b && equal(a[key], b[key]))
    );
  }
  return false;
}

function applyOperation(document: unknown, operation: unknown): unknown {
  if (!isRecord(operation)) return fail("A JSON Patch operation must be an object");
  const path = tokens(operation.path);
  const has = (field: string) => Object.prototype.hasOwnProperty.call(operation, field);
  switch (operation.op) {
    case "add":
      return has("value") ? add(document, path, operation.value) : fail("add without a value");
    case "remove":
      return remove(document, path);
    case "replace":
      if (!has("value")) return fail("replace without a value");
      if (path.length === 0) return operation.value;
      return add(remove(document, path), path, operation.value);
    case "move": {
      const from = tokens(operation.from);
      const value = read(document, from);
      return add(remove(document, from), path, value);
    }
    case "copy":
      return add(document, path, read(document, tokens(operation.from)));
    case "test":
      if (!equal(read(document, path), operation.value)) fail("test failed");
      return document;
    default:
      return fail(`Unknown JSON Patch operation ${String(operation.op)}`);
  }
}

/**
 * `document` with `patch` applied, as a new value (the input is never changed).
 *
 * @throws {JsonPatchError} when an operation is invalid or a `test` fails.
 */
export function applyJsonPatch(document: unknown, patch: readonly unknown[]): unknown {
  return patch.reduce(applyOperation, document);
}
