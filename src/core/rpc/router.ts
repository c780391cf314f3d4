import { appHandlers } from '../app/appHandlers'
import { docsHandlers } from '../docs/docsHandlers'
import { searchHandlers } from '../search/searchHandlers'
import { settingsHandlers } from '../settings/settingsHandlers'
import { implementer } from './context'

/** Every feature's handlers in one router; its type is checked against the shared contract. */
export const router = implementer.router({
  app: appHandlers,
  docs: docsHandlers,
  search: searchHandlers,
  settings: settingsHandlers
})
