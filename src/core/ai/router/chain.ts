import type { RouterPolicy } from '../../../shared/ai/routerPolicy'
import type { AiTask } from '../../../shared/ai/tasks'
import type { Provider } from '../provider'

/**
 * The providers to try for a task, in order: the task's chain, else the default chain, else
 * (an empty default chain) every configured provider in the order of the provider settings.
 * `missing` lists the ids a chain names that are not configured.
 */
export function chainFor(policy: RouterPolicy, task: AiTask, configured: readonly Provider[]): { providers: Provider[]; missing: string[] } {
  const ids = policy.chains[task] ?? policy.defaultChain
  if (ids.length === 0) return { providers: [...configured], missing: [] }
  const providers: Provider[] = []
  const missing: string[] = []
  for (const id of ids) {
    const provider = configured.find((candidate) => candidate.id === id)
    if (provider) providers.push(provider)
    else missing.push(id)
  }
  return { providers, missing }
}
