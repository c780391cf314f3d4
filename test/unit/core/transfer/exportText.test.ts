import { describe, expect, it } from 'vitest'
import { exportText } from '../../../../src/core/transfer/exportText'
import { draftBody } from '../../../../src/core/transfer/loadDraft'
import { CORE_BLOCKS, EXTRA_BLOCKS, draftUpdates } from '../../../support/transfer'

describe('plain text export', () => {
  it('writes blocks separated by blank lines, list markers, quotes and image placeholders', () => {
    expect(exportText(draftBody(draftUpdates([...CORE_BLOCKS, ...EXTRA_BLOCKS])))).toBe(
      [
        'Chapter One',
        '',
        'Plain, bold, italic, both and a link.',
        '',
        'Lists',
        '',
        '- First point',
        '  - Nested point',
        '- Second point',
        '',
        '1. Step one',
        '   1. Sub-step',
        '2. Step two',
        '',
        'The end',
        '',
        'Last paragraph with bold link.',
        '',
        '> A quote with emphasis',
        '',
        'Struck and underlined then',
        'a new line',
        '',
        '* * *',
        '',
        '[Image: A figure]',
        ''
      ].join('\n')
    )
  })
})
