import type { EncodeReply, EncodeRequest } from './encodeMessages'

// Encodes one image off the window's thread. On the page itself, toBlob/convertToBlob wait for
// an idle moment of the page before encoding, up to a second in Chromium when none comes.
self.addEventListener('message', (event: MessageEvent<EncodeRequest>) => {
  const { bitmap, type, quality } = event.data
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height)
  const context = canvas.getContext('2d')
  if (!context) return self.postMessage({ ok: false, message: 'The browser could not draw the image.' } satisfies EncodeReply)
  context.drawImage(bitmap, 0, 0)
  bitmap.close()
  canvas.convertToBlob({ type, quality }).then(
    (blob) => self.postMessage({ ok: true, blob } satisfies EncodeReply),
    (error: unknown) => self.postMessage({ ok: false, message: `The browser could not encode the image (${String(error)}).` } satisfies EncodeReply)
  )
})
