import type * as CognitoCredentialsSdk from "@aws-sdk/credential-provider-cognito-identity";
import type { FromCognitoIdentityPoolParameters } from "@aws-sdk/credential-provider-cognito-identity";
import type { AwsCredentials } from "../../signing/credentials";
import { AgentRuntimeValidationError } from "../../core/errors";
import { validateRegion } from "../../signing/region";
import { raceAbort, throwIfAborted } from "../../core/abort";
import { createPresigner, withoutSigningTime } from "../credentials-url-provider";
import { describeError } from "../../core/describe-error";
import { numberOption } from "../../core/number-option";
import { invalidOption, isRecord, optionalFunction, optionsObject } from "../../core/option-checks";
import { AgentRuntimeProviderError } from "../errors";
import type { UrlProvider } from "../types";
import { createCredentialsCache } from "./credentials-cache";

/** Default time before the credentials' expiration at which they are refreshed, in ms. */
export const DEFAULT_COGNITO_REFRESH_MARGIN_MS = 300_000;

/** Identity provider name -> token (or a function returning a fresh token). */
export type CognitoLoginsMap = Record<string, string | (() => string | Promise<string>)>;

/**
 * Logins of an authenticated identity, e.g. `{ "cognito-idp.us-east-1.amazonaws.com/us-east-1_abc": idToken }`,
 * or a function returning them (called at every credentials refresh, for refreshed tokens).
 */
export type CognitoLogins =
  CognitoLoginsMap | (() => Record<string, string> | Promise<Record<string, string>>);

/** Options of {@link cognitoUrlProvider}. */
export interface CognitoUrlProviderOptions {
  /** The runtime's region; also the Cognito region unless the pool id or `clientConfig` says otherwise. */
  region: string;
  /** `{region}:{uuid}` */
  identityPoolId: string;
  /** `arn:aws:bedrock-agentcore:{region}:{account}:runtime/{id}` */
  runtimeArn: string;
  /** Omit for unauthenticated (guest) identities. */
  logins?: CognitoLogins;
  /** The runtime endpoint (alias) to invoke, sent as `qualifier`. */
  endpointName?: string;
  /** Seconds each URL stays valid: 1 to 300, default 300. */
  expires?: number;
  /** Overrides the data-plane origin, e.g. `ws://127.0.0.1:8787` for a local emulator. */
  endpoint?: string;
  /** Refresh credentials this long before they expire, in ms. Default 300 000. */
  refreshMarginMs?: number;
  /** Extra Cognito Identity client settings (e.g. `endpoint`, `maxAttempts`). */
  clientConfig?: FromCognitoIdentityPoolParameters["clientConfig"];
  /** The clock for signing and credential reuse. Defaults to `Date.now`. */
  now?: () => number;
}

const IDENTITY_POOL_ID_PATTERN = /^[\w-]+:[0-9a-f-]+$/;

type CognitoSdk = typeof CognitoCredentialsSdk;
let sdk: Promise<CognitoSdk> | undefined;

function loadSdk(): Promise<CognitoSdk> {
  sdk ??= import("@aws-sdk/credential-provider-cognito-identity").catch((error: unknown) => {
    sdk = undefined;
    throw new AgentRuntimeProviderError(
      "cognitoUrlProvider needs the @aws-sdk/credential-provider-cognito-identity package: install it next to agentcore-react",
      { code: "missing-dependency", cause: error },
    );
  });
  return sdk;
}

async function resolveLogins(
  logins: CognitoLogins | undefined,
): Promise<Record<string, string> | undefined> {
  if (!logins) return undefined;
  const entries =
    typeof logins === "function"
      ? Object.entries(await logins())
      : await Promise.all(
          Object.entries(logins).map(
            async ([name, token]) =>
              [name, typeof token === "function" ? await token() : token] as const,
          ),
        );
  for (const [name, token] of entries) {
    if (typeof token !== "string" || token === "")
      throw new Error(`The login token for ${name} is empty`);
  }
  return entries.length === 0 ? undefined : Object.fromEntries(entries);
}

/**
 * A {@link UrlProvider} that presigns in the browser with temporary credentials from a Cognito
 * identity pool (guest, or signed in with `logins`). The AWS SDK's Cognito client is loaded
 * with a dynamic `import()` on first use. Credentials are reused until `refreshMarginMs` before
 * they expire; each URL's `expiresAt` never outlives them.
 *
 * Per call it rejects with {@link AgentRuntimeProviderError}: `credentials` (Cognito refused or
 * could not be reached: retryable), `missing-dependency`, `invalid-session-id`, `signing`.
 *
 * @throws {AgentRuntimeValidationError} at once for unusable options: a bad region, identity
 *   pool id, ARN, endpoint, `expires` or `refreshMarginMs`, or an option of the wrong kind.
 */
