import type { Catalog, CatalogModel, ModelTask } from '../../../shared/models/catalog'

// Which models suit this machine: the first chat model in catalog order whose working memory fits
// in a share of the computer's memory, one size smaller when the CPU probe is slow; the other
// tasks have one model each.

export interface MachineProfile {
  totalMemoryMb: number
  /** Time of the CPU probe (cpuProbe.ts); larger is slower. */
  cpuProbeMs: number
}

/** A chat model may use at most this share of the machine's memory, leaving room for the app and the user's other work. */
const MEMORY_SHARE = 0.25
/** Probe times above this (4× a 2-core cloud VM, 15 ms) mean a smaller chat model answers at a usable speed. */
export const SLOW_CPU_PROBE_MS = 60

export function recommendedModels(catalog: Catalog, machine: MachineProfile): Record<ModelTask, CatalogModel | undefined> {
  const byTask = (task: ModelTask): CatalogModel[] => catalog.models.filter((model) => model.task === task)
  const chat = byTask('chat')
  const fitting = chat.filter((model) => model.minMemoryMb <= machine.totalMemoryMb * MEMORY_SHARE)
  const slow = machine.cpuProbeMs > SLOW_CPU_PROBE_MS
  const chosenChat = (slow ? fitting[1] ?? fitting[0] : fitting[0]) ?? chat.at(-1)
  return { chat: chosenChat, embeddings: byTask('embeddings')[0], captioning: byTask('captioning')[0] }
}
