import { useEffect, useState } from 'react'
import { draftTitle, renameDraft } from '../../../../shared/workspace/workspaceIndex'
import type { DocSession } from '../../lib/docSession'

/** The draft's title, bound to its shared text in the workspace index. */
export function TitleField({ index, draftId }: { index: DocSession; draftId: string }) {
  const [value, setValue] = useState(() => draftTitle(index.doc, draftId)?.toString() ?? '')

  useEffect(() => {
    const text = draftTitle(index.doc, draftId)
    if (!text) return
    const sync = (): void => setValue(text.toString())
    sync()
    text.observe(sync)
    return () => text.unobserve(sync)
  }, [index, draftId])

  return (
    <input
      className="title-field"
      aria-label="Title"
      placeholder="Untitled"
      value={value}
      onChange={(event) => renameDraft(index.doc, draftId, event.target.value)}
    />
  )
}
