import { useState } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import type { DocSession } from '../../lib/docSession'
import { UpdateHold } from '../../lib/updateHold'
import { DesignEditor } from './DesignEditor'
import { DesignHistory } from './DesignHistory'
import { useDesign } from './useDesign'

interface DesignPaneProps {
  index: DocSession
  session: DocSession
  awareness: Awareness
  title: string
  onDuplicate: () => void
  onTrash: () => void
}

/** An open design: its actions, and the editor, or what to do when the design cannot be read. */
export function DesignPane({ index, session, awareness, title, onDuplicate, onTrash }: DesignPaneProps) {
  // A drag on the canvas: the editor around it follows the moving layers ten times a second.
  const [drag] = useState(() => new UpdateHold())
  const content = useDesign(session.doc, drag)
  const [historyOpen, setHistoryOpen] = useState(false)
  return (
    <>
      <div className="draft-actions">
        <button type="button" onClick={() => setHistoryOpen(true)}>
          History
        </button>
        <button type="button" onClick={onDuplicate}>
          Duplicate
        </button>
        <button type="button" onClick={onTrash}>
          Move to trash
        </button>
      </div>
      {content.state === 'ready' ? (
        <DesignEditor index={index} session={session} awareness={awareness} design={content.design} title={title} drag={drag} />
      ) : content.state === 'awaited' ? (
        <div role="status" className="design-awaited">
          <p>This design has not arrived yet: a teammate made it and its content is still on its way.</p>
          <p>It opens here by itself as soon as a teammate who has it is online. Nothing needs to be done.</p>
        </div>
      ) : (
        <div role="alert" className="design-damaged">
          <p>This design cannot be shown: its canvas settings are damaged (possibly by a faulty app on a teammate&apos;s computer). Nothing has been deleted.</p>
          <p>Restore an earlier version to continue working on it.</p>
          <button type="button" className="primary" onClick={() => setHistoryOpen(true)}>
            Restore a version
          </button>
        </div>
      )}
      <DesignHistory open={historyOpen} onClose={() => setHistoryOpen(false)} session={session} />
    </>
  )
}
