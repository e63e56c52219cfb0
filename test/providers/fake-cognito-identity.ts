import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** One call the fake received. */
export interface CognitoCall {
  operation: "GetId" | "GetCredentialsForIdentity";
  body: { IdentityPoolId?: string; IdentityId?: string; Logins?: Record<string, string> };
}

/** What the fake answers: credentials, or an AWS JSON error. */
export type CognitoBehaviour =
  { kind: "ok" } | { kind: "error"; status: number; type: string; message: string };

/**
 * A loopback server speaking Cognito Identity's JSON protocol (`X-Amz-Target:
 * AWSCognitoIdentityService.GetId` / `.GetCredentialsForIdentity`, awsJson1.1), for driving the
 * real AWS SDK client. Credentials are numbered `ASIAFAKE1`, `ASIAFAKE2`, ... and expire
 * `lifetimeMs` after `now()`.
 */
export class FakeCognitoIdentity {
  readonly calls: CognitoCall[] = [];
  behaviour: CognitoBehaviour = { kind: "ok" };
  lifetimeMs = 3_600_000;
  now: () => number = Date.now;
  #issued = 0;
  #server: Server | undefined;

  get endpoint(): string {
    const address = this.#server?.address() as AddressInfo;
    return `http://127.0.0.1:${address.port}`;
  }

  /** The credentials the fake issued last. */
  credentials(n: number) {
    return {
      accessKeyId: `ASIAFAKE${n}`,
      secretAccessKey: `secret-${n}`,
      sessionToken: `session-token-${n}/+=`,
    };
  }

  count(operation: CognitoCall["operation"]): number {
    return this.calls.filter((call) => call.operation === operation).length;
  }

  async start(): Promise<void> {
    this.#server = createServer((request, response) => {
      void this.#handle(request).then(({ status, body }) => {
        response.writeHead(status, { "Content-Type": "application/x-amz-json-1.1" });
        response.end(JSON.stringify(body));
      });
    });
    await new Promise<void>((resolve) => this.#server?.listen(0, "127.0.0.1", resolve));
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.#server?.close(() => resolve()));
  }

  async #handle(request: IncomingMessage): Promise<{ status: number; body: unknown }> {
    let text = "";
    for await (const chunk of request) text += String(chunk);
    const target = String(request.headers["x-amz-target"] ?? "");
    const operation = target.replace("AWSCognitoIdentityService.", "");
    if (operation !== "GetId" && operation !== "GetCredentialsForIdentity") {
      return { status: 400, body: { __type: "UnknownOperationException", message: target } };
    }
    const body = JSON.parse(text) as CognitoCall["body"];
    this.calls.push({ operation, body });
    if (this.behaviour.kind === "error") {
      return {
        status: this.behaviour.status,
        body: { __type: this.behaviour.type, message: this.behaviour.message },
      };
    }
    if (operation === "GetId") {
      const region = (body.IdentityPoolId ?? "").split(":")[0];
      return { status: 200, body: { IdentityId: `${region}:identity-0001` } };
    }
    this.#issued += 1;
    const issued = this.credentials(this.#issued);
    return {
      status: 200,
      body: {
        IdentityId: body.IdentityId,
        Credentials: {
          AccessKeyId: issued.accessKeyId,
          SecretKey: issued.secretAccessKey,
          SessionToken: issued.sessionToken,
          Expiration: (this.now() + this.lifetimeMs) / 1000,
        },
      },
    };
  }
}
