// The signing schemes of seven senders, as SigningScheme values: the fixtures of the runtime's
// tests, and the source of the README's "Signing recipes".
import type { SigningScheme } from "../../generator/runtime/signing.ts";

/** Standard Webhooks (Deck, Svix, …): `webhook-signature: v1,<base64> v1,<base64>` over `{id}.{timestamp}.{body}`, key = base64 after `whsec_`. */
export const standardWebhooks: SigningScheme = {
  algorithm: "sha256",
  content: "{id}.{timestamp}.{body}",
  secret: { encoding: "base64", prefix: "whsec_" },
  signature: { header: "webhook-signature", encoding: "base64", prefix: "v1,", separator: " " },
  timestamp: { header: "webhook-timestamp", unit: "seconds", tolerance: 300 },
  id: { header: "webhook-id" },
};

/** GitHub: `X-Hub-Signature-256: sha256=<hex>` over the raw body, keyed with the secret as text. */
export const github: SigningScheme = {
  algorithm: "sha256",
  content: "{body}",
  secret: { encoding: "utf8" },
  signature: { header: "X-Hub-Signature-256", encoding: "hex", prefix: "sha256=" },
  id: { header: "X-GitHub-Delivery" },
};

/** Stripe: `Stripe-Signature: t=<unix>,v1=<hex>[,v1=<hex>]` over `{timestamp}.{body}`, keyed with the whole `whsec_…` string. */
export const stripe: SigningScheme = {
  algorithm: "sha256",
  content: "{timestamp}.{body}",
  secret: { encoding: "utf8" },
  signature: { header: "Stripe-Signature", encoding: "hex", part: "v1" },
  timestamp: { header: "Stripe-Signature", part: "t", unit: "seconds", tolerance: 300 },
};

/** Slack: `X-Slack-Signature: v0=<hex>` over `v0:{timestamp}:{body}`, with `X-Slack-Request-Timestamp`. */
export const slack: SigningScheme = {
  algorithm: "sha256",
  content: "v0:{timestamp}:{body}",
  secret: { encoding: "utf8" },
  signature: { header: "X-Slack-Signature", encoding: "hex", prefix: "v0=" },
  timestamp: { header: "X-Slack-Request-Timestamp", unit: "seconds", tolerance: 300 },
};

/** Shopify: `X-Shopify-Hmac-Sha256: <base64>` over the raw body. */
export const shopify: SigningScheme = {
  algorithm: "sha256",
  content: "{body}",
  secret: { encoding: "utf8" },
  signature: { header: "X-Shopify-Hmac-Sha256", encoding: "base64" },
  id: { header: "X-Shopify-Webhook-Id" },
};

/**
 * Truto: `X-Truto-Signature: format=sha256,v=<signature>` over the raw body. Truto's documentation
 * does not say how `<signature>` is encoded, so both readings are here.
 */
export const trutoHex: SigningScheme = {
  algorithm: "sha256",
  content: "{body}",
  secret: { encoding: "utf8" },
  signature: { header: "X-Truto-Signature", encoding: "hex", part: "v", constants: { format: "sha256" } },
};
export const trutoBase64: SigningScheme = { ...trutoHex, signature: { ...trutoHex.signature, encoding: "base64" } };

/** Chift: `X-Chift-Signature: <hex>` over the body (deliveries may be unsigned). */
export const chift: SigningScheme = {
  algorithm: "sha256",
  content: "{body}",
  secret: { encoding: "utf8" },
  signature: { header: "X-Chift-Signature", encoding: "hex" },
};

export const SCHEMES: Record<string, SigningScheme> = { standardWebhooks, github, stripe, slack, shopify, trutoHex, trutoBase64, chift };

/** A secret each scheme can use. */
export const SECRETS: Record<string, string> = {
  standardWebhooks: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
  github: "It's a Secret to Everybody",
  stripe: "whsec_test_secret",
  slack: "8f742231b10e8888abcd99yyyzzz85a5",
  shopify: "shpss_test",
  trutoHex: "2c6e3a52-5d3c-4f1e-9b1a-5b1f0e6c7d8e",
  trutoBase64: "2c6e3a52-5d3c-4f1e-9b1a-5b1f0e6c7d8e",
  chift: "chift-secret",
};
