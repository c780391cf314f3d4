import { readFileSync, renameSync, writeFileSync } from 'node:fs'
import { z } from 'zod'

/** When the last update check ran: kept on disk, so restarting the app does not bring checks closer together. */
export interface LastUpdateCheck {
  read(): number | null
  write(at: number): void
}

const FileSchema = z.object({ lastCheckAt: z.number().int().nonnegative() })

/** The time in a small JSON file (in the data folder), replaced whole on each write. */
export function lastUpdateCheckFile(file: string): LastUpdateCheck {
  return {
    read() {
      try {
        return FileSchema.parse(JSON.parse(readFileSync(file, 'utf8'))).lastCheckAt
      } catch {
        // Missing or unreadable: as if no check had ever run.
        return null
      }
    },
    write(at) {
      const temporary = `${file}.tmp`
      try {
        writeFileSync(temporary, JSON.stringify({ lastCheckAt: at }))
        renameSync(temporary, file)
      } catch (error) {
        console.warn(`Holdfast could not record the time of its update check in ${file}: ${String(error)}`)
      }
    }
  }
}
