import type { CoreClient } from '../../../../shared/contracts'
import { ARCHIVE_CHUNK_BYTES } from '../../../../shared/contracts/archive'

/**
 * Sends an archive to the core chunk by chunk, then has it checked and imported (the core
 * refuses an archive over the limit before anything is sent). `onProgress` gets the fraction
 * sent. Once this resolves the workspace was replaced: the window must reload.
 */
export async function uploadWorkspaceArchive(client: CoreClient, file: File, onProgress: (fraction: number) => void): Promise<void> {
  const { uploadId } = await client.archive.importBegin({ size: file.size })
  try {
    for (let offset = 0; offset < file.size; offset += ARCHIVE_CHUNK_BYTES) {
      const bytes = new Uint8Array(await file.slice(offset, offset + ARCHIVE_CHUNK_BYTES).arrayBuffer())
      await client.archive.importChunk({ uploadId, offset, bytes })
      onProgress((offset + bytes.byteLength) / file.size)
    }
  } catch (error) {
    // Housekeeping only: the core also drops an upload left idle, and at its next start.
    client.archive.importAbort({ uploadId }).catch(() => undefined)
    throw error
  }
  await client.archive.importFinish({ uploadId })
}
