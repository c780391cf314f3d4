// Key shapes of the supported clouds (sk-…, sk-ant-…, sk-or-…, gsk_…, xai-…) and bearer tokens,
// so a server that echoes part of a key into its error text does not put it in ours.
const KEY_LIKE = /\b(?:sk|gsk|xai)[-_][\w\-.*]{6,}|\bBearer\s+\S+/gi

// Shorter "keys" (a local server's placeholder such as "x") are no secret, and replacing them
// everywhere would garble the message.
const MIN_KEY_LENGTH = 8

/** Removes the provider's API key and anything shaped like a key from a text shown or logged. */
export function redactSecrets(text: string, apiKey: string | undefined): string {
  const withoutKey = apiKey !== undefined && apiKey.length >= MIN_KEY_LENGTH ? text.split(apiKey).join('[key]') : text
  return withoutKey.replace(KEY_LIKE, '[key]')
}
