import type { EncodeReply, EncodeRequest } from './encodeMessages'

/** Encodes a drawn canvas as a PNG or JPEG file in a worker of its own, which ends with it. */
export async function encodeImage(canvas: HTMLCanvasElement, type: EncodeRequest['type'], quality?: number): Promise<Blob> {
  const bitmap = await createImageBitmap(canvas)
  const worker = new Worker(new URL('./encodeWorker.ts', import.meta.url), { type: 'module' })
  try {
    const reply = await new Promise<EncodeReply>((resolve, reject) => {
      worker.addEventListener('message', (event: MessageEvent<EncodeReply>) => resolve(event.data))
      worker.addEventListener('error', () => reject(new Error('The image encoder stopped.')))
      worker.postMessage({ bitmap, type, quality } satisfies EncodeRequest, [bitmap])
    })
    if (!reply.ok) throw new Error(reply.message)
    return reply.blob
  } finally {
    worker.terminate()
  }
}
