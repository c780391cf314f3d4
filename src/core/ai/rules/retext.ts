import type { Root } from 'nlcst'
import type { Processor } from 'unified'
import { VFile } from 'vfile'

/** A retext pipeline: English parsing followed by checks that report messages or store data. */
export type RetextPipeline = Processor<Root, Root>

/** Parses and checks `text`; the file holds the messages and any data the plugins stored. */
export function runRetext(pipeline: RetextPipeline, text: string): VFile {
  const file = new VFile(text)
  pipeline.runSync(pipeline.parse(file), file)
  return file
}

type RetextMessage = VFile['messages'][number]

/** The offsets a message points at, when it points at a range. */
export function messageRange(message: RetextMessage): { start: number; end: number } | undefined {
  const place = message.place
  if (!place || !('start' in place)) return undefined
  const { start, end } = place
  if (start.offset === undefined || end.offset === undefined) return undefined
  return { start: start.offset, end: end.offset }
}
