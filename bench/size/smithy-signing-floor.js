// The floor for SigV4 signing with smithy: the signer and the pure-JS SHA-256 it is usually
// paired with, and nothing of ours.
export { SignatureV4 } from "@smithy/signature-v4";
export { Sha256 } from "@aws-crypto/sha256-js";
