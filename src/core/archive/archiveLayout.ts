/** What a workspace archive holds, by name. */
export const ARCHIVE_DATABASE = 'holdfast.db'
export const ARCHIVE_MANIFEST = 'manifest.json'
export const ARCHIVE_README = 'README.txt'
export const ARCHIVE_DRAFTS_FOLDER = 'drafts/'

/** Identifies the archive's kind in its manifest; formatVersion changes only if the layout does. */
export const ARCHIVE_FORMAT = 'holdfast-workspace-archive'
export const ARCHIVE_FORMAT_VERSION = 1
