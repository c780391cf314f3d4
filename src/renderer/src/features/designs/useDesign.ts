import type * as Y from 'yjs'
import { isDesignAwaited, readDesign } from '../../../../shared/design/designDoc'
import type { Design } from '../../../../shared/design/types'
import { useDocSnapshot } from '../../lib/useDocSnapshot'
import type { UpdateHold } from '../../lib/updateHold'

/** What an open design's document holds: a design to draw, nothing yet, or a canvas that cannot be read. */
export type DesignContent = { state: 'ready'; design: Design } | { state: 'awaited' } | { state: 'damaged' }

function readDesignContent(doc: Y.Doc): DesignContent {
  const design = readDesign(doc)
  if (design) return { state: 'ready', design }
  return isDesignAwaited(doc) ? { state: 'awaited' } : { state: 'damaged' }
}

/**
 * The design as drawn, kept current as the document changes (here, from storage or from a peer);
 * while `drag` is held, ten times a second.
 */
export function useDesign(doc: Y.Doc, drag: UpdateHold): DesignContent {
  return useDocSnapshot(doc, readDesignContent, drag)
}
