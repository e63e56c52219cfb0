import { isRecord } from "../core/option-checks";
import type { AgentEvent, AgentMessageRole } from "./types";

/** One decoded AG-UI event (or message) object. */
export type AgUiObject = Record<string, unknown>;
export type EventOf<T extends AgentEvent["type"]> = Extract<AgentEvent, { type: T }>;

/** An AG-UI event that lacks a field its type requires; decoding turns it into an error event. */
export class MalformedEvent extends Error {}

export function malformed(type: string, field: string): never {
  throw new MalformedEvent(`AG-UI ${type} event without a valid ${field}`);
}

export function requireString(event: AgUiObject, field: string): string {
  const value = event[field];
  if (typeof value !== "string") malformed(String(event.type), field);
  return value;
}

export function optionalString(event: AgUiObject, field: string): string | undefined {
  const value = event[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") malformed(String(event.type), field);
  return value;
}

export function requireRecord(event: AgUiObject, field: string): AgUiObject {
  const value = event[field];
  if (!isRecord(value)) malformed(String(event.type), field);
  return value;
}

export function requireArray(event: AgUiObject, field: string): unknown[] {
  const value = event[field];
  if (!Array.isArray(value)) malformed(String(event.type), field);
  return value;
}

const ROLES: readonly AgentMessageRole[] = ["assistant", "user", "system", "developer"];

/** A text message's role: one of AG-UI's four, or none. */
export function optionalRole(event: AgUiObject): AgentMessageRole | undefined {
  const role = optionalString(event, "role");
  if (role === undefined) return undefined;
  const known = ROLES.find((candidate) => candidate === role);
  return known ?? malformed(String(event.type), "role");
}

/** `target` with those of `values` that are defined (keeps events free of `undefined` keys). */
export function withOptional<T extends object>(target: T, values: Partial<T>): T {
  const defined = Object.fromEntries(
    Object.entries(values).filter(([, value]) => value !== undefined),
  );
  return { ...target, ...defined };
}

/**
 * Content as text: a string as it is; an array of content parts as its text parts joined (what
 * `@ag-ui/core`'s `contentToText` does; images, audio and documents carry no text).
 */
export function contentText(content: unknown, type: string, field = "content"): string {
  if (content === undefined || content === null) return "";
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return malformed(type, field);
  return content
    .map((part) =>
      isRecord(part) && part.type === "text" && typeof part.text === "string" ? part.text : "",
    )
    .join("");
}
