import { generateHTML } from '@tiptap/html/server'
import type { Node as PMNode } from '@tiptap/pm/model'
import { draftExtensions } from '../../shared/editor/extensions'
import { type ReadBlob, withInlineImages } from './blobImages'

const STYLE = `body{font-family:Georgia,'Times New Roman',serif;line-height:1.6;max-width:40em;margin:2em auto;padding:0 1em;color:#222}
img{max-width:100%}blockquote{margin-left:0;padding-left:1em;border-left:3px solid #ccc;color:#555}`

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

/** A draft body as a standalone HTML page (images included as data: addresses), by the draft schema's own serializer. */
export function exportHtml(body: PMNode, title: string, readBlob: ReadBlob): string {
  const content = generateHTML(withInlineImages(body, readBlob), draftExtensions)
  return [
    '<!DOCTYPE html>',
    '<html>',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="Holdfast">',
    `<title>${escapeHtml(title || 'Untitled')}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    content,
    '</body>',
    '</html>',
    ''
  ].join('\n')
}
