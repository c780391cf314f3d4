import { shortUrl } from './safeUrls'

type Kind = 'embedded-image' | 'remote-image' | 'other-image' | 'unsafe-link' | 'active-content'

const SAMPLES = 3

/** Collects what an import left out, and says it in a few sentences for the user. */
export class DroppedContent {
  private readonly seen = new Map<Kind, { count: number; samples: string[] }>()

  add(kind: Kind, detail = ''): void {
    const entry = this.seen.get(kind) ?? { count: 0, samples: [] }
    entry.count += 1
    const sample = shortUrl(detail)
    if (sample && entry.samples.length < SAMPLES && !entry.samples.includes(sample)) entry.samples.push(sample)
    this.seen.set(kind, entry)
  }

  get size(): number {
    return this.seen.size
  }

  /** One sentence per kind of thing dropped, e.g. "2 remote images (https://…, https://…)". */
  describe(): string[] {
    const lines: string[] = []
    for (const [kind, { count, samples }] of this.seen) {
      const more = count > samples.length && samples.length > 0 ? ', …' : ''
      const examples = samples.length > 0 ? ` (${samples.join(', ')}${more})` : ''
      lines.push(`${sentence(kind, count)}${kind === 'embedded-image' ? '' : examples}`)
    }
    return lines
  }
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`
}

function sentence(kind: Kind, count: number): string {
  switch (kind) {
    case 'embedded-image':
      return `${plural(count, 'embedded image', 'embedded images')} that Holdfast cannot read (drafts keep PNG, JPEG, GIF and WebP images)`
    case 'remote-image':
      return `${plural(count, 'image', 'images')} from the internet, not downloaded`
    case 'other-image':
      return `${plural(count, 'image', 'images')} with an unsupported address`
    case 'unsafe-link':
      return `${plural(count, 'link', 'links')} with an unsafe address, kept as plain text`
    case 'active-content':
      return plural(count, 'script or embedded object', 'scripts or embedded objects')
  }
}
