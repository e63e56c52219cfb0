import fc from "fast-check";

/** Any UTF-16 string, lone surrogates and control characters included. */
export function utf16String(maxLength?: number): fc.Arbitrary<string> {
  return fc.string({
    unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
    ...(maxLength === undefined ? {} : { maxLength }),
  });
}

/** Arbitrary text of every kind: raw UTF-16, graphemes, plain ASCII. */
export function anyText(maxLength?: number): fc.Arbitrary<string> {
  const limit = maxLength === undefined ? {} : { maxLength };
  return fc.oneof(
    utf16String(maxLength),
    fc.string({ unit: "grapheme", ...limit }),
    fc.string(limit),
  );
}

// Weighted toward valid shapes so most runs reach the signer; the rest probe the checks.

/** Mostly real region names, sometimes any text. */
export function regionArbitrary(text: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.oneof(
    {
      arbitrary: fc.constantFrom(
        "us-west-2",
        "eu-central-1",
        "us-gov-west-1",
        "ap-southeast-2",
        "cn-north-1",
      ),
      weight: 6,
    },
    { arbitrary: text, weight: 1 },
  );
}

/** Mostly well-shaped runtime ARNs (any part may be any text), sometimes any text at all. */
export function runtimeArnArbitrary(
  text: fc.Arbitrary<string>,
  runtimeId: fc.Arbitrary<string>,
): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: text, weight: 1 },
    {
      arbitrary: fc
        .tuple(
          fc.oneof(
            { arbitrary: fc.constantFrom("aws", "aws-us-gov"), weight: 6 },
            { arbitrary: text, weight: 1 },
          ),
          regionArbitrary(text),
          fc.oneof(
            { arbitrary: fc.constant("123456789012"), weight: 6 },
            { arbitrary: text, weight: 1 },
          ),
          runtimeId,
        )
        .map(
          ([partition, region, account, id]) =>
            `arn:${partition}:bedrock-agentcore:${region}:${account}:runtime/${id}`,
        ),
      weight: 7,
    },
  );
}
