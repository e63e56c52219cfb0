import { createUploadUrlHandler, type UploadUrlLogEvent } from "../../src/server";
import { LOCAL_S3_CREDENTIALS, startLocalS3, type LocalS3 } from "../support/local-s3";

interface Answer {
  url: string;
  method: string;
  headers: Record<string, string>;
  key: string;
  expiresAt: number;
  objectUrl?: string;
}

let s3: LocalS3;
beforeAll(async () => {
  s3 = await startLocalS3();
});
afterAll(async () => {
  await s3.stop();
});

const USERS: Record<string, string> = { "token-alice": "alice", "token-bob": "bob" };

function handler(options: Partial<Parameters<typeof createUploadUrlHandler>[0]> = {}) {
  const logs: UploadUrlLogEvent[] = [];
  const handle = createUploadUrlHandler({
    bucket: s3.bucket,
    region: "us-east-1",
    endpoint: s3.endpoint,
    credentials: LOCAL_S3_CREDENTIALS,
    authorize: (request) => {
      const user = USERS[request.headers.get("authorization") ?? ""];
      return user ? { principal: user } : null;
    },
    accept: ["image/*", "application/pdf"],
    maxBytes: 1024,
    clientAddress: () => "203.0.113.7",
    log: (event) => logs.push(event),
    ...options,
  });
  return { handle, logs };
}

function ask(body: unknown, token: string | null = "token-alice"): Request {
  return new Request("http://app.test/api/upload-url", {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(token === null ? {} : { authorization: token }),
    },
    body: JSON.stringify(body),
  });
}

async function mint(
  handle: (request: Request) => Promise<Response>,
  body: unknown,
  token?: string,
): Promise<Answer> {
  const response = await handle(ask(body, token));
  expect(response.status).toBe(200);
  return (await response.json()) as Answer;
}

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);

