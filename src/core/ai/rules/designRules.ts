import type { DesignRequest } from '../../../shared/ai/designRequests'
import { fallbackMoodPalette } from '../../../shared/design/palette'
import { ProviderError } from '../provider'
import { copyVariantsByRules } from './designCopy'

/** The rule-based answer to design help, in the form a model is asked for: one variant a line, or palette JSON. */
export function designAnswer(design: DesignRequest): string {
  switch (design.task) {
    case 'designCopy': {
      const variants = copyVariantsByRules(design.request)
      if (variants.length === 0) throw new ProviderError('unsupported', 'This text has no words to write variants of. Write a first version, then ask again.')
      return variants.join('\n')
    }
    case 'moodPalette':
      return JSON.stringify({ colors: fallbackMoodPalette(design.request.mood) })
  }
}
