// Why a model pack could not be imported or exported, in words for the person who chose it.

export type ModelPackErrorKind = 'not-a-pack' | 'hash-mismatch' | 'unsafe' | 'missing-file' | 'io'

export class ModelPackError extends Error {
  override readonly name = 'ModelPackError'

  constructor(
    readonly kind: ModelPackErrorKind,
    message: string
  ) {
    super(message)
  }
}

export const NOTHING_INSTALLED = 'Nothing was installed.'
export const NO_PACK_WRITTEN = 'No pack was written.'

export function notAPack(problem: string): ModelPackError {
  return new ModelPackError(
    'not-a-pack',
    `This is not a Holdfast model pack: ${problem}. Choose a folder or .zip made with “Export model…”. ${NOTHING_INSTALLED}`
  )
}

export function unsafePack(problem: string): ModelPackError {
  return new ModelPackError('unsafe', `Holdfast does not import this pack: ${problem}. ${NOTHING_INSTALLED}`)
}

export function packFileMismatch(path: string): ModelPackError {
  return new ModelPackError(
    'hash-mismatch',
    `${path} does not match the hash in the pack; nothing was installed. The pack is damaged or was changed: export it again from a sound copy.`
  )
}

export function packFileMissing(path: string): ModelPackError {
  return new ModelPackError('missing-file', `The pack lists ${path} but does not hold it. Export the pack again. ${NOTHING_INSTALLED}`)
}

/** An unexpected failure of the disk, with what was being done and what it means. */
export function packIo(doing: string, error: unknown, outcome: string): ModelPackError {
  const reason = error instanceof Error ? error.message : String(error)
  return new ModelPackError('io', `Holdfast could not ${doing} (${reason}). ${outcome}`)
}

export function notInstalled(modelId: string): ModelPackError {
  return new ModelPackError(
    'missing-file',
    `${modelId} has no holdfast-model.json, so Holdfast cannot tell which files make it or check them. Download it again, then export it. ${NO_PACK_WRITTEN}`
  )
}

export function installedFileMissing(modelId: string, path: string): ModelPackError {
  return new ModelPackError('missing-file', `${path} of ${modelId} is missing: the install is damaged. Download the model again, then export it. ${NO_PACK_WRITTEN}`)
}

export function installedFileMismatch(modelId: string, path: string): ModelPackError {
  return new ModelPackError(
    'hash-mismatch',
    `${path} of ${modelId} does not match the hash recorded when it was installed: the install is damaged. Download the model again, then export it. ${NO_PACK_WRITTEN}`
  )
}
