import S3rver from "@20minutes/s3rver";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** The fixed key pair @20minutes/s3rver accepts (it verifies SigV4 signatures with it). */
export const LOCAL_S3_CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };

/** A real S3-compatible server on loopback, with one bucket, its files in a temporary folder. */
export interface LocalS3 {
  endpoint: string;
  bucket: string;
  /** GETs an object with a signature-less request (s3rver serves unsigned reads). */
  get(key: string): Promise<Response>;
  stop(): Promise<void>;
}

export async function startLocalS3(bucket = "attachments"): Promise<LocalS3> {
  const directory = await mkdtemp(join(tmpdir(), "acr-s3-"));
  const server = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    bucket,
    get: (key) =>
      fetch(`${endpoint}/${bucket}/${key.split("/").map(encodeURIComponent).join("/")}`),
    stop: async () => {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
