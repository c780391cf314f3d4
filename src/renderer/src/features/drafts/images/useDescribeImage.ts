import { useCallback, useEffect, useRef, useState } from 'react'
import { AltTextResultSchema, type AltTextResult } from '../../../../../shared/contracts/altText'
import type { CoreClient } from '../../../../../shared/contracts'
import { describeError } from '../../../lib/rpcError'

export type Describing = { state: 'idle' } | { state: 'busy' } | { state: 'done'; by: AltTextResult } | { state: 'failed'; message: string }

/** Who wrote the alt text: "Written by the local model <id>" or "Written by <provider> · <model>". */
export function altTextAuthor(by: AltTextResult): string {
  return by.source === 'captioning-model' ? `Written by the local model ${by.model}` : `Written by ${by.label} · ${by.model}`
}

/**
 * "Describe image" for drafts and designs: asks the core for alt text (a cloud model that can see
 * images, else the local captioning model) and hands the sentence to `onText`. Unmounting (closing
 * the dialog, selecting another layer) stops a description still being written.
 */
export function useDescribeImage(client: CoreClient, onText: (text: string) => void): { describing: Describing; describe: (hash: string, localOnly: boolean) => void } {
  const [describing, setDescribing] = useState<Describing>({ state: 'idle' })
  const running = useRef<AbortController | null>(null)
  const deliver = useRef(onText)
  useEffect(() => {
    deliver.current = onText
  })

  useEffect(() => () => running.current?.abort(), [])

  const describe = useCallback(
    (hash: string, localOnly: boolean): void => {
      running.current?.abort()
      const controller = new AbortController()
      running.current = controller
      setDescribing({ state: 'busy' })
      void (async () => {
        try {
          // The core's answer is checked like any input.
          const by = AltTextResultSchema.parse(await client.ai.altText({ hash, localOnly }, { signal: controller.signal }))
          if (controller.signal.aborted) return
          deliver.current(by.text)
          setDescribing({ state: 'done', by })
        } catch (error) {
          if (!controller.signal.aborted) setDescribing({ state: 'failed', message: describeError(error) })
        } finally {
          if (running.current === controller) running.current = null
        }
      })()
    },
    [client]
  )

  return { describing, describe }
}
