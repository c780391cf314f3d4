import { diffWords } from 'diff'

export interface DiffPart {
  text: string
  change: 'same' | 'added' | 'removed'
}

/** What changed from `before` to `after`, word by word. */
export function wordDiff(before: string, after: string): DiffPart[] {
  return diffWords(before, after).map((part) => ({
    text: part.value,
    change: part.added ? 'added' : part.removed ? 'removed' : 'same'
  }))
}
