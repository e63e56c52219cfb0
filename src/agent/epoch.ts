const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
/** 16 characters of 62: about 95 random bits, far more than two epochs of one session need. */
const EPOCH_LENGTH = 16;
/** The largest multiple of 62 below 256: bytes from here up are drawn again, so none is biased. */
const UNBIASED_LIMIT = 248;

/** A new epoch: a random token of 16 characters from `A-Z a-z 0-9`, from the platform CSPRNG. */
export function randomEpoch(): string {
  let epoch = "";
  while (epoch.length < EPOCH_LENGTH) {
    for (const byte of globalThis.crypto.getRandomValues(new Uint8Array(EPOCH_LENGTH))) {
      if (byte < UNBIASED_LIMIT && epoch.length < EPOCH_LENGTH) epoch += ALPHABET[byte % 62];
    }
  }
  return epoch;
}
