import { altTextErrors } from '../../../shared/contracts/altText'
import type { NoProviderAnsweredError, ProviderOutcome } from '../router/noAnswer'

/** Who could have seen the image (see AiService.imageReaders). */
export interface ImageReaders {
  localOnly: boolean
  providers: { id: string; label: string }[]
}

const INSTALL = 'Install the alt text model in Settings → Local models'

/** What became of one vision-capable provider, e.g. "Primary Cloud is down". */
function whatHappened(label: string, outcome: ProviderOutcome | undefined): string {
  if (!outcome) return `${label} is not in the alt text chain`
  if (outcome.result === 'failed') return `${label} failed: ${outcome.message.trim().replace(/\.$/, '')}`
  switch (outcome.reason) {
    case 'breaker-open':
      return `${label} is down`
    case 'rate-limited':
      return `${label} is rate-limited`
    case 'not-allowed':
      return `${label} is over its monthly token cap`
    case 'config':
      return `${label} is not configured`
  }
}

/**
 * Why no alt text could be written and what to do: when the image must stay on this computer,
 * install the captioning model; when no cloud provider can see images, set one up or install
 * the model; when the ones that can did not answer, say what happened to them.
 */
export function noAltTextModelMessage(readers: ImageReaders, unanswered: NoProviderAnsweredError | undefined): string {
  if (readers.localOnly) return `No alt text model is installed, and Never send to cloud is on, so no cloud provider may see this image. ${INSTALL}.`
  if (readers.providers.length === 0 || !unanswered) return altTextErrors.NO_ALT_TEXT_MODEL.message
  const outcomes = new Map(unanswered.outcomes.map((outcome) => [outcome.providerId, outcome]))
  const parts = readers.providers.map(({ id, label }) => whatHappened(label, outcomes.get(id)))
  return `No alt text model is installed, and no cloud provider that can see images answered (${parts.join('; ')}). ${INSTALL} to describe images without the cloud, or try again later.`
}
