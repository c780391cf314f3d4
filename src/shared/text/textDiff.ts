/** The single splice that turns `before` into `after`: keep the common prefix and suffix. */
export function textSplice(before: string, after: string): { index: number; remove: number; insert: string } {
  let start = 0
  const shorter = Math.min(before.length, after.length)
  while (start < shorter && before[start] === after[start]) start++
  let end = 0
  while (end < shorter - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++
  return { index: start, remove: before.length - start - end, insert: after.slice(start, after.length - end) }
}
