import { chmodSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { SecretBox } from '../../ai/config/secretBox'
import { TEAM_KEY_BYTES } from './teamSecrets'

/** Where a team key lives: never in the database in clear. */
export interface TeamKeyVault {
  /** Keeps the key; returns what the database row should hold (the keychain's ciphertext), if anything. */
  save(workspaceId: string, key: Uint8Array): Promise<Uint8Array | null>
  load(workspaceId: string, stored: Uint8Array | null): Promise<Uint8Array>
  /** Keeps the TURN password; returns what the database should hold, as for the key. */
  saveTurnPassword(workspaceId: string, password: string): Promise<Uint8Array | null>
  /** The TURN password, or null when none was saved. */
  loadTurnPassword(workspaceId: string, stored: Uint8Array | null): Promise<string | null>
  /** Removes the key and the TURN password. */
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
    saveTurnPassword: (_workspaceId, password) => secrets.encrypt(password),
    loadTurnPassword: async (_workspaceId, stored) => (stored ? await secrets.decrypt(stored) : null),
    forget: () => undefined
  }
}

/** Headless mode (no keychain): a file only its owner can read, next to the database. */
export function fileVault(dataDir: string): TeamKeyVault {
  const keyFile = (workspaceId: string): string => join(dataDir, `team-${workspaceId}.key`)
  const turnFile = (workspaceId: string): string => join(dataDir, `team-${workspaceId}.turn`)
  return {
    save: (workspaceId, key) => {
      writePrivate(keyFile(workspaceId), Buffer.from(key).toString('base64'))
      return Promise.resolve(null)
    },
    load: (workspaceId) => Promise.resolve(checkedKey(new Uint8Array(Buffer.from(readFileSync(keyFile(workspaceId), 'utf8').trim(), 'base64')))),
    saveTurnPassword: (workspaceId, password) => {
      writePrivate(turnFile(workspaceId), Buffer.from(password).toString('base64'))
      return Promise.resolve(null)
    },
    loadTurnPassword: (workspaceId) => {
      const file = turnFile(workspaceId)
      return Promise.resolve(existsSync(file) ? Buffer.from(readFileSync(file, 'utf8').trim(), 'base64').toString() : null)
    },
    forget: (workspaceId) => {
      rmSync(keyFile(workspaceId), { force: true })
      rmSync(turnFile(workspaceId), { force: true })
    }
  }
}

/** Writes a file only its owner can read, whole or not at all. */
function writePrivate(file: string, text: string): void {
  writeFileSync(`${file}.tmp`, text, { mode: 0o600 })
  chmodSync(`${file}.tmp`, 0o600)
  renameSync(`${file}.tmp`, file)
}
