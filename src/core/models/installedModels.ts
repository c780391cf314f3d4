import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

// Which models are installed in the models folder. A model is a folder in the Hugging Face
// layout (config.json, tokenizer files, onnx/*.onnx) at `<modelsDir>/<id>`, where the id is one
// folder ("tiny-text") or two ("HuggingFaceTB/SmolLM2-135M-Instruct"). Until the model catalog
// exists, what a model does is read from its config.json.

/** model_type values of causal language models that transformers.js runs as text generation. */
const TEXT_GENERATION_MODEL_TYPES: ReadonlySet<string> = new Set([
  'gpt2', 'gpt_neo', 'gpt_neox', 'gptj', 'gpt_bigcode', 'codegen', 'bloom', 'mpt', 'opt', 'falcon', 'stablelm',
  'llama', 'mistral', 'mixtral', 'qwen2', 'qwen3', 'phi', 'phi3', 'gemma', 'gemma2', 'gemma3_text', 'granite',
  'olmo', 'olmo2', 'smollm3', 'cohere', 'starcoder2', 'exaone', 'helium', 'glm', 'lfm2', 'ernie4_5'
])

/** The path of a model's folder; the id is relative and checked by the caller (ModelIdSchema). */
export function modelFolder(modelsDir: string, modelId: string): string {
  return join(modelsDir, ...modelId.split('/'))
}

/** Whether the folder holds a model config at all (the cheap "is it installed" check). */
export function isModelInstalled(modelsDir: string, modelId: string): boolean {
  return existsSync(join(modelFolder(modelsDir, modelId), 'config.json'))
}

/** Whether a config.json describes a model that generates text. */
export function isTextGenerationConfig(config: unknown): boolean {
  if (typeof config !== 'object' || config === null) return false
  const { model_type: modelType, architectures } = config as { model_type?: unknown; architectures?: unknown }
  if (typeof modelType === 'string' && TEXT_GENERATION_MODEL_TYPES.has(modelType)) return true
  return Array.isArray(architectures) && architectures.some((name) => typeof name === 'string' && /(ForCausalLM|LMHeadModel)$/.test(name))
}

function readConfig(folder: string): unknown {
  try {
    return JSON.parse(readFileSync(join(folder, 'config.json'), 'utf8')) as unknown
  } catch {
    return undefined
  }
}

function subfolders(folder: string): string[] {
  try {
    return readdirSync(folder, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
      .map((entry) => entry.name)
      .sort()
  } catch {
    return []
  }
}

/** The installed text-generation model ids, in name order: folders one or two levels deep. */
export function installedTextModels(modelsDir: string): string[] {
  const found: string[] = []
  for (const name of subfolders(modelsDir)) {
    const folder = join(modelsDir, name)
    if (existsSync(join(folder, 'config.json'))) {
      if (isTextGenerationConfig(readConfig(folder))) found.push(name)
      continue
    }
    for (const inner of subfolders(folder)) {
      if (isTextGenerationConfig(readConfig(join(folder, inner)))) found.push(`${name}/${inner}`)
    }
  }
  return found
}

/** The model the local provider uses: for now the first installed text-generation model. */
export function defaultTextModel(modelsDir: string): string | undefined {
  return installedTextModels(modelsDir)[0]
}
