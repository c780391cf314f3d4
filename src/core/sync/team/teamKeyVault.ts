import { chmodSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { SecretBox } from '../../ai/config/secretBox'
import { TEAM_KEY_BYTES } from './teamSecrets'

/** Where a team key lives: never in the database in clear. */
export interface TeamKeyVault {
  /** Keeps the key; returns what the database row should hold (the keychain's ciphertext), if anything. */
  save(workspaceId: string, key: Uint8Array): Promise<Uint8Array | null>
  load(workspaceId: string, stored: Uint8Array | null): Promise<Uint8Array>
  forget(workspaceId: string): void
}

function checkedKey(key: Uint8Array): Uint8Array {
  if (key.byteLength !== TEAM_KEY_BYTES) throw new Error('The stored team key has the wrong length.')
  return key
}

/** The app: the OS keychain encrypts the key; the ciphertext goes into the team row. */
export function keychainVault(secrets: SecretBox): TeamKeyVault {
  return {
    save: (_workspaceId, key) => secrets.encrypt(Buffer.from(key).toString('base64')),
    load: async (_workspaceId, stored) => {
      if (!stored) throw new Error('The team key is missing from the database.')
      return checkedKey(new Uint8Array(Buffer.from(await secrets.decrypt(stored), 'base64')))
    },
    forget: () => undefined
  }
}

/** Headless mode (no keychain): a file only its owner can read, next to the database. */
export function fileVault(dataDir: string): TeamKeyVault {
  const fileOf = (workspaceId: string): string => join(dataDir, `team-${workspaceId}.key`)
  return {
    save: (workspaceId, key) => {
      const file = fileOf(workspaceId)
      writeFileSync(`${file}.tmp`, Buffer.from(key).toString('base64'), { mode: 0o600 })
      chmodSync(`${file}.tmp`, 0o600)
      renameSync(`${file}.tmp`, file)
      return Promise.resolve(null)
    },
    load: (workspaceId) => Promise.resolve(checkedKey(new Uint8Array(Buffer.from(readFileSync(fileOf(workspaceId), 'utf8').trim(), 'base64')))),
    forget: (workspaceId) => rmSync(fileOf(workspaceId), { force: true })
  }
}
