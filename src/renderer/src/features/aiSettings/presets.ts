import type { CloudKind } from '../../../../shared/ai/providerConfig'

/** Where the common services live, to fill the form; any OpenAI-compatible address works. */
export const PROVIDER_PRESETS: { name: string; kind: CloudKind; baseUrl: string; model: string }[] = [
  { name: 'OpenAI', kind: 'openai-compatible', baseUrl: 'https://api.openai.com/v1', model: 'gpt-4o-mini' },
  { name: 'Anthropic', kind: 'anthropic', baseUrl: 'https://api.anthropic.com', model: 'claude-3-5-haiku-latest' },
  { name: 'OpenRouter', kind: 'openai-compatible', baseUrl: 'https://openrouter.ai/api/v1', model: 'openai/gpt-4o-mini' },
  { name: 'Groq', kind: 'openai-compatible', baseUrl: 'https://api.groq.com/openai/v1', model: 'llama-3.1-8b-instant' },
  { name: 'Mistral', kind: 'openai-compatible', baseUrl: 'https://api.mistral.ai/v1', model: 'mistral-small-latest' },
  { name: 'Ollama (this computer)', kind: 'openai-compatible', baseUrl: 'http://localhost:11434/v1', model: 'llama3.2' },
  { name: 'LM Studio (this computer)', kind: 'openai-compatible', baseUrl: 'http://localhost:1234/v1', model: 'local-model' },
  { name: 'llama.cpp server', kind: 'openai-compatible', baseUrl: 'http://localhost:8080/v1', model: 'default' },
  { name: 'vLLM', kind: 'openai-compatible', baseUrl: 'http://localhost:8000/v1', model: 'default' }
]

/** A provider id made from its name: "Office vLLM" → "office-vllm". */
export function idFromLabel(label: string, taken: ReadonlySet<string>): string {
  const base = label.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 30) || 'provider'
  const safe = base === 'rules' || base === 'local' ? `${base}-cloud` : base
  let id = safe
  for (let n = 2; taken.has(id); n++) id = `${safe}-${n}`
  return id
}
