import { describe, expect, it } from 'vitest'
import { groupCommands, type PaletteCommand } from '../../../../../src/renderer/src/features/palette/commands'

const command = (id: string, group: PaletteCommand['group']): PaletteCommand => ({ id, title: id, group, run: () => undefined })

describe('groupCommands', () => {
  it('keeps groups in first-seen order and commands in their order', () => {
    const groups = groupCommands([command('a', 'Go to'), command('b', 'View'), command('c', 'Go to')])
    expect(groups.map(([name, items]) => [name, items.map((c) => c.id)])).toEqual([
      ['Go to', ['a', 'c']],
      ['View', ['b']]
    ])
  })
})
