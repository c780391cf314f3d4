import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { LocalProvider } from '../../src/core/ai/providers/localProvider'
import { InferenceHost } from '../../src/core/models/inference/inferenceHost'
import { writeTinyTextModel } from '../../test/fixtures/tinyModels'
import { requireBuild } from './benchHeadless'

const INFERENCE_WORKER = resolve(import.meta.dirname, '../../out/main/inference-worker.js')

/**
 * The app's local provider answering with the tiny model (which writes `sentence` whatever it is
 * asked), in the built inference worker thread as the app runs it, loaded before it returns.
 */
export async function startTinyLocalProvider(sentence: string): Promise<{ provider: LocalProvider; close: () => Promise<void> }> {
  requireBuild()
  const modelsDir = mkdtempSync(join(tmpdir(), 'holdfast-bench-models-'))
  const { modelId } = await writeTinyTextModel(modelsDir, { sentence })
  const host = new InferenceHost({ modelsDir, workerScript: INFERENCE_WORKER })
  const provider = new LocalProvider({ host, modelId })
  for await (const text of provider.stream({ messages: [{ role: 'user', content: 'Hello' }], maxTokens: 1 }, { signal: AbortSignal.timeout(60_000), connectTimeoutMs: 0 })) {
    if (text) break
  }
  return {
    provider,
    close: async () => {
      await host.close()
      rmSync(modelsDir, { recursive: true, force: true })
    }
  }
}
