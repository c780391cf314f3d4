import { mkdir, rename, rm } from 'node:fs/promises'
import { dirname } from 'node:path'

/**
 * Moves a complete model folder from staging into place. An installed model at `target` is
 * replaced only now: it is renamed aside, the new one renamed in, then the old one removed, so
 * at every moment `target` is either the old model or the new one, never half of either.
 * `aside` is a free path on the same disk (under the staging folder).
 */
export async function installStaged(staged: string, target: string, aside: string): Promise<void> {
  await mkdir(dirname(target), { recursive: true })
  const replacing = await rename(target, aside).then(
    () => true,
    (error: unknown) => {
      if (isMissing(error)) return false
      throw error
    }
  )
  try {
    await rename(staged, target)
  } catch (error) {
    if (replacing) await rename(aside, target)
    throw error
  }
  // The new model is in place whatever happens now; an old copy left in staging only takes space.
  if (replacing) await rm(aside, { recursive: true, force: true }).catch(() => undefined)
}

function isMissing(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT'
}
