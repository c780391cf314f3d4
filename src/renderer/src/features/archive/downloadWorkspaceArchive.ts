import type { CoreClient } from '../../../../shared/contracts'
import { saveDownload } from '../../lib/saveDownload'

/**
 * Exports the whole workspace as one .zip, reads it from the core chunk by chunk and hands it
 * to the browser as a download. `onProgress` gets null while the core makes the archive, then
 * the fraction read. Returns the file name.
 */
export async function downloadWorkspaceArchive(client: CoreClient, onProgress: (fraction: number | null) => void): Promise<string> {
  onProgress(null)
  const { archiveId, size, fileName } = await client.archive.exportBegin()
  try {
    const parts: ArrayBuffer[] = []
    for (let offset = 0; offset < size; ) {
      const { bytes } = await client.archive.exportChunk({ archiveId, offset })
      if (bytes.byteLength === 0) throw new Error('The archive ended early. Export the workspace again.')
      parts.push(bytes.slice().buffer)
      offset += bytes.byteLength
      onProgress(offset / size)
    }
    saveDownload(new Blob(parts, { type: 'application/zip' }), fileName)
    return fileName
  } finally {
    // Housekeeping only: the core also drops an archive left idle, and at its next start.
    client.archive.exportEnd({ archiveId }).catch(() => undefined)
  }
}
