/** To the image encoder worker: the drawn design, and the file type to make of it. */
export interface EncodeRequest {
  bitmap: ImageBitmap
  type: 'image/png' | 'image/jpeg'
  /** JPEG only, 0–1. */
  quality?: number
}

export type EncodeReply = { ok: true; blob: Blob } | { ok: false; message: string }
