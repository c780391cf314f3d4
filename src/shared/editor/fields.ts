/**
 * The Yjs XML fragment that holds a draft's body. Kept apart from the editor extensions so
 * code that only reads stored drafts (search, versions) does not load the editor.
 */
export const DRAFT_BODY_FIELD = 'default'
