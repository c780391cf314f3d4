import { implementer } from '../rpc/context'

export const appHandlers = {
  status: implementer.app.status.handler(({ context }) => context.status)
}
