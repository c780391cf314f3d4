import { useCallback, useEffect, useRef, useState } from 'react'
import type { DesignCopyRequest } from '../../../../shared/ai/designRequests'
import { DesignCopyDoneSchema, type Provenance } from '../../../../shared/contracts/designAi'
import { useCore } from '../../app/coreContext'
import { describeError } from '../../lib/rpcError'
import { providerName, resultOf } from './designAiStream'

export type CopyVariantsState =
  | { phase: 'idle' }
  /** `asking`: the provider being asked now ("Local model · …"), null before the first. */
  | { phase: 'running'; asking: string | null; notices: string[] }
  | { phase: 'done'; variants: string[]; by: Provenance; notices: string[] }
  | { phase: 'failed'; message: string }

/** Asks the core for copy variants, one request at a time; cancelled when the component goes. */
export function useCopyVariants() {
  const { client } = useCore()
  const [state, setState] = useState<CopyVariantsState>({ phase: 'idle' })
  const running = useRef<AbortController | null>(null)

  const cancel = useCallback(() => {
    running.current?.abort()
    running.current = null
    setState({ phase: 'idle' })
  }, [])

  const suggest = useCallback(
    (request: DesignCopyRequest) => {
      running.current?.abort()
      const controller = new AbortController()
      running.current = controller
      const notices: string[] = []
      let asking: string | null = null
      const update = (next: CopyVariantsState): void => {
        if (running.current === controller) setState(next)
      }
      update({ phase: 'running', asking: null, notices })
      void (async () => {
        try {
          const events = await client.ai.designCopy({ request, localOnly: false }, { signal: controller.signal })
          const done = await resultOf(events, DesignCopyDoneSchema, (event) => {
            if (event.type === 'attempt') asking = providerName(event)
            else notices.push(event.message)
            update({ phase: 'running', asking, notices: [...notices] })
          })
          const { variants, providerId, model, label } = done
          update({ phase: 'done', variants, by: { providerId, model, label }, notices })
        } catch (error) {
          if (!controller.signal.aborted) update({ phase: 'failed', message: describeError(error) })
        } finally {
          if (running.current === controller) running.current = null
        }
      })()
    },
    [client]
  )

  useEffect(() => () => running.current?.abort(), [])

  return { state, suggest, cancel }
}
