import { describe, expect, it } from 'vitest'
import { exportFileName } from '../../../../src/core/transfer/exportFileName'

describe('exportFileName', () => {
  it('names the file after the title, with the format’s extension', () => {
    expect(exportFileName('Chapter 1: The Start', 'markdown')).toBe('Chapter 1 - The Start.md')
    expect(exportFileName('Q3 report', 'docx')).toBe('Q3 report.docx')
    expect(exportFileName('Ωμέγα notes', 'pdf')).toBe('Ωμέγα notes.pdf')
  })

  it('replaces what file systems refuse and never leaves a hidden or empty name', () => {
    expect(exportFileName('a/b\\c*d?e"f<g>h|i', 'text')).toBe('a-b-c-d-e-f-g-h-i.txt')
    expect(exportFileName('../../etc/passwd', 'html')).toBe('etc-passwd.html')
    expect(exportFileName('  \u0000\t ', 'html')).toBe('Untitled.html')
    expect(exportFileName('', 'pdf')).toBe('Untitled.pdf')
    expect(exportFileName('CON', 'text')).toBe('Untitled.txt')
    expect(exportFileName('x'.repeat(300), 'markdown')).toBe(`${'x'.repeat(100)}.md`)
  })
})
