import type * as Y from 'yjs'
import { readDesign } from '../../../../shared/design/designDoc'
import type { Design } from '../../../../shared/design/types'
import { useDocSnapshot } from '../../lib/useDocSnapshot'

/** The design as drawn, kept current as the document changes (here, from storage or from a peer). */
export function useDesign(doc: Y.Doc): Design | null {
  return useDocSnapshot(doc, readDesign)
}
