import { useCallback, useEffect, useRef, useState } from 'react'
import type { AssistantRequest } from '../../../../shared/ai/actions'
import type { ProviderFailureKind } from '../../../../shared/ai/failures'
import type { AssistEvent } from '../../../../shared/contracts/ai'
import { useCore } from '../../app/coreContext'
import { describeError } from '../../lib/rpcError'

/** A stretch of the answer written by one provider; `seam` says a provider died just before it. */
export interface AnswerPart {
  text: string
  /** "OpenAI · gpt-4o-mini": stored as the provenance of accepted text. */
  by: string
  seam?: string
}

export type AssistState =
  | { phase: 'idle' }
  | {
      phase: 'running' | 'done' | 'stopped' | 'failed'
      request: AssistantRequest
      parts: AnswerPart[]
      /** Who is answering now, or who answered. */
      provider: string | null
      message?: string
      notices: string[]
    }

/** How a seam note says why the first provider stopped. */
const WHAT_HAPPENED: Record<ProviderFailureKind, string> = {
  network: 'could no longer be reached',
  timeout: 'went silent',
  server: 'had a server error',
  'rate-limited': 'hit its rate limit',
  config: 'refused the request (check its settings)',
  rejected: 'refused the request',
  malformed: 'sent a garbled reply',
  cut: 'dropped the connection mid-answer',
  unsupported: 'could not do this',
  aborted: 'was stopped'
}

function byLabel(event: { label: string; model: string }): string {
  return `${event.label} · ${event.model}`
}

/** Runs assistant requests through the core, streaming the answer; one at a time. */
export function useAssist() {
  const { client } = useCore()
  const [state, setState] = useState<AssistState>({ phase: 'idle' })
  const running = useRef<AbortController | null>(null)

  const cancel = useCallback(() => {
    running.current?.abort()
    running.current = null
    setState((s) => (s.phase === 'running' ? { ...s, phase: 'stopped' } : s))
  }, [])

  const dismiss = useCallback(() => {
    running.current?.abort()
    running.current = null
    setState({ phase: 'idle' })
  }, [])

  const start = useCallback(
    (request: AssistantRequest, localOnly: boolean) => {
      running.current?.abort()
      const controller = new AbortController()
      running.current = controller
      setState({ phase: 'running', request, parts: [], provider: null, notices: [] })
      let current = ''
      let seam: string | undefined
      // A restart clears the preview; if no provider then answers, what came before is shown again.
      let beforeRestart: AnswerPart[] = []
      const update = (change: (s: Extract<AssistState, { parts: AnswerPart[] }>) => Partial<Extract<AssistState, { parts: AnswerPart[] }>>): void => {
        if (running.current !== controller) return
        setState((s) => (s.phase === 'idle' ? s : { ...s, ...change(s) }))
      }
      const apply = (event: AssistEvent): void => {
        switch (event.type) {
          case 'attempt':
            current = byLabel(event)
            update(() => ({ provider: current }))
            return
          case 'token':
            update((s) => {
              const last = s.parts.at(-1)
              if (last && last.by === current && seam === undefined) {
                return { parts: [...s.parts.slice(0, -1), { ...last, text: last.text + event.text }] }
              }
              const part: AnswerPart = { text: event.text, by: current, seam }
              seam = undefined
              return { parts: [...s.parts, part] }
            })
            return
          case 'switch':
            if (event.mode === 'restart') {
              seam = undefined
              update((s) => {
                if (s.parts.length > 0) beforeRestart = s.parts
                return { parts: [] }
              })
            } else seam = `${event.from} ${WHAT_HAPPENED[event.reason]}; ${event.to} continued from here.`
            return
          case 'notice':
            update((s) => ({ notices: [...s.notices, event.message] }))
            return
          case 'done':
            update(() => ({ phase: 'done', provider: byLabel(event) }))
            return
        }
      }
      void (async () => {
        try {
          const events = await client.ai.assist({ request, localOnly }, { signal: controller.signal })
          for await (const event of events) apply(event)
        } catch (error) {
          if (controller.signal.aborted) return
          update((s) => ({ phase: 'failed', message: describeError(error), parts: s.parts.length > 0 ? s.parts : beforeRestart }))
        } finally {
          if (running.current === controller) running.current = null
        }
      })()
    },
    [client]
  )

  useEffect(() => () => running.current?.abort(), [])

  return { state, start, cancel, dismiss }
}
