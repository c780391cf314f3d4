import type { Theme } from '../../../../shared/contracts/settings'

export type ResolvedTheme = 'light' | 'dark'

export const THEME_LABELS: Record<Theme, string> = {
  system: 'System',
  light: 'Light',
  dark: 'Dark'
}

/** "System" follows the operating system's appearance. */
export function resolveTheme(theme: Theme, systemPrefersDark: boolean): ResolvedTheme {
  if (theme === 'system') return systemPrefersDark ? 'dark' : 'light'
  return theme
}
