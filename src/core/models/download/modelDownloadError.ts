/** Why a model download stopped; 'paused' and 'network' keep what was received for a resume. */
export type ModelDownloadErrorKind = 'network' | 'not-found' | 'hash-mismatch' | 'disk-space' | 'paused' | 'bad-response'

/** A download that stopped, with a message for the user saying what happened and what to do. */
export class ModelDownloadError extends Error {
  override readonly name = 'ModelDownloadError'

  constructor(
    readonly kind: ModelDownloadErrorKind,
    message: string,
    options?: ErrorOptions
  ) {
    super(message, options)
  }
}
