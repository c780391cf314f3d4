import { fromBase64, toBase64 } from 'lib0/buffer'

// A plain character-class loop plus a length check: a pattern with a repeated group overflows
// V8's regexp stack on a few megabytes of text (a 4 MB update is 5.6 M characters).
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/
const isBase64 = (text: string): boolean => text.length % 4 === 0 && BASE64.test(text)

/**
 * Binary values (Yjs updates, blobs) cross the RPC boundary as base64 text. Both ends install
 * this serializer; the receiving end refuses anything that is not strict base64.
 */
export const uint8ArraySerializer = {
  type: 100,
  condition: (data: unknown): boolean => data instanceof Uint8Array,
  serialize: (data: Uint8Array): string => toBase64(data),
  deserialize: (text: unknown): Uint8Array => {
    if (typeof text !== 'string' || !isBase64(text)) throw new TypeError('binary data must be base64 text')
    return fromBase64(text)
  }
}

/** Pass as `customJsonSerializers` to every oRPC handler and link. */
export const rpcSerializers = [uint8ArraySerializer]
