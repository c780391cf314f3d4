import { useEffect, useEffectEvent } from 'react'
import { isModKey } from '../lib/shortcuts'

/** Cmd/Ctrl+<key> shortcuts for the whole window. Keys are matched case-insensitively. */
export function useGlobalShortcuts(bindings: Record<string, () => void>): void {
  const onKeyDown = useEffectEvent((event: KeyboardEvent): void => {
    for (const [key, action] of Object.entries(bindings)) {
      if (!isModKey(event, key)) continue
      event.preventDefault()
      action()
      return
    }
  })

  useEffect(() => {
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])
}
