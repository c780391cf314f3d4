import { describe, expect, it } from 'vitest'
import { DroppedContent } from '../../../../src/core/transfer/droppedContent'
import { escapeHtml, exportHtml } from '../../../../src/core/transfer/exportHtml'
import { htmlToDoc } from '../../../../src/core/transfer/htmlToDoc'
import { draftBody } from '../../../../src/core/transfer/loadDraft'
import { CORE_BLOCKS, EXTRA_BLOCKS, docJSON, draftUpdates, normalise, normaliseNode } from '../../../support/transfer'
import { noBlobs } from '../../../support/images'

describe('HTML export and import', () => {
  it('keeps headings, nested lists, bold, italic, links, quotes, rules, strikethrough, underline, line breaks and images', () => {
    const blocks = [...CORE_BLOCKS, ...EXTRA_BLOCKS]
    const html = exportHtml(draftBody(draftUpdates(blocks)), 'Chapter <One> & "more"', noBlobs)
    const dropped = new DroppedContent()
    const back = htmlToDoc(html, dropped)
    expect(normaliseNode(back)).toEqual(normalise(docJSON(blocks)))
    expect(dropped.describe()).toEqual([])
  })

  it('writes a standalone UTF-8 page with the title escaped', () => {
    const html = exportHtml(draftBody(draftUpdates(CORE_BLOCKS)), 'Chapter <One> & "more"', noBlobs)
    expect(html.startsWith('<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">')).toBe(true)
    expect(html).toContain(`<title>${escapeHtml('Chapter <One> & "more"')}</title>`)
    expect(html).not.toContain('<title>Chapter <One>')
    expect(html).toContain('<h1>Chapter One</h1>')
    expect(html).toContain('href="https://example.com/page?q=1"')
  })

  it('reads the HTML that word processors and browsers put on the clipboard', () => {
    const html = `<html><head><meta charset="utf-8"><style>p{color:red}</style></head><body>
      <!--StartFragment--><h1 style="font-size:2em" class="title">Notes</h1>
      <p class="MsoNormal"><b>Bold</b>, <i>italic</i>, <span style="font-weight:bold">styled bold</span> and <a href="https://example.com" target="_blank">a link</a></p>
      <ul><li>one</li><li>two<ol><li>inner</li></ol></li></ul>
      <table><tr><td>cell text</td></tr></table><!--EndFragment--></body></html>`
    const doc = htmlToDoc(html, new DroppedContent())
    const json = normaliseNode(doc)
    expect(json.content?.[0]).toEqual({ type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Notes' }] })
    expect(json.content?.[1]?.content).toEqual([
      { type: 'text', text: 'Bold', marks: [{ type: 'bold' }] },
      { type: 'text', text: ', ' },
      { type: 'text', text: 'italic', marks: [{ type: 'italic' }] },
      { type: 'text', text: ', ' },
      { type: 'text', text: 'styled bold', marks: [{ type: 'bold' }] },
      { type: 'text', text: ' and ' },
      { type: 'text', text: 'a link', marks: [{ type: 'link', attrs: { href: 'https://example.com' } }] }
    ])
    expect(json.content?.[2]?.type).toBe('bulletList')
    expect(doc.textContent).toContain('cell text')
    expect(doc.textContent).not.toContain('color:red')
  })
})

describe('hostile HTML', () => {
  const hostile = `<h1 onclick="alert('h1')">Title</h1>
    <script>alert('script')</script><script src="https://evil.example/x.js"></script>
    <p onmouseover="alert('p')" style="background:url(javascript:alert('css'))">Text <a href="javascript:alert('link')">bad link</a>,
    <a href=" JaVa&#x09;ScRiPt:alert('tab')">tabbed</a>, <a href="data:text/html,<script>alert(1)</script>">data link</a>,
    <a href="https://ok.example/" onclick="alert('a')">good link</a>, <a href="#section">anchor</a>, <a href="mailto:a@b.example">mail</a></p>
    <img src="https://tracker.example/pixel.gif" onerror="alert('img')">
    <img src="data:image/png;base64,iVBORw0KGgo=" alt="embedded">
    <p><img src="javascript:alert('img-js')"></p>
    <img src="//cdn.example/a.png">
    <img src="pictures/local.png" alt="local" onerror="alert('local')">
    <iframe src="https://evil.example/"></iframe><object data="x.swf"></object><embed src="x.swf">
    <svg><script>alert('svg')</script><text>svg text</text></svg>
    <form action="https://evil.example/"><input value="secret"><button>Send</button></form>
    <meta http-equiv="refresh" content="0;url=https://evil.example/"><base href="https://evil.example/">
    <style>body{display:none}</style><template><p>hidden</p></template>`

  it('keeps the text and nothing that runs, loads or navigates', () => {
    const dropped = new DroppedContent()
    const doc = htmlToDoc(hostile, dropped)
    const json = JSON.stringify(doc.toJSON())
    expect(json).not.toMatch(/alert|javascript|onclick|onerror|onmouseover|evil\.example|tracker|data:|cdn\.example|svg text|secret|hidden|display:none/i)
    expect(doc.textContent).toContain('Title')
    expect(doc.textContent).toContain('bad link')
    const links: string[] = []
    const images: string[] = []
    doc.descendants((node) => {
      for (const mark of node.marks) if (mark.type.name === 'link') links.push(String(mark.attrs.href))
      if (node.type.name === 'image') images.push(String(node.attrs.src))
    })
    expect([...new Set(links)]).toEqual(['https://ok.example/', '#section', 'mailto:a@b.example'])
    expect(images).toEqual(['pictures/local.png'])
    expect(dropped.describe()).toEqual([
      '6 scripts or embedded objects',
      '2 images from the internet, not downloaded (https://tracker.example/pixel.gif, //cdn.example/a.png)',
      '1 embedded image that Holdfast cannot read (drafts keep PNG, JPEG, GIF and WebP images)',
      '1 image with an unsupported address (javascript:alert(\'img-js\'))',
      "3 links with an unsafe address, kept as plain text (javascript:alert('link'), JaVa ScRiPt:alert('tab'), data:text/html,<script>alert(1)</script>)"
    ])
  })

  it('leaves no empty paragraph where a dropped image stood alone', () => {
    const doc = htmlToDoc('<p>Before</p><p><img src="https://x.example/a.png"></p><p>After</p>', new DroppedContent())
    expect(normaliseNode(doc).content?.map((block) => block.type)).toEqual(['paragraph', 'paragraph'])
  })
})
