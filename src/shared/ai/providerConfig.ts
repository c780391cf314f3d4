import { z } from 'zod'

export const CloudKindSchema = z.enum(['openai-compatible', 'anthropic'])
export type CloudKind = z.infer<typeof CloudKindSchema>

export const ProviderIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'a provider id is 1 to 40 lowercase letters, digits or "-"')

/** The built-in providers that need no configuration; user providers cannot take these ids. */
export const RULES_PROVIDER_ID = 'rules'
export const LOCAL_PROVIDER_ID = 'local'

/** One cloud provider as the user (or the headless providers file) configures it. Never holds the key itself. */
export const ProviderConfigSchema = z.object({
  id: ProviderIdSchema.refine((id) => id !== RULES_PROVIDER_ID && id !== LOCAL_PROVIDER_ID, 'that id is reserved'),
  label: z.string().trim().min(1).max(60),
  kind: CloudKindSchema,
  baseUrl: z.url({ protocol: /^https?$/, error: 'the base URL must be an http or https address' }),
  model: z.string().trim().min(1).max(200),
  /** Headless mode: the environment variable that holds the API key. */
  apiKeyEnv: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment variable name')
    .optional(),
  /** Tokens (input + output) per calendar month after which requests go to the next provider. */
  monthlyTokenCap: z.number().int().positive().optional(),
  /**
   * The model can see images (GPT-4o, Claude 3 and later, LLaVA…): alt text may be asked of it,
   * with the image attached. Absent means false: the image is never sent to this provider.
   */
  vision: z.boolean().optional()
})
export type ProviderConfig = z.infer<typeof ProviderConfigSchema>
