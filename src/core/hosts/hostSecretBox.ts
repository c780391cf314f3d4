import type { CoreHostMessage, SecretRequest } from '../../shared/coreHostMessages'
import type { SecretBox } from '../ai/config/secretBox'

const REPLY_TIMEOUT_MS = 10_000

type SecretReply = Extract<CoreHostMessage, { type: 'secret-reply' }>


/** A SecretBox whose work Electron main does (safeStorage), asked over the utility process's parent port. */
export function hostSecretBox(send: (message: SecretRequest) => void, storage: SecretBox['storage']) {
  let nextId = 1
  const waiting = new Map<number, { resolve: (reply: SecretReply) => void; timer: NodeJS.Timeout }>()

  const ask = (request: Omit<SecretRequest, 'id' | 'type'>): Promise<SecretReply> =>
    new Promise((resolve, reject) => {
      const id = nextId++
      const timer = setTimeout(() => {
        waiting.delete(id)
        reject(new Error('The app did not answer a keychain request in time.'))
      }, REPLY_TIMEOUT_MS)
      waiting.set(id, { resolve, timer })
      send({ type: 'secret-request', id, ...request } as SecretRequest)
    })

  const box: SecretBox & { receive(reply: SecretReply): void } = {
    storage,
    async encrypt(plain) {
      const reply = await ask({ op: 'encrypt', value: plain })
      if (!reply.ok || !(reply.value instanceof Uint8Array)) throw new Error(reply.error ?? 'The keychain could not encrypt the key.')
      return new Uint8Array(reply.value)
    },
    async decrypt(encrypted) {
      const reply = await ask({ op: 'decrypt', value: encrypted })
      if (!reply.ok || typeof reply.value !== 'string') throw new Error(reply.error ?? 'The keychain could not decrypt the key.')
      return reply.value
    },
    receive(reply) {
      const entry = waiting.get(reply.id)
      if (!entry) return
      waiting.delete(reply.id)
      clearTimeout(entry.timer)
      entry.resolve(reply)
    }
  }
  return box
}