export function cognitoUrlProvider(options: CognitoUrlProviderOptions): UrlProvider {
  optionsObject("cognitoUrlProvider", options);
  const region = validateRegion(options.region);
  const refreshMarginMs = checkCognitoOptions(options);
  const now = options.now ?? Date.now;
  const presign = createPresigner(
    {
      region,
      runtimeArn: options.runtimeArn,
      endpointName: options.endpointName,
      expires: options.expires,
      endpoint: options.endpoint,
      now,
    },
    "cognitoUrlProvider",
  );
  const fetchCredentials = createPoolCredentials(options, cognitoRegion(options, region));
  const credentials = createCredentialsCache(fetchCredentials, { refreshMarginMs, now });

  return async (context) => {
    throwIfAborted(context.signal);
    let resolved: AwsCredentials;
    try {
      resolved = await raceAbort(credentials(), context.signal);
    } catch (error) {
      throwIfAborted(context.signal);
      if (error instanceof AgentRuntimeProviderError) throw error;
      throw new AgentRuntimeProviderError(
        `Could not get credentials from the Cognito identity pool: ${describeError(error)}`,
        { code: "credentials", cause: error },
      );
    }
    return withoutSigningTime(await presign(context, resolved));
  };
}

/** Checks the Cognito options of {@link cognitoUrlProvider}; returns the refresh margin. */
function checkCognitoOptions(options: CognitoUrlProviderOptions): number {
  const { identityPoolId, logins, clientConfig } = options;
  if (typeof identityPoolId !== "string" || !IDENTITY_POOL_ID_PATTERN.test(identityPoolId)) {
    throw new AgentRuntimeValidationError(
      `Invalid Cognito identity pool id: ${String(identityPoolId)} (expected {region}:{uuid})`,
    );
  }
  if (logins !== undefined && typeof logins !== "function" && !isRecord(logins)) {
    throw invalidOption(
      "cognitoUrlProvider logins",
      "an object of provider name -> token, or a function that returns one",
      logins,
    );
  }
  if (clientConfig !== undefined && !isRecord(clientConfig)) {
    throw invalidOption("cognitoUrlProvider clientConfig", "an object", clientConfig);
  }
  optionalFunction("cognitoUrlProvider now", options.now);
  return numberOption(
    "cognitoUrlProvider refreshMarginMs",
    options.refreshMarginMs ?? DEFAULT_COGNITO_REFRESH_MARGIN_MS,
    "a finite number >= 0",
  );
}

function cognitoRegion(options: CognitoUrlProviderOptions, region: string): string {
  const poolRegion = options.identityPoolId.split(":")[0] ?? "";
  try {
    return validateRegion(poolRegion);
  } catch {
    return region;
  }
}

/**
 * Fetches credentials with the SDK's `fromCognitoIdentityPool`. The SDK provider is kept
 * between refreshes (it remembers the identity id, so a refresh is one
 * `GetCredentialsForIdentity` call) and rebuilt only when the set of login providers changes.
 */
function createPoolCredentials(
  options: CognitoUrlProviderOptions,
  defaultRegion: string,
): () => Promise<AwsCredentials> {
  let poolProvider: (() => Promise<AwsCredentials>) | undefined;
  let poolKey: string | undefined;
  let latestLogins: Record<string, string> = {};

  return async () => {
    const { fromCognitoIdentityPool } = await loadSdk();
    const logins = await resolveLogins(options.logins);
    latestLogins = logins ?? {};
    const key = Object.keys(latestLogins).sort().join("\n");
    if (!poolProvider || key !== poolKey) {
      const names = Object.keys(latestLogins);
      const sdkProvider = fromCognitoIdentityPool({
        identityPoolId: options.identityPoolId,
        clientConfig: { region: defaultRegion, ...options.clientConfig },
        // Functions, so the SDK always sends the tokens resolved at the latest refresh.
        logins:
          names.length === 0
            ? undefined
            : Object.fromEntries(names.map((name) => [name, async () => latestLogins[name] ?? ""])),
      });
      poolProvider = () => sdkProvider();
      poolKey = key;
    }
    const credentials = await poolProvider();
    return {
      accessKeyId: credentials.accessKeyId,
      secretAccessKey: credentials.secretAccessKey,
      sessionToken: credentials.sessionToken,
      expiration: credentials.expiration,
    };
  };
}
