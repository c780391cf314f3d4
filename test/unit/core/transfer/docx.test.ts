import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { checkDocx, DOCX_MAX_UNPACKED_BYTES, docxToDoc } from '../../../../src/core/transfer/docxToDoc'
import { DroppedContent } from '../../../../src/core/transfer/droppedContent'
import { exportDocx } from '../../../../src/core/transfer/exportDocx'
import { ImportError } from '../../../../src/core/transfer/importError'
import { draftBody } from '../../../../src/core/transfer/loadDraft'
import { wordDocument } from '../../../fixtures/transfer/wordDocument'
import { CORE_BLOCKS, EXTRA_BLOCKS, draftUpdates, normalise, normaliseNode } from '../../../support/transfer'
import { memoryBlobs, noBlobs } from '../../../support/images'
import { storedZip, zipEntryText } from '../../../support/zip'

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../../../fixtures/transfer/${name}`, import.meta.url)))

async function importDocx(bytes: Uint8Array) {
  const dropped = new DroppedContent()
  const blobs = memoryBlobs()
  const doc = await docxToDoc('test.docx', bytes, dropped, blobs.store)
  return { doc, json: normaliseNode(doc), dropped: dropped.describe(), blobs }
}

function blockSummary(json: ReturnType<typeof normalise>): string[] {
  return (json.content ?? []).map((block) => `${block.type}${block.attrs?.level ? String(block.attrs.level) : ''}`)
}

describe('DOCX export and import', () => {
  it('keeps headings, nested bulleted and numbered lists, bold, italic and links', async () => {
    const bytes = await exportDocx(draftBody(draftUpdates(CORE_BLOCKS)), 'Chapter One', noBlobs)
    const { json, dropped } = await importDocx(bytes)
    expect(json).toEqual(normalise({ type: 'doc', content: CORE_BLOCKS }))
    expect(dropped).toEqual([])
  })

  it('keeps quotes, strikethrough, underline and line breaks; a rule is lost and an image becomes a placeholder', async () => {
    const bytes = await exportDocx(draftBody(draftUpdates(EXTRA_BLOCKS)), '', noBlobs)
    const { json } = await importDocx(bytes)
    expect(json).toEqual(
      normalise({
        type: 'doc',
        content: [
          EXTRA_BLOCKS[0]!,
          EXTRA_BLOCKS[1]!,
          { type: 'paragraph', content: [{ type: 'text', text: '[Image: A figure]', marks: [{ type: 'italic' }] }] }
        ]
      })
    )
  })

  it('numbers each list from its own start and restarts numbering for every list', async () => {
    const list = (start: number, ...items: string[]) => ({
      type: 'orderedList',
      attrs: { start },
      content: items.map((text) => ({ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] }))
    })
    const bytes = await exportDocx(draftBody(draftUpdates([list(1, 'a', 'b'), { type: 'paragraph', content: [{ type: 'text', text: 'between' }] }, list(5, 'c')])), '', noBlobs)
    const numbering = zipEntryText(bytes, 'word/numbering.xml')
    const document = zipEntryText(bytes, 'word/document.xml')
    // The list starting at 5 has a definition of its own whose first level starts at 5.
    expect(numbering).toMatch(/<w:lvl w:ilvl="0"[^>]*>\s*<w:start w:val="5"\/>/)
    // Each list is its own numbering instance, so the second one does not continue the first.
    const numIds = [...document.matchAll(/<w:numId w:val="(\d+)"\/>/g)].map((m) => m[1])
    expect(new Set(numIds).size).toBe(2)
    const { json } = await importDocx(bytes)
    expect(blockSummary(json)).toEqual(['orderedList', 'paragraph', 'orderedList'])
  })

  it('reads a document written by LibreOffice, storing its embedded picture as a blob', async () => {
    const { json, dropped, blobs } = await importDocx(fixture('libreoffice.docx'))
    expect(blockSummary(json)).toEqual(['heading1', 'paragraph', 'heading2', 'bulletList', 'heading3', 'orderedList', 'paragraph', 'image', 'paragraph'])
    const [hash] = [...blobs.blobs.keys()]
    expect(json.content?.[7]?.attrs?.src).toBe(`holdfast-blob:${hash}`)
    expect(json.content?.[1]?.content).toEqual([
      { type: 'text', text: 'Written on ' },
      { type: 'text', text: 'Tuesday', marks: [{ type: 'bold' }] },
      { type: 'text', text: ', ' },
      { type: 'text', text: 'late', marks: [{ type: 'italic' }] },
      { type: 'text', text: ', with ' },
      { type: 'text', text: 'the forecast', marks: [{ type: 'link', attrs: { href: 'https://example.com/weather' } }] },
      { type: 'text', text: ' open.' }
    ])
    const nested = json.content?.[3]?.content?.[1]?.content?.[1]
    expect(nested?.type).toBe('bulletList')
    expect(json.content?.at(-1)?.content?.[0]?.text).toBe('Żółw, Ωμέγα, Привет.')
    expect(dropped).toEqual([])
  })

  it('reads a Word-structured document: title, its own list definitions, quote, line break, picture', async () => {
    const { doc, json, dropped, blobs } = await importDocx(await wordDocument())
    expect(blockSummary(json)).toEqual(['heading1', 'heading1', 'paragraph', 'heading2', 'bulletList', 'heading3', 'orderedList', 'blockquote', 'paragraph', 'image', 'heading3'])
    expect(blobs.blobs.size).toBe(1)
    const marks = new Map<string, string[]>()
    doc.descendants((node) => {
      if (node.isText) marks.set(node.text ?? '', node.marks.map((m) => m.type.name))
    })
    expect(marks.get('fast')).toEqual(['bold'])
    expect(marks.get('carefully')).toEqual(['italic'])
    expect(marks.get('visibly')).toEqual(['underline'])
    expect(marks.get('not cheaply')).toEqual(['strike'])
    expect(marks.get('the report')).toEqual(['link'])
    expect(json.content?.[8]?.content?.map((n) => n.type)).toEqual(['text', 'hardBreak', 'text'])
    expect(dropped).toEqual([])
  })
})

describe('what is not a Word document', () => {
  const refusal = (run: () => unknown) => {
    try {
      run()
    } catch (error) {
      expect(error).toBeInstanceOf(ImportError)
      return error as ImportError
    }
    throw new Error('expected a refusal')
  }

  it('refuses text renamed .docx, naming the file and what was expected', () => {
    const error = refusal(() => checkDocx('notes.docx', new TextEncoder().encode('# Just Markdown')))
    expect(error.data).toEqual({ code: 'IMPORT_UNRECOGNISED', fileName: 'notes.docx', expected: 'a Word document (.docx)' })
    expect(error.message).toBe('“notes.docx” cannot be imported: it is not a zip archive, which every .docx file is (it looks like text). Expected a Word document (.docx).')
  })

  it('explains an old-style .doc file', () => {
    const doc = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0])
    expect(refusal(() => checkDocx('old.docx', doc)).message).toContain('old-style Word .doc')
  })

  it('refuses a PDF renamed .docx', () => {
    expect(refusal(() => checkDocx('paper.docx', new TextEncoder().encode('%PDF-1.7\n...'))).message).toContain('it looks like a PDF document')
  })

  it('refuses a zip archive that is not a Word document', () => {
    const zip = storedZip([{ name: 'photo.jpg', data: 'x' }])
    expect(refusal(() => checkDocx('archive.docx', zip)).message).toContain('a zip archive but not a Word document')
  })

  it('refuses, before unpacking, a document that claims to unpack to more than the limit', () => {
    const zip = storedZip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'word/document.xml', data: '<w:document/>', claimedSize: DOCX_MAX_UNPACKED_BYTES + 1 }
    ])
    const error = refusal(() => checkDocx('bomb.docx', zip))
    expect(error.data).toMatchObject({ code: 'IMPORT_TOO_LARGE', fileName: 'bomb.docx', limit: DOCX_MAX_UNPACKED_BYTES })
  })

  it('refuses a damaged Word document with the reason', async () => {
    const zip = storedZip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'word/document.xml', data: '<w:document><unclosed>' }
    ])
    await expect(docxToDoc('broken.docx', zip, new DroppedContent())).rejects.toMatchObject({
      data: { code: 'IMPORT_UNRECOGNISED', fileName: 'broken.docx' },
      message: expect.stringMatching(/^“broken\.docx” cannot be imported: it could not be read as a Word document \(.+\)\. Expected a Word document \(\.docx\)\.$/) as unknown
    })
  })
})
