/** Images fetched from teammates, announced to whatever shows them (the editor's image view). */
const listeners = new Set<(hash: string) => void>()

export function onBlobArrived(listener: (hash: string) => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function blobArrived(hash: string): void {
  for (const listener of listeners) listener(hash)
}
