import type { Database } from 'better-sqlite3'
import { ProviderConfigSchema, type ProviderConfig } from '../../../shared/ai/providerConfig'

export interface StoredProvider {
  config: ProviderConfig
  /** The API key as the OS keychain encrypted it; the clear key is never stored. */
  encryptedKey: Uint8Array | null
}

export interface MonthUsage {
  providerId: string
  month: string
  inputTokens: number
  outputTokens: number
}

/** "2026-11" for a time, in UTC so every machine in a team counts the same month. */
export function monthOf(time: number): string {
  return new Date(time).toISOString().slice(0, 7)
}

/** The AI tables of the workspace database: configured providers and token use. */
export class AiStore {
  private readonly statements

  constructor(db: Database) {
    this.statements = {
      all: db.prepare<[], { config: string; encrypted_key: Buffer | null }>('SELECT config, encrypted_key FROM ai_providers ORDER BY position, id'),
      upsert: db.prepare<[string, number, string, Uint8Array | null]>(
        `INSERT INTO ai_providers (id, position, config, encrypted_key) VALUES (?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET config = excluded.config, encrypted_key = excluded.encrypted_key`
      ),
      nextPosition: db.prepare<[], number>('SELECT coalesce(max(position), -1) + 1 FROM ai_providers').pluck(),
      remove: db.prepare<[string]>('DELETE FROM ai_providers WHERE id = ?'),
      addUsage: db.prepare<[string, string, number, number]>(
        `INSERT INTO ai_usage (provider_id, month, input_tokens, output_tokens) VALUES (?, ?, ?, ?)
         ON CONFLICT (provider_id, month) DO UPDATE SET
           input_tokens = input_tokens + excluded.input_tokens, output_tokens = output_tokens + excluded.output_tokens`
      ),
      usage: db.prepare<[string], { provider_id: string; month: string; input_tokens: number; output_tokens: number }>(
        'SELECT provider_id, month, input_tokens, output_tokens FROM ai_usage WHERE month = ? ORDER BY provider_id'
      )
    }
  }

  /** Providers in chain order. A row that no longer fits the schema (hand-edited, older) is skipped. */
  providers(): StoredProvider[] {
    return this.statements.all.all().flatMap((row) => {
      const parsed = ProviderConfigSchema.safeParse(parseJson(row.config))
      if (!parsed.success) return []
      const key = row.encrypted_key
      return [{ config: parsed.data, encryptedKey: key ? new Uint8Array(key.buffer, key.byteOffset, key.byteLength) : null }]
    })
  }

  /** Adds a provider at the end of the order, or replaces one in place. */
  save(provider: StoredProvider): void {
    // A replaced provider keeps its position: the upsert leaves it alone.
    this.statements.upsert.run(provider.config.id, this.statements.nextPosition.get() ?? 0, JSON.stringify(provider.config), provider.encryptedKey)
  }

  remove(providerId: string): boolean {
    return this.statements.remove.run(providerId).changes === 1
  }

  addUsage(providerId: string, time: number, inputTokens: number, outputTokens: number): void {
    this.statements.addUsage.run(providerId, monthOf(time), inputTokens, outputTokens)
  }

  usage(month: string): MonthUsage[] {
    return this.statements.usage.all(month).map((row) => ({
      providerId: row.provider_id,
      month: row.month,
      inputTokens: row.input_tokens,
      outputTokens: row.output_tokens
    }))
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
