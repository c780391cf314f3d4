import { describe, expect, it } from 'vitest'
import { parseCopyVariants } from '../../../../src/shared/design/copyVariants'

describe('parseCopyVariants', () => {
  it('takes one variant per line', () => {
    expect(parseCopyVariants('Big news is coming\nSomething big is here\nWatch this space', 100)).toEqual(['Big news is coming', 'Something big is here', 'Watch this space'])
  })

  it('strips numbering, bullets, Markdown and quotation marks, and drops the chatter around them', () => {
    const answer = [
      'Sure! Here are three variants of your headline:',
      '',
      '1. **Big news is coming**',
      '2) "Something big is here"',
      '- “Watch this space”',
      '',
      'Let me know if you want more!'
    ].join('\n')
    expect(parseCopyVariants(answer, 100)).toEqual(['Big news is coming', 'Something big is here', 'Watch this space'])
  })

  it('handles "Variant 1:" labels, headings, stacked markers and Windows line ends', () => {
    expect(parseCopyVariants('## Variant 1: Join us in June\r\nOption B - Save the date\r\n* 3. `Be there`', 100)).toEqual(['Join us in June', 'Save the date', 'Be there'])
  })

  it('keeps at most three, in order, dropping exact duplicates but not different casing', () => {
    expect(parseCopyVariants('Learn more\nLearn more\nLEARN MORE\nFind out more\nSee more', 100)).toEqual(['Learn more', 'LEARN MORE', 'Find out more'])
  })

  it('keeps numbers that are part of the copy', () => {
    expect(parseCopyVariants('3.5 million reasons to smile\n12 June: the reveal\n2024 was big', 100)).toEqual(['3.5 million reasons to smile', '12 June: the reveal', '2024 was big'])
    expect(parseCopyVariants('Version 2.0 is here', 100)).toEqual(['Version 2.0 is here'])
  })

  it('cuts each variant to the budget at a word boundary, without a dangling word', () => {
    expect(parseCopyVariants('Something really big is coming to the harbour on Tuesday', 29)).toEqual(['Something really big is'])
    expect(parseCopyVariants('Join us and the whole team for the reveal', 25)).toEqual(['Join us and the whole'])
  })

  it('gives nothing for an empty or blank answer, or one with only chatter or punctuation', () => {
    expect(parseCopyVariants('', 40)).toEqual([])
    expect(parseCopyVariants('  \n\n \t', 40)).toEqual([])
    expect(parseCopyVariants('Here are some options:\n---\n***\n"" ', 40)).toEqual([])
  })

  describe('hostile output', () => {
    it('cuts a very long line to the budget and a single endless word inside it', () => {
      const [variant] = parseCopyVariants('word '.repeat(50_000), 40)
      expect(variant?.length).toBeLessThanOrEqual(40)
      expect(variant).toMatch(/^word( word)*$/)
      expect(parseCopyVariants('x'.repeat(100_000), 12)).toEqual(['x'.repeat(12)])
    })

    it('reads only the start of an enormous answer and a bounded number of lines', () => {
      const answer = `${'\n'.repeat(500)}Late variant`
      expect(parseCopyVariants(answer, 40)).toEqual([])
    })

    it('removes markup: tags go, script and style content goes with them, line-like tags end a line', () => {
      const answer = '<p>Big <b>news</b> soon</p><script>alert("pwned")</script><li>Second <i>one</i></li><style>p{}</style><br>Third<img src=x onerror=alert(1)>'
      expect(parseCopyVariants(answer, 100)).toEqual(['Big news soon', 'Second one', 'Third'])
    })

    it('drops control and invisible formatting characters', () => {
      expect(parseCopyVariants('Big\u0000 news\u202e here\u200b\u0007', 100)).toEqual(['Big news here'])
    })

    it('survives an unclosed script tag', () => {
      expect(parseCopyVariants('First line\n<script>while(true){}\nSecond line', 100)).toEqual(['First line'])
    })
  })
})
