import { boldAnnouncement, quoteCard } from './starters/squareTemplates'
import { eventStory, saleStory } from './starters/storyTemplates'
import type { DesignTemplate } from './starters/templateParts'
import { articleShare, channelBanner, productLaunch, videoThumbnail } from './starters/wideTemplates'

// Starter designs, at least one per preset (built in starters/, one file per canvas shape).

export type { DesignTemplate } from './starters/templateParts'

export const DESIGN_TEMPLATES: readonly DesignTemplate[] = [
  boldAnnouncement,
  quoteCard,
  eventStory,
  saleStory,
  productLaunch,
  articleShare,
  channelBanner,
  videoThumbnail
]

/** The template with this id, if any. */
export function templateById(id: string): DesignTemplate | undefined {
  return DESIGN_TEMPLATES.find((candidate) => candidate.id === id)
}
