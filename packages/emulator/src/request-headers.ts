/** Header values as Node's `IncomingMessage.headers` holds them (names lower-case). */
export type RequestHeaders = Readonly<Record<string, string | readonly string[] | undefined>>;

/** A header's value by case-insensitive name; repeated headers are joined with `,`. */
export function headerValue(headers: RequestHeaders, name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== lower || value === undefined) continue;
    return typeof value === "string" ? value : value.join(",");
  }
  return undefined;
}
