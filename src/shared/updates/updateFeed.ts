import { z } from 'zod'

/** Which releases to update to: stable ones ('latest'), or beta ones too ('beta'). */
export const UpdateChannelSchema = z.enum(['latest', 'beta'])
export type UpdateChannel = z.infer<typeof UpdateChannelSchema>

const MAX_FEED_URL = 2000
const httpsUrl = z.url({ protocol: /^https$/ })
// Plain http only to this computer: a test feed or a local mirror, never across a network.
const loopbackHttpUrl = z.url({ protocol: /^http$/, hostname: /^(127\.0\.0\.1|localhost)$/ })
/** scheme://host… spelled out, with no user name or password in it. */
const PLAIN_URL = /^https?:\/\/[^/?#@\s]+(?:[/?#]\S*)?$/i

export const FEED_URL_PROBLEM = 'Use an https:// address (http:// only for 127.0.0.1 or localhost), with no user name or password in it.'

/** A generic update feed (the folder holding latest.yml), or empty for the feed this build was published with. */
export const UpdateFeedUrlSchema = z
  .string()
  .max(MAX_FEED_URL)
  .refine((url) => url === '' || (PLAIN_URL.test(url) && (httpsUrl.safeParse(url).success || loopbackHttpUrl.safeParse(url).success)), FEED_URL_PROBLEM)
