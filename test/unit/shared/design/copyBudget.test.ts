import { describe, expect, it } from 'vitest'
import { copyBudget, fitToBudget, linesThatFit } from '../../../../src/shared/design/copyBudget'
import { wrapText } from '../../../../src/shared/design/svgExport'
import { DESIGN_TEMPLATES } from '../../../../src/shared/design/templates'
import type { TextLayer } from '../../../../src/shared/design/types'

const box = (changes: Partial<TextLayer> = {}): Pick<TextLayer, 'text' | 'width' | 'height' | 'fontFamily' | 'fontSize' | 'fontWeight' | 'lineHeight'> => ({
  text: 'Learn more',
  width: 400,
  height: 48,
  fontFamily: 'Inter',
  fontSize: 40,
  fontWeight: 400,
  lineHeight: 1.2,
  ...changes
})

/** Copy of exactly `chars` characters made of ordinary words. */
function copyOf(chars: number): string {
  return 'the harbour council will meet again next week to decide on the sea wall and the path '.repeat(20).slice(0, chars).trim()
}

describe('copyBudget', () => {
  it('counts the lines the box is tall enough for, at least one', () => {
    expect(linesThatFit(box({ height: 48 }))).toBe(1)
    expect(linesThatFit(box({ height: 144 }))).toBe(3)
    expect(linesThatFit(box({ height: 10 }))).toBe(1)
  })

  it('grows with the box and shrinks with the font', () => {
    const base = copyBudget(box())
    expect(copyBudget(box({ width: 800 }))).toBeGreaterThan(base)
    expect(copyBudget(box({ height: 144 }))).toBeGreaterThan(base)
    expect(copyBudget(box({ fontSize: 80 }))).toBeLessThan(base)
    expect(copyBudget(box({ fontWeight: 700, fontFamily: 'DejaVu Sans' }))).toBeLessThanOrEqual(base)
  })

  it('gives a budget that ordinary copy of that length fits (by the export’s wrap estimate)', () => {
    for (const changes of [{}, { height: 144 }, { width: 900, height: 300, fontSize: 60 }, { fontFamily: 'Oswald' as const, height: 100 }]) {
      const layer = box({ ...changes, text: '' })
      const budget = copyBudget(layer)
      expect(wrapText(copyOf(budget), layer, layer.width).length, JSON.stringify(changes)).toBeLessThanOrEqual(linesThatFit(layer))
    }
  })

  it('is never less than the copy already in a template’s box', () => {
    for (const template of DESIGN_TEMPLATES) {
      let id = 0
      for (const layer of template.build(() => String(id++)).layers) {
        if (layer.type === 'text') expect(copyBudget(layer), `${template.name}: ${layer.name}`).toBeGreaterThanOrEqual(layer.text.trim().length)
      }
    }
  })
})

describe('fitToBudget', () => {
  it('keeps copy within the budget as it is', () => {
    expect(fitToBudget('  Learn more ', 10)).toBe('Learn more')
  })

  it('cuts at the last word boundary and keeps a word ending exactly at the budget', () => {
    expect(fitToBudget('Join us on 12 June for the reveal', 18)).toBe('Join us on 12 June')
    expect(fitToBudget('Join us on 12 June for the reveal', 20)).toBe('Join us on 12 June')
  })

  it('drops dangling joining words and punctuation at the cut', () => {
    expect(fitToBudget('Tickets, food and drinks for everyone', 22)).toBe('Tickets, food')
    expect(fitToBudget('Big news — the reveal is here', 10)).toBe('Big news')
  })

  it('cuts inside a single word longer than the budget, never splitting a character', () => {
    expect(fitToBudget('Supercalifragilistic', 5)).toBe('Super')
    expect(fitToBudget('😀😀😀😀', 2)).toBe('😀😀')
  })
})
