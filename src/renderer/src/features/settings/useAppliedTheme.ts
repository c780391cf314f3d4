import { useEffect, useSyncExternalStore } from 'react'
import type { Theme } from '../../../../shared/contracts/settings'
import { resolveTheme } from './theme'

const darkQuery = window.matchMedia('(prefers-color-scheme: dark)')

function subscribe(onChange: () => void): () => void {
  darkQuery.addEventListener('change', onChange)
  return () => darkQuery.removeEventListener('change', onChange)
}

/** Applies the theme setting to the document, following the OS while it is "system". */
export function useAppliedTheme(theme: Theme): void {
  const systemPrefersDark = useSyncExternalStore(subscribe, () => darkQuery.matches)
  const resolved = resolveTheme(theme, systemPrefersDark)
  useEffect(() => {
    const root = document.documentElement
    root.dataset.theme = resolved
    root.dataset.themeSetting = theme
    root.style.colorScheme = resolved
  }, [resolved, theme])
}
