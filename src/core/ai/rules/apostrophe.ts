export type Apostrophe = "'" | '’'

/** The apostrophe the writer uses most, so fixes match the rest of the text. */
export function apostropheOf(text: string): Apostrophe {
  const curly = text.split('’').length
  const straight = text.split("'").length
  return curly > straight ? '’' : "'"
}
