// @vitest-environment happy-dom
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cleanPastedHtml } from '../../../../../src/renderer/src/features/paste/cleanPastedHtml'

const fixture = (name: string) => readFileSync(resolve('test/fixtures/paste', name), 'utf8')

function parse(html: string): HTMLElement {
  const div = document.createElement('div')
  div.innerHTML = cleanPastedHtml(html)
  return div
}

describe('cleanPastedHtml', () => {
  it('turns Word list paragraphs into nested bulleted and numbered lists without their literal bullets', () => {
    const root = parse(fixture('word-2016.html'))
    const bullets = root.querySelector('ul')
    expect([...(bullets?.children ?? [])].map((li) => li.firstElementChild?.textContent.trim())).toEqual([
      'Barriers raised at 02:00',
      'No homes flooded'
    ])
    expect(bullets?.querySelector('li > ul > li')?.textContent.trim()).toBe('East bank first')
    const numbered = root.querySelector('ol')
    expect([...(numbered?.children ?? [])].map((li) => li.textContent.trim())).toEqual(['Check the alerts', 'Move valuables upstairs'])
    expect(root.textContent).not.toContain('·')
    expect(root.querySelector('h1')?.textContent.trim()).toBe('Flood defences hold')
    expect(root.querySelector('b')?.textContent).toBe('4.2 metres')
  })

  it('turns Google Docs styles into bold and italic, and drops the wrapper that only pretends to be bold', () => {
    const root = parse(fixture('google-docs.html'))
    expect([...root.querySelectorAll('b, strong')].map((e) => e.textContent)).toEqual(['4.2 metres'])
    expect([...root.querySelectorAll('em')].map((e) => e.textContent)).toEqual(['Environment Agency'])
    expect(root.querySelector('[style]')).toBeNull()
  })

  it('moves Google Docs sub-lists into the item they belong to', () => {
    const root = parse(fixture('google-docs.html'))
    expect(root.querySelector('ul > ul')).toBeNull()
    expect(root.querySelector('ul > li > ul > li')?.textContent).toBe('East bank first')
  })
})
