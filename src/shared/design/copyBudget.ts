import { estimateTextWidth, wrapText } from './svgExport'
import type { TextLayer } from './types'

// How much copy a text layer's box holds, by the export's width estimate, and copy cut to fit.

type Box = Pick<TextLayer, 'text' | 'width' | 'height' | 'fontFamily' | 'fontSize' | 'fontWeight' | 'lineHeight'>

/** Stands in for the layer's words when it has none, to size an average character. */
const SAMPLE = 'Your words here'
/** Characters lost at each line break: on average about half a word does not fit the line's end. */
const WRAP_SLACK = 3
/** The longest text a layer holds (TextLayerSchema). */
const MAX_CHARS = 5_000
/** Words a cut copy should not end on: it would read as cut off. */
const DANGLING = new Set(['a', 'an', 'and', 'as', 'at', 'but', 'by', 'for', 'from', 'in', 'of', 'on', 'or', 'our', 'the', 'to', 'with', 'your', '&'])

const charCount = (text: string): number => Array.from(text).length

/** Lines of text the box is tall enough for (at least one). */
export function linesThatFit(box: Box): number {
  // A hair of tolerance, so a box made exactly n lines tall holds n lines despite rounding.
  return Math.max(1, Math.floor((box.height + 0.5) / (box.fontSize * box.lineHeight)))
}

/**
 * How many characters of copy fit the layer's box: characters per line (the box's width over the
 * average width of the layer's own characters, so capitals and wide faces count) times the
 * lines its height holds, less what word wrapping wastes. Never less than the copy there now
 * when that fits the box.
 */
export function copyBudget(box: Box): number {
  const lines = linesThatFit(box)
  const sample = box.text.replace(/\s+/g, ' ').trim() || SAMPLE
  const perCharacter = estimateTextWidth(sample, box) / charCount(sample)
  const perLine = Math.max(1, Math.floor(box.width / perCharacter))
  const estimate = lines === 1 ? perLine : lines * Math.max(1, perLine - WRAP_SLACK)
  const current = box.text.trim() && wrapText(box.text.trim(), box, box.width).length <= lines ? charCount(sample) : 0
  return Math.min(MAX_CHARS, Math.max(1, estimate, current))
}

/**
 * The copy cut to at most `maxChars` characters at a word boundary, without a dangling "and",
 * "the" or comma at its end; a single word longer than the budget is cut inside it. Copy
 * within the budget comes back as it is.
 */
export function fitToBudget(text: string, maxChars: number): string {
  const characters = Array.from(text.trim())
  if (characters.length <= maxChars) return text.trim()
  const head = characters.slice(0, maxChars + 1).join('')
  const words = head.slice(0, Math.max(0, head.lastIndexOf(' '))).split(' ').filter(Boolean)
  while (words.length > 1 && DANGLING.has((words.at(-1) ?? '').toLowerCase().replace(/[^\p{L}&]/gu, ''))) words.pop()
  const cut = words.join(' ').replace(/[\s,;:/&([{–—-]+$/u, '')
  return cut || characters.slice(0, maxChars).join('').trim()
}
