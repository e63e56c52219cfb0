/**
 * True for any non-null object (arrays included), so its fields can be read as `unknown`: the
 * first step of reading JSON or other input whose shape is not known yet.
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/** The field `key` of `value` when `value` is an object and the field a string, else `undefined`. */
export function stringField(value: unknown, key: string): string | undefined {
  if (!isRecord(value)) return undefined;
  const field = value[key];
  return typeof field === "string" ? field : undefined;
}
