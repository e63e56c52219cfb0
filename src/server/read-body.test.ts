import { PresignRefusal } from "./refusal";
import { readBodyText } from "./read-body";

function streamingRequest(chunkSize: number, chunks = Number.POSITIVE_INFINITY) {
  let pulls = 0;
  let cancelled = false;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulls += 1;
      if (pulls > chunks) controller.close();
      else controller.enqueue(new Uint8Array(chunkSize).fill(0x20));
    },
    cancel() {
      cancelled = true;
    },
  });
  const request = new Request("http://x/", { method: "POST", body, duplex: "half" } as RequestInit);
  return { request, pulls: () => pulls, cancelled: () => cancelled };
}

describe("readBodyText", () => {
  it("stops reading an endless body as soon as it passes the limit", async () => {
    const { request, pulls, cancelled } = streamingRequest(1000);
    const error = await readBodyText(request, 4096).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PresignRefusal);
    expect(error).toMatchObject({ status: 413, code: "body-too-large" });
    expect(pulls()).toBeLessThanOrEqual(7);
    expect(cancelled()).toBe(true);
  });

  it("refuses a declared length over the limit without reading", async () => {
    const { request } = streamingRequest(10, 1);
    const declared = new Request(request, { headers: { "content-length": "5000" } });
    await expect(readBodyText(declared, 4096)).rejects.toMatchObject({ status: 413 });
    expect(declared.bodyUsed).toBe(false);
  });

  it("reads a body of exactly the limit", async () => {
    const { request } = streamingRequest(1024, 4);
    expect((await readBodyText(request, 4096)).length).toBe(4096);
  });

  it("refuses bytes that are not UTF-8", async () => {
    const request = new Request("http://x/", {
      method: "POST",
      body: new Uint8Array([0x7b, 0xff, 0x7d]),
    });
    await expect(readBodyText(request, 4096)).rejects.toMatchObject({
      status: 400,
      code: "invalid-json",
    });
  });

  it("gives up on a body that does not arrive in time: 408, reader cancelled", async () => {
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"runtime":'));
        // ...and then nothing more: a client trickling or stalling its body.
      },
      cancel() {
        cancelled = true;
      },
    });
    const request = new Request("http://x/", {
      method: "POST",
      body,
      duplex: "half",
    } as RequestInit);
    const error = await readBodyText(request, 4096, 50).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PresignRefusal);
    expect(error).toMatchObject({ status: 408, code: "request-timeout" });
    expect(cancelled).toBe(true);
  });
});
