import { getSchema } from '@tiptap/core'
import type { Schema } from '@tiptap/pm/model'
import { draftExtensions } from '../../shared/editor/extensions'

let schema: Schema | undefined

/** The ProseMirror schema of draft bodies (built once, on first use). */
export function draftSchema(): Schema {
  schema ??= getSchema(draftExtensions)
  return schema
}
