/** How far a pack's import or export has got, in bytes of model files (the manifest is not counted). */
export interface PackProgress {
  bytesDone: number
  bytesTotal: number
}
