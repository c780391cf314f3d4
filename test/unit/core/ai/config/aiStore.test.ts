import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { AiStore, monthOf } from '../../../../../src/core/ai/config/aiStore'
import { storedConfigSource } from '../../../../../src/core/ai/config/storedConfigSource'
import type { SecretBox } from '../../../../../src/core/ai/config/secretBox'
import { SettingsStore } from '../../../../../src/core/settings/settingsStore'
import { migrate } from '../../../../../src/core/storage/migrate'
import { migrations } from '../../../../../src/core/storage/migrations'
import type { ProviderConfig } from '../../../../../src/shared/ai/providerConfig'

function stores() {
  const db = new Database(':memory:')
  migrate(db, migrations)
  return { db, ai: new AiStore(db), settings: new SettingsStore(db) }
}

/** A stand-in keychain: reversible, and visibly not the clear key. */
const keychain: SecretBox = {
  storage: 'os',
  encrypt: (plain) => Promise.resolve(new TextEncoder().encode(`sealed(${[...plain].reverse().join('')})`)),
  decrypt: (sealed) => Promise.resolve([...new TextDecoder().decode(sealed).slice(7, -1)].reverse().join(''))
}

const groq: ProviderConfig = { id: 'groq', label: 'Groq', kind: 'openai-compatible', baseUrl: 'https://api.groq.com/openai/v1', model: 'llama-3.1-8b-instant' }
const claude: ProviderConfig = { id: 'claude', label: 'Claude', kind: 'anthropic', baseUrl: 'https://api.anthropic.com', model: 'claude-3-5-haiku-latest' }

describe('AI settings in the workspace database', () => {
  it('stores only the keychain-encrypted key, keeps order, and replaces a provider in place', async () => {
    const { db, ai, settings } = stores()
    const source = storedConfigSource({ stores: () => ({ ai, settings }), secrets: keychain })
    await source.save(groq, 'gsk_live_secret')
    await source.save(claude, 'sk-ant-secret')
    await source.save({ ...groq, model: 'llama-3.3-70b' }, undefined)
    expect(source.list().map((p) => [p.config.id, p.config.model, p.hasKey])).toEqual([
      ['groq', 'llama-3.3-70b', true],
      ['claude', 'claude-3-5-haiku-latest', true]
    ])
    expect(await source.apiKey(groq)).toBe('gsk_live_secret')
    const everything = JSON.stringify(db.prepare('SELECT * FROM ai_providers').all()) + Buffer.concat(db.prepare('SELECT encrypted_key FROM ai_providers').pluck().all() as Buffer[]).toString()
    expect(everything).not.toContain('gsk_live_secret')
    expect(everything).not.toContain('sk-ant-secret')

    await source.save(groq, '')
    expect(source.list()[0]?.hasKey).toBe(false)
    expect(source.remove('claude')).toBe(true)
    expect(source.remove('claude')).toBe(false)
    expect(source.list().map((p) => p.config.id)).toEqual(['groq'])
  })

  it('keeps chains in the settings and counts token use per provider and month', () => {
    const { ai, settings } = stores()
    const source = storedConfigSource({ stores: () => ({ ai, settings }), secrets: keychain })
    expect(source.setChains({ rewrite: ['claude', 'rules'] }).chains).toEqual({ rewrite: ['claude', 'rules'] })
    expect(source.policy().chains).toEqual({ rewrite: ['claude', 'rules'] })
    const november = Date.UTC(2026, 10, 22)
    ai.addUsage('groq', november, 100, 50)
    ai.addUsage('groq', november, 10, 5)
    ai.addUsage('groq', Date.UTC(2026, 9, 31), 1, 1)
    expect(ai.usage(monthOf(november))).toEqual([{ providerId: 'groq', month: '2026-11', inputTokens: 110, outputTokens: 55 }])
  })

  it('skips a stored provider that no longer fits the schema instead of failing', () => {
    const { db, ai } = stores()
    db.prepare("INSERT INTO ai_providers (id, position, config, encrypted_key) VALUES ('bad', 0, '{\"id\":\"bad\"}', NULL)").run()
    ai.save({ config: groq, encryptedKey: null })
    expect(ai.providers().map((p) => p.config.id)).toEqual(['groq'])
  })

  it('in headless mode without a keychain, refuses to store a key and reads it from the named variable', async () => {
    const { ai, settings } = stores()
    const source = storedConfigSource({ stores: () => ({ ai, settings }), env: { GROQ_KEY: 'gsk_env' } })
    expect(source.keyStorage).toBe('environment')
    await expect(source.save(groq, 'gsk_typed')).rejects.toThrow(/environment variables/)
    await source.save({ ...groq, apiKeyEnv: 'GROQ_KEY' }, undefined)
    expect(source.list()[0]?.hasKey).toBe(true)
    expect(await source.apiKey({ ...groq, apiKeyEnv: 'GROQ_KEY' })).toBe('gsk_env')
  })
})