describe("createUploadUrlHandler against a real S3-compatible server (@20minutes/s3rver)", () => {
  it("presigns a PUT that uploads the bytes with their content type, under the user's prefix", async () => {
    const { handle, logs } = handler();
    const answer = await mint(handle, {
      name: "cat photo.png",
      type: "image/png",
      size: PNG.length,
    });
    expect(answer.method).toBe("PUT");
    expect(answer.headers).toEqual({ "Content-Type": "image/png" });
    expect(answer.key).toMatch(/^uploads\/alice\/[0-9a-f-]{36}\/cat_photo\.png$/);
    const signed = new URL(answer.url).searchParams.get("X-Amz-SignedHeaders");
    expect(signed).toBe("content-length;content-type;host");

    const put = await fetch(answer.url, {
      method: "PUT",
      headers: answer.headers,
      body: PNG,
    });
    expect(put.status).toBe(200);
    const stored = await s3.get(answer.key);
    expect(stored.status).toBe(200);
    expect(stored.headers.get("content-type")).toBe("image/png");
    expect(new Uint8Array(await stored.arrayBuffer())).toEqual(PNG);

    expect(logs).toEqual([
      {
        type: "minted",
        principal: "alice",
        key: answer.key,
        contentType: "image/png",
        size: PNG.length,
        expiresAt: answer.expiresAt,
      },
    ]);
  });

  it("is refused by S3 when the upload is larger than the signed size", async () => {
    const { handle } = handler();
    const answer = await mint(handle, { name: "a.png", type: "image/png", size: 4 });
    const put = await fetch(answer.url, {
      method: "PUT",
      headers: answer.headers,
      body: new Uint8Array(5),
    });
    expect(put.status).toBe(403);
    expect(await put.text()).toContain("SignatureDoesNotMatch");
    expect((await s3.get(answer.key)).status).toBe(404);
  });

  it("is refused by S3 when the upload has another content type", async () => {
    const { handle } = handler();
    const answer = await mint(handle, { name: "a.png", type: "image/png", size: 4 });
    const put = await fetch(answer.url, {
      method: "PUT",
      headers: { "Content-Type": "text/html" },
      body: "<b>!",
    });
    expect(put.status).toBe(403);
    expect((await s3.get(answer.key)).status).toBe(404);
  });

  it("is refused by S3 once the URL expired", async () => {
    const past = Date.now() - 120_000;
    const { handle } = handler({ now: () => past, expires: 60 });
    const answer = await mint(handle, { name: "a.png", type: "image/png", size: 4 });
    const put = await fetch(answer.url, {
      method: "PUT",
      headers: answer.headers,
      body: new Uint8Array(4),
    });
    expect(put.status).toBe(403);
    expect(await put.text()).toContain("expired");
  });

  it("answers 401 to a caller that authorize does not know, and signs nothing", async () => {
    const { handle, logs } = handler();
    for (const token of [null, "token-mallory"]) {
      const response = await handle(ask({ name: "a.png", type: "image/png", size: 4 }, token));
      expect(response.status).toBe(401);
      const body = (await response.json()) as { error: { code: string }; url?: string };
      expect(body.error.code).toBe("unauthorized");
      expect(body.url).toBeUndefined();
    }
    expect(logs.map((event) => event.type)).toEqual(["refused", "refused"]);
  });

  it("needs authorize unless allowAnonymous is set", () => {
    expect(() =>
      createUploadUrlHandler({
        bucket: "b-1",
        region: "us-east-1",
        credentials: LOCAL_S3_CREDENTIALS,
      }),
    ).toThrow(/authorize/);
  });

  it("caps the expiry: the default, a shorter one on request, never a longer one", async () => {
    const { handle } = handler({ expires: 120 });
    const expiresOf = (answer: Answer) => new URL(answer.url).searchParams.get("X-Amz-Expires");
    expect(expiresOf(await mint(handle, { name: "a.png", type: "image/png", size: 1 }))).toBe(
      "120",
    );
    expect(
      expiresOf(await mint(handle, { name: "a.png", type: "image/png", size: 1, expires: 30 })),
    ).toBe("30");
    const longer = await handle(ask({ name: "a.png", type: "image/png", size: 1, expires: 121 }));
    expect(longer.status).toBe(400);
    expect(((await longer.json()) as { error: { code: string } }).error.code).toBe(
      "invalid-expires",
    );
    expect(() => handler({ expires: 3601 })).toThrow(/expires/);
  });

  it("refuses types outside accept and sizes over maxBytes before signing", async () => {
    const { handle } = handler();
    const html = await handle(ask({ name: "x.html", type: "text/html", size: 10 }));
    expect(html.status).toBe(400);
    expect(((await html.json()) as { error: { code: string } }).error.code).toBe(
      "type-not-allowed",
    );
    const big = await handle(ask({ name: "x.pdf", type: "application/pdf", size: 1025 }));
    expect(big.status).toBe(413);
    const body = (await big.json()) as { error: { code: string; message: string } };
    expect(body.error).toEqual({
      code: "file-too-large",
      message: "The file is larger than the 1 KB limit",
    });
  });

  it("scopes keys per user and keeps file names from leaving the prefix", async () => {
    const { handle } = handler();
    const bob = await mint(
      handle,
      { name: "../../etc/passwd.png", type: "image/png", size: 1 },
      "token-bob",
    );
    expect(bob.key).toMatch(/^uploads\/bob\/[0-9a-f-]{36}\/etc_passwd\.png$/);
    const dotted = handler({ authorize: () => ({ principal: ".." }) });
    const answer = await mint(dotted.handle, { name: "a.png", type: "image/png", size: 1 });
    expect(answer.key).toMatch(/^uploads\/%2E%2E\/[0-9a-f-]{36}\/a\.png$/);
  });

  it("never answers or logs the secret key", async () => {
    const secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    const { handle, logs } = handler({
      credentials: { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: secret },
    });
    const response = await handle(ask({ name: "a.png", type: "image/png", size: 1 }));
    const text = await response.text();
    expect(text).not.toContain(secret);
    expect(JSON.stringify(logs)).not.toContain(secret);
    expect(JSON.stringify(logs)).not.toContain("X-Amz-Signature");
  });
});
