const LIST_STYLE = /mso-list:\s*l\d+\s+level(\d+)/i

function listLevel(node: Node): number | null {
  if (!(node instanceof Element) || node.tagName !== 'P') return null
  const match = LIST_STYLE.exec(node.getAttribute('style') ?? '')
  return match ? Number(match[1]) : null
}

/**
 * Word puts lists on the clipboard as paragraphs styled `mso-list: l0 level1 lfo1` whose
 * bullet or number is literal text in a `mso-list: Ignore` span. Each run of such sibling
 * paragraphs becomes a real nested <ul>/<ol>, so the editor keeps them as lists.
 */
export function convertWordLists(root: ParentNode): void {
  const parents = new Set<ParentNode>()
  for (const p of root.querySelectorAll('p')) if (listLevel(p) !== null && p.parentNode) parents.add(p.parentNode)
  for (const parent of parents) {
    let lists: HTMLElement[] = []
    for (const node of [...parent.childNodes]) {
      const level = listLevel(node)
      if (level === null) {
        // Whitespace between paragraphs keeps a list going; anything else ends it.
        if (node.nodeType !== Node.TEXT_NODE || node.textContent?.trim()) lists = []
        continue
      }
      const paragraph = node as Element
      const marker = [...paragraph.querySelectorAll('span')].find((span) => /mso-list:\s*ignore/i.test(span.getAttribute('style') ?? ''))
      const ordered = /^\s*\(?[0-9a-z]{1,4}[.)]/i.test(marker?.textContent ?? '')
      marker?.remove()
      lists = lists.slice(0, level)
      while (lists.length < level) {
        const list = paragraph.ownerDocument.createElement(ordered ? 'ol' : 'ul')
        const parentItem = lists.at(-1)?.lastElementChild
        if (parentItem) parentItem.append(list)
        else paragraph.before(list)
        lists.push(list)
      }
      const item = paragraph.ownerDocument.createElement('li')
      const content = paragraph.ownerDocument.createElement('p')
      content.append(...paragraph.childNodes)
      item.append(content)
      lists.at(-1)?.append(item)
      paragraph.remove()
    }
  }
}

/** Google Docs nests a sub-list as a sibling of the items; move it into the item before it. */
export function nestStrayLists(root: ParentNode): void {
  for (const list of root.querySelectorAll('ul > ul, ul > ol, ol > ul, ol > ol')) {
    const item = list.previousElementSibling
    if (item?.tagName === 'LI') item.append(list)
  }
}

/** The declarations of an inline style attribute, read from the text (see styleToTags for why). */
function inlineStyle(element: Element): Map<string, string> {
  const declarations = new Map<string, string>()
  for (const part of (element.getAttribute('style') ?? '').split(';')) {
    const colon = part.indexOf(':')
    if (colon > 0) declarations.set(part.slice(0, colon).trim().toLowerCase(), part.slice(colon + 1).trim().toLowerCase())
  }
  return declarations
}

const BOLD = /^(bold|bolder|[6-9]00)$/

/**
 * Office apps mark emphasis with inline styles (Google Docs: spans with font-weight:700 and
 * font-style:italic; and a whole-selection <b style="font-weight:normal"> that is not bold).
 * The renderer's CSP forbids inline styles, so the browser does not apply them and the
 * editor's style-based rules see nothing: turn them into <strong>/<em> here, read from the
 * attribute text, and drop the style attributes.
 */
export function styleToTags(root: ParentNode): void {
  for (const element of [...root.querySelectorAll('[style]')]) {
    const style = inlineStyle(element)
    const weight = style.get('font-weight') ?? ''
    element.removeAttribute('style')
    if ((element.tagName === 'B' || element.tagName === 'STRONG') && !BOLD.test(weight) && weight !== '') {
      element.replaceWith(...element.childNodes)
      continue
    }
    if (element.tagName !== 'SPAN') continue
    const wrappers = [BOLD.test(weight) ? 'strong' : null, style.get('font-style') === 'italic' ? 'em' : null]
    for (const tag of wrappers) {
      if (!tag) continue
      const wrapper = element.ownerDocument.createElement(tag)
      wrapper.append(...element.childNodes)
      element.append(wrapper)
    }
  }
}

/** Clipboard HTML from Word or Google Docs, made ready for the editor's parser. */
export function cleanPastedHtml(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html')
  // Lists first: they are recognised by their mso-list style, which styleToTags removes.
  convertWordLists(doc.body)
  nestStrayLists(doc.body)
  styleToTags(doc.body)
  // Word's <o:p> placeholders and conditional comments carry nothing the editor keeps.
  for (const node of doc.body.querySelectorAll('*')) if (node.tagName.toLowerCase() === 'o:p') node.remove()
  return doc.body.innerHTML
}
