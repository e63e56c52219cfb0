import type { AwsCredentials } from "../../signing/credentials";

/** Options of {@link createCredentialsCache}. */
export interface CredentialsCacheOptions {
  /** Refresh this long before the credentials' `expiration`, in ms. */
  refreshMarginMs: number;
  now: () => number;
}

/**
 * Reuses temporary credentials until `refreshMarginMs` before they expire, then fetches new
 * ones. Concurrent callers share one fetch; a failed fetch is not remembered, so the next call
 * tries again. Credentials without an `expiration` are never reused.
 */
export function createCredentialsCache(
  fetchCredentials: () => Promise<AwsCredentials>,
  options: CredentialsCacheOptions,
): () => Promise<AwsCredentials> {
  let cached: AwsCredentials | undefined;
  let inFlight: Promise<AwsCredentials> | undefined;

  const fresh = (credentials: AwsCredentials | undefined): credentials is AwsCredentials =>
    credentials?.expiration instanceof Date &&
    options.now() < credentials.expiration.getTime() - options.refreshMarginMs;

  return () => {
    if (fresh(cached)) return Promise.resolve(cached);
    inFlight ??= fetchCredentials()
      .then((credentials) => {
        cached = credentials;
        return credentials;
      })
      .finally(() => {
        inFlight = undefined;
      });
    return inFlight;
  };
}
