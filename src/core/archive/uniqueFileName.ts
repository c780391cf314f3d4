/**
 * The name, or "Name (2).md", "Name (3).md"… when it is already taken. Names are compared the
 * way macOS and Windows do (case-insensitively), so unpacking never overwrites a file. Adds the
 * chosen name to `taken`.
 */
export function uniqueFileName(name: string, taken: Set<string>): string {
  const dot = name.lastIndexOf('.')
  const stem = dot > 0 ? name.slice(0, dot) : name
  const extension = dot > 0 ? name.slice(dot) : ''
  let candidate = name
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${stem} (${n})${extension}`
  taken.add(candidate.toLowerCase())
  return candidate
}
