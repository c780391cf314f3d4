import type { Editor, JSONContent } from '@tiptap/core'
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import type { CoreClient } from '../../../../shared/contracts'
import { DRAFT_BODY_FIELD } from '../../../../shared/editor/fields'

/**
 * Puts a version's content back as a new edit on top of the current document (never a rewind),
 * so it merges with whatever teammates are doing. The current state is saved as a version first.
 */
export async function restoreVersion(client: CoreClient, editor: Editor, docId: string, versionId: number): Promise<void> {
  const { state } = await client.versions.get({ id: versionId })
  await client.versions.create({ docId, kind: 'before-restore' })
  const snapshot = new Y.Doc()
  Y.applyUpdate(snapshot, state)
  const content = yXmlFragmentToProseMirrorRootNode(snapshot.getXmlFragment(DRAFT_BODY_FIELD), editor.schema)
  snapshot.destroy()
  editor.commands.setContent(content.toJSON() as JSONContent)
}
