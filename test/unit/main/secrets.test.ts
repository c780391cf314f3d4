import { describe, expect, it } from 'vitest'
import { answerSecretRequest, keyStorageOf, type SafeStorageLike } from '../../../src/main/secrets'

function fakeSafeStorage(overrides: Partial<SafeStorageLike> = {}): SafeStorageLike {
  return {
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => 'kwallet5',
    encryptString: (plain) => Buffer.from([...Buffer.from(plain)].reverse()),
    decryptString: (sealed) => Buffer.from([...sealed].reverse()).toString(),
    ...overrides
  }
}

describe('keychain requests from the core', () => {
  it('encrypts and decrypts with safeStorage', () => {
    const safe = fakeSafeStorage()
    const sealed = answerSecretRequest({ type: 'secret-request', id: 1, op: 'encrypt', value: 'sk-abc' }, safe)
    expect(sealed).toMatchObject({ id: 1, ok: true })
    const value = (sealed as { value: Uint8Array }).value
    expect(Buffer.from(value).toString()).not.toContain('sk-abc')
    expect(answerSecretRequest({ type: 'secret-request', id: 2, op: 'decrypt', value }, safe)).toEqual({ type: 'secret-reply', id: 2, ok: true, value: 'sk-abc' })
  })

  it('says what to do when a key cannot be decrypted, without the key or the bytes in the message', () => {
    const safe = fakeSafeStorage({
      decryptString: () => {
        throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString. sk-secret')
      }
    })
    const reply = answerSecretRequest({ type: 'secret-request', id: 3, op: 'decrypt', value: new Uint8Array([1, 2]) }, safe)
    expect(reply).toMatchObject({ ok: false, error: expect.stringContaining('Enter it again in Settings') as unknown })
    expect(JSON.stringify(reply)).not.toContain('sk-secret')
  })

  it('reports the plain-text fallback on Linux so the UI can warn', () => {
    expect(keyStorageOf(fakeSafeStorage())).toBe('os')
    expect(keyStorageOf(fakeSafeStorage({ getSelectedStorageBackend: () => 'basic_text' }))).toBe('plaintext')
    expect(keyStorageOf(fakeSafeStorage({ isEncryptionAvailable: () => false }))).toBe('plaintext')
    expect(answerSecretRequest({ type: 'secret-request', id: 4, op: 'encrypt', value: 'k' }, fakeSafeStorage({ isEncryptionAvailable: () => false }))).toMatchObject({ ok: false })
  })
})
