import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fileConfigSource } from '../../../../../src/core/ai/config/fileConfigSource'
import { readProvidersFile } from '../../../../../src/core/ai/config/providersFile'
import type { ProviderConfig } from '../../../../../src/shared/ai/providerConfig'
import { DEFAULT_ROUTER_POLICY } from '../../../../../src/shared/ai/routerPolicy'
import { useTempDirs } from '../../../../support/tempDir'

const tempDir = useTempDirs()

function fileWith(content: unknown): string {
  const path = join(tempDir(), 'providers.json')
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content))
  return path
}

const openai: ProviderConfig = { id: 'openai', label: 'OpenAI', kind: 'openai-compatible', baseUrl: 'https://api.openai.com/v1', model: 'gpt-4o-mini', apiKeyEnv: 'OPENAI_API_KEY' }

describe('the headless providers file', () => {
  it('reads providers and keeps the default policy for sections it does not give', () => {
    const file = readProvidersFile(fileWith({ providers: [openai], policy: { chains: { rewrite: ['openai', 'rules'] } } }))
    expect(file.providers).toEqual([openai])
    expect(file.policy).toEqual({ ...DEFAULT_ROUTER_POLICY, chains: { rewrite: ['openai', 'rules'] } })
  })

  it('takes keys from the environment variables it names, never from the file, and cannot be edited', async () => {
    const source = fileConfigSource(readProvidersFile(fileWith({ providers: [openai] })), { OPENAI_API_KEY: 'sk-from-env' })
    expect(source.list()).toEqual([{ config: openai, hasKey: true }])
    expect(await source.apiKey(openai)).toBe('sk-from-env')
    expect(source.editable).toBe(false)
    expect(source.keyStorage).toBe('environment')
    await expect(source.save(openai, 'sk-new')).rejects.toThrow(/providers file/)
    expect(() => source.remove('openai')).toThrow(/providers file/)
  })

  it('says what is wrong with a file it cannot use', () => {
    expect(() => readProvidersFile(join(tempDir(), 'missing.json'))).toThrow(/could not be read/)
    expect(() => readProvidersFile(fileWith('{ not json'))).toThrow(/could not be read/)
    expect(() => readProvidersFile(fileWith({ providers: [{ ...openai, baseUrl: 'ftp://x' }] }))).toThrow(/not valid.*http or https/s)
    expect(() => readProvidersFile(fileWith({ providers: [openai, openai] }))).toThrow(/unique/)
    expect(() => readProvidersFile(fileWith({ providers: [{ ...openai, id: 'rules' }] }))).toThrow(/reserved/)
    expect(() => readProvidersFile(fileWith({ providers: [openai], apiKey: 'sk-in-file' }))).toThrow(/not valid/)
    expect(() => readProvidersFile(fileWith({ providers: [], policy: { timeouts: { connectMs: -1 } } }))).toThrow(/policy/)
  })
})
