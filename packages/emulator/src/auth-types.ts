import type { BearerTokensOption } from "./bearer-auth";
import type { AuthMode } from "./events";
import type { PresignedCheck } from "./verify-presigned-url";
import type { HeaderCheck } from "./verify-signed-headers";

/** @internal how the emulator authenticates upgrades. */
export interface AuthConfig {
  presigned: PresignedCheck | undefined;
  headers: HeaderCheck | undefined;
  bearer: BearerTokensOption | undefined;
  /** Signatures dated before this are refused as expired (a fault). */
  issuedBefore: () => number | undefined;
}

/** @internal a refused handshake: the HTTP status, a machine-readable code and a reason. */
export interface AuthRefusal {
  ok: false;
  mode: AuthMode;
  status: number;
  code: string;
  reason: string;
  sessionId?: string;
  signedAt?: number;
  expiresAt?: number;
}

/** @internal the verdict on one handshake. */
export type AuthDecision =
  | {
      ok: true;
      mode: AuthMode;
      sessionId: string | undefined;
      qualifier: string | undefined;
      accessKeyId?: string;
      signedAt?: number;
      expiresAt?: number;
      protocol?: string;
    }
  | AuthRefusal;

/** @internal a refusal without request details. */
export function refuseAuth(
  mode: AuthMode,
  status: number,
  code: string,
  reason: string,
): AuthRefusal {
  return { ok: false, mode, status, code, reason };
}
