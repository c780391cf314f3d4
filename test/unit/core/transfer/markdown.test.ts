import { describe, expect, it } from 'vitest'
import { DroppedContent } from '../../../../src/core/transfer/droppedContent'
import { exportMarkdown } from '../../../../src/core/transfer/exportMarkdown'
import { draftBody } from '../../../../src/core/transfer/loadDraft'
import { markdownToDoc } from '../../../../src/core/transfer/markdownToDoc'
import { CORE_BLOCKS, EXTRA_BLOCKS, docJSON, draftUpdates, normalise, normaliseNode } from '../../../support/transfer'
import { noBlobs } from '../../../support/images'

function roundTrip(blocks: Parameters<typeof draftUpdates>[0]) {
  const markdown = exportMarkdown(draftBody(draftUpdates(blocks)), noBlobs)
  const dropped = new DroppedContent()
  const back = markdownToDoc(markdown, dropped)
  return { markdown, back: normaliseNode(back), dropped: dropped.describe() }
}

describe('Markdown export and import', () => {
  it('keeps headings, nested lists, bold, italic, links, quotes, rules, strikethrough, underline, line breaks and images', () => {
    const blocks = [...CORE_BLOCKS, ...EXTRA_BLOCKS]
    const { markdown, back, dropped } = roundTrip(blocks)
    expect(back).toEqual(normalise(docJSON(blocks)))
    expect(dropped).toEqual([])
    expect(markdown).toContain('# Chapter One\n')
    expect(markdown).toContain('**bold**')
    expect(markdown).toContain('[a link](https://example.com/page?q=1)')
    expect(markdown).toContain('![A figure](images/figure-1.png)')
    expect(markdown).toMatch(/^- First point\n {2}- Nested point\n- Second point$/m)
    expect(markdown).toMatch(/^1\. Step one$/m)
  })

  it('keeps a numbered list that starts at another number', () => {
    const blocks = [{ type: 'orderedList', attrs: { start: 4 }, content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Four' }] }] }] }]
    expect(roundTrip(blocks).back).toEqual(normalise(docJSON(blocks)))
  })

  it('reads HTML inside Markdown like an HTML import, cleaned the same way', () => {
    const dropped = new DroppedContent()
    const doc = markdownToDoc('Some <em>inline</em> HTML.\n\n<script>alert(1)</script>\n\n[click](javascript:alert(1))\n', dropped)
    const json = JSON.stringify(doc.toJSON())
    expect(normaliseNode(doc).content?.[0]).toEqual({
      type: 'paragraph',
      content: [{ type: 'text', text: 'Some ' }, { type: 'text', text: 'inline', marks: [{ type: 'italic' }] }, { type: 'text', text: ' HTML.' }]
    })
    expect(json).not.toMatch(/script|javascript|alert/)
    expect(doc.textContent).toContain('click')
    expect(dropped.describe()).toEqual(['1 script or embedded object', '1 link with an unsafe address, kept as plain text (javascript:alert(1))'])
  })

  it('turns headings deeper than level 3 into level 3', () => {
    const doc = markdownToDoc('#### Four\n\n###### Six\n', new DroppedContent())
    expect(normaliseNode(doc).content?.map((block) => block.attrs)).toEqual([{ level: 3 }, { level: 3 }])
  })
})
