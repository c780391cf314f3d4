import type { CoreHostMessage, SecretRequest } from '../shared/coreHostMessages'

/** The part of Electron's safeStorage used here (a fake in tests). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean
  encryptString(plain: string): Buffer
  decryptString(encrypted: Buffer): string
  getSelectedStorageBackend?(): string
}

/**
 * 'plaintext' when Electron would store keys with its fallback obfuscation (Linux with no
 * keyring, the "basic_text" backend), so the UI can warn that they are not really protected.
 */
export function keyStorageOf(safeStorage: SafeStorageLike): 'os' | 'plaintext' {
  if (!safeStorage.isEncryptionAvailable()) return 'plaintext'
  return safeStorage.getSelectedStorageBackend?.() === 'basic_text' ? 'plaintext' : 'os'
}

/** Answers the core's keychain request. Error messages never contain the key. */
export function answerSecretRequest(request: SecretRequest, safeStorage: SafeStorageLike): CoreHostMessage {
  try {
    if (!safeStorage.isEncryptionAvailable()) {
      return { type: 'secret-reply', id: request.id, ok: false, error: 'This computer offers no way to encrypt API keys.' }
    }
    const value =
      request.op === 'encrypt'
        ? new Uint8Array(safeStorage.encryptString(request.value))
        : safeStorage.decryptString(Buffer.from(request.value))
    return { type: 'secret-reply', id: request.id, ok: true, value }
  } catch {
    return {
      type: 'secret-reply',
      id: request.id,
      ok: false,
      error: request.op === 'encrypt' ? 'The keychain refused to encrypt the key.' : 'A stored API key could not be decrypted (was it saved on another computer or user account?). Enter it again in Settings.'
    }
  }
}
