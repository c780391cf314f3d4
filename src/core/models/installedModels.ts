import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ModelTask } from '../../shared/models/catalog'
import { readInstallManifest } from './installManifest'

// Which models are installed in the models folder. A model is a folder in the Hugging Face
// layout (config.json, tokenizer files, onnx/*.onnx) at `<modelsDir>/<id>`, where the id is one
// folder ("tiny-text") or two ("HuggingFaceTB/SmolLM2-135M-Instruct"). What a model does comes
// from its install manifest (holdfast-model.json) when Holdfast installed it, else from its
// config.json (a folder copied in by hand, or a test model).

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

/** model_type values of encoders that transformers.js runs as feature extraction (sentence embeddings). */
const EMBEDDING_MODEL_TYPES: ReadonlySet<string> = new Set(['bert', 'mpnet', 'xlm-roberta', 'distilbert', 'roberta', 'nomic_bert', 'modernbert'])

/** What an installed model folder is for, or undefined when Holdfast cannot use it. */
export function installedModelTask(folder: string): ModelTask | undefined {
  const manifest = readInstallManifest(folder)
  if (manifest) return manifest.task
  const config = readConfig(folder)
  if (isTextGenerationConfig(config)) return 'chat'
  const modelType = (config as { model_type?: unknown } | undefined)?.model_type
  if (typeof modelType === 'string' && EMBEDDING_MODEL_TYPES.has(modelType)) return 'embeddings'
  if (modelType === 'vision-encoder-decoder') return 'captioning'
  return undefined
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

/** Every installed model Holdfast can use, with its task, in id order: folders one or two levels deep. */
export function installedModels(modelsDir: string): { id: string; task: ModelTask }[] {
  const found: { id: string; task: ModelTask }[] = []
  const visit = (id: string): void => {
    const task = installedModelTask(modelFolder(modelsDir, id))
    if (task) found.push({ id, task })
  }
  for (const name of subfolders(modelsDir)) {
    if (existsSync(join(modelsDir, name, 'config.json'))) visit(name)
    else for (const inner of subfolders(join(modelsDir, name))) visit(`${name}/${inner}`)
  }
  return found
}

/** The installed text-generation model ids, in id order. */
export function installedTextModels(modelsDir: string): string[] {
  return installedModels(modelsDir)
    .filter((model) => model.task === 'chat')
    .map((model) => model.id)
}

/** The model semantic search embeds with: one Holdfast installed for embeddings first, else any encoder folder. */
export function installedEmbeddingModel(modelsDir: string): string | undefined {
  const ids = installedModels(modelsDir)
    .filter((model) => model.task === 'embeddings')
    .map((model) => model.id)
  return ids.find((id) => readInstallManifest(modelFolder(modelsDir, id)) !== undefined) ?? ids[0]
}
