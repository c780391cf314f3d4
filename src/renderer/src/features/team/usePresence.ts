import { useEffect, useState } from 'react'
import { useCore } from '../../app/coreContext'
import type { PresentPeer } from '../../lib/sync/teamSync'

function same(a: PresentPeer[], b: PresentPeer[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

/** Teammates present in an open document, looked at every second (awareness changes often; the list seldom does). */
export function usePresence(docId: string): PresentPeer[] {
  const { sync } = useCore()
  const [present, setPresent] = useState<PresentPeer[]>(() => sync.presentIn(docId))
  useEffect(() => {
    const update = (): void => setPresent((previous) => {
      const next = sync.presentIn(docId)
      return same(previous, next) ? previous : next
    })
    update()
    const timer = setInterval(update, 1000)
    return () => clearInterval(timer)
  }, [sync, docId])
  return present
}
