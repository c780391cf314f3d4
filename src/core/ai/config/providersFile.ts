import { readFileSync } from 'node:fs'
import { z } from 'zod'
import { ProviderConfigSchema, type ProviderConfig } from '../../../shared/ai/providerConfig'
import { RouterPolicySchema, DEFAULT_ROUTER_POLICY, type RouterPolicy } from '../../../shared/ai/routerPolicy'

/**
 * Headless mode's AI configuration: `npm run headless -- --providers FILE`. Keys are never in
 * the file, only the names of the environment variables that hold them.
 *
 *   { "providers": [{ "id": "openai", "label": "OpenAI", "kind": "openai-compatible",
 *       "baseUrl": "https://api.openai.com/v1", "model": "gpt-4o-mini", "apiKeyEnv": "OPENAI_API_KEY" }],
 *     "policy": { "chains": { "rewrite": ["openai", "rules"] } } }
 *
 * `policy` is optional; what it gives replaces the defaults section by section (a section is
 * replaced whole, so it must be complete).
 */
const ProvidersFileSchema = z.strictObject({
  providers: z.array(ProviderConfigSchema).refine((list) => new Set(list.map((p) => p.id)).size === list.length, 'provider ids must be unique'),
  policy: z.record(z.string(), z.unknown()).optional()
})

export interface ProvidersFile {
  providers: ProviderConfig[]
  policy: RouterPolicy
}

export class ProvidersFileError extends Error {
  override readonly name = 'ProvidersFileError'
}

export function readProvidersFile(path: string): ProvidersFile {
  let json: unknown
  try {
    json = JSON.parse(readFileSync(path, 'utf8'))
  } catch (error) {
    throw new ProvidersFileError(`The providers file ${path} could not be read: ${error instanceof Error ? error.message : String(error)}`)
  }
  const file = ProvidersFileSchema.safeParse(json)
  if (!file.success) throw new ProvidersFileError(`The providers file ${path} is not valid: ${z.prettifyError(file.error)}`)
  const policy = RouterPolicySchema.safeParse({ ...DEFAULT_ROUTER_POLICY, ...file.data.policy })
  if (!policy.success) throw new ProvidersFileError(`The policy in ${path} is not valid: ${z.prettifyError(policy.error)}`)
  return { providers: file.data.providers, policy: policy.data }
}
