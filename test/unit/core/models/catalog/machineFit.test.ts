import { describe, expect, it } from 'vitest'
import { bundledCatalog } from '../../../../../src/core/models/catalog/bundledCatalog'
import { recommendedModels, SLOW_CPU_PROBE_MS } from '../../../../../src/core/models/catalog/machineFit'

const catalog = bundledCatalog()
const FAST = 15

describe('recommendedModels', () => {
  it('gives a 16 GB laptop Qwen2.5 0.5B for writing, MiniLM for search and ViT-GPT2 for alt text', () => {
    const picked = recommendedModels(catalog, { totalMemoryMb: 16_384, cpuProbeMs: FAST })
    expect(picked.chat?.id).toBe('onnx-community/Qwen2.5-0.5B-Instruct')
    expect(picked.embeddings?.id).toBe('Xenova/all-MiniLM-L6-v2')
    expect(picked.captioning?.id).toBe('Xenova/vit-gpt2-image-captioning')
  })

  it('gives a 4 GB machine a smaller chat model, and a 2 GB one the smallest', () => {
    expect(recommendedModels(catalog, { totalMemoryMb: 4096, cpuProbeMs: FAST }).chat?.id).toBe('HuggingFaceTB/SmolLM2-360M-Instruct')
    expect(recommendedModels(catalog, { totalMemoryMb: 2048, cpuProbeMs: FAST }).chat?.id).toBe('HuggingFaceTB/SmolLM2-135M-Instruct')
  })

  it('steps one size down when the speed probe is slow', () => {
    expect(recommendedModels(catalog, { totalMemoryMb: 16_384, cpuProbeMs: SLOW_CPU_PROBE_MS + 1 }).chat?.id).toBe('HuggingFaceTB/SmolLM2-360M-Instruct')
  })

  it('still offers the smallest chat model on a machine below every threshold', () => {
    expect(recommendedModels(catalog, { totalMemoryMb: 512, cpuProbeMs: FAST }).chat?.id).toBe('HuggingFaceTB/SmolLM2-135M-Instruct')
  })
})

describe('the bundled catalog', () => {
  it('names the tasks the issue lists, with q4 or q8 weights only (fp16 runs poorly on CPU)', () => {
    const tasks = new Set(catalog.models.map((m) => m.task))
    expect([...tasks].sort()).toEqual(['captioning', 'chat', 'embeddings'])
    for (const model of catalog.models) {
      expect(['q4', 'q8']).toContain(model.dtype)
      expect(model.files.some((f) => f.path.startsWith('onnx/') && !f.path.includes('fp16'))).toBe(true)
    }
  })
})
