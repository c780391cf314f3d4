import { ARCHIVE_DATABASE, ARCHIVE_DRAFTS_FOLDER, ARCHIVE_FORMAT, ARCHIVE_FORMAT_VERSION, ARCHIVE_MANIFEST } from './archiveLayout'

export interface ArchiveManifest {
  format: typeof ARCHIVE_FORMAT
  formatVersion: typeof ARCHIVE_FORMAT_VERSION
  appVersion: string
  schemaVersion: number
  createdAt: string
  draftCount: number
}

export function archiveManifest(appVersion: string, schemaVersion: number, draftCount: number, now: Date): ArchiveManifest {
  return { format: ARCHIVE_FORMAT, formatVersion: ARCHIVE_FORMAT_VERSION, appVersion, schemaVersion, createdAt: now.toISOString(), draftCount }
}

/** The README.txt of an archive: what it is to someone who opens it without Holdfast. */
export function archiveReadme(manifest: ArchiveManifest): string {
  const drafts = manifest.draftCount === 1 ? '1 draft' : `${manifest.draftCount} drafts`
  return [
    'Holdfast workspace archive',
    '',
    `Made by Holdfast ${manifest.appVersion} on ${manifest.createdAt}, with ${drafts}.`,
    '',
    `${ARCHIVE_DATABASE}     the whole workspace (drafts, their history, the trash, images, settings) as an SQLite database`,
    `${ARCHIVE_DRAFTS_FOLDER}         every draft not in the trash, as Markdown, to read in any editor`,
    `${ARCHIVE_MANIFEST}   what this archive is, for programs`,
    '',
    'To restore this workspace, open Settings in Holdfast and choose "Import workspace…".',
    `Holdfast imports ${ARCHIVE_DATABASE}: changing the Markdown files does not change what is imported.`,
    ''
  ].join('\n')
}
