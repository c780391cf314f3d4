import type { z } from 'zod'
import type { KeyStorageSchema } from '../../../shared/contracts/ai'

export type KeyStorage = z.infer<typeof KeyStorageSchema>

/**
 * Encrypts and decrypts API keys with the operating system's keychain. The core never holds
 * a key in clear except in memory, to send it to its provider.
 */
export interface SecretBox {
  /** 'plaintext' when the OS offers no keychain (Linux without a keyring): the UI warns. */
  readonly storage: Exclude<KeyStorage, 'environment'>
  encrypt(plain: string): Promise<Uint8Array>
  decrypt(encrypted: Uint8Array): Promise<string>
}
