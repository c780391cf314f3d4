import type { Node as PMNode } from '@tiptap/pm/model'
import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  Paragraph,
  TextRun,
  type ILevelsOptions,
  type INumberingOptions,
  type IRunOptions,
  type ParagraphChild
} from 'docx'
import { imageOf, type ReadBlob } from './blobImages'
import { imageDimensions } from './imageDimensions'
import { inlineRuns, type InlineRun } from './inlineRuns'
import { imageText } from './exportText'

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3] as const
const BULLETS = 'holdfast-bullets'
const BULLET_SYMBOLS = ['•', '◦', '▪']
const INDENT = 720 // twips: half an inch per list level
const MAX_LEVEL = 8
/** Images wider than the text column (6 inches at 96 pixels per inch) are scaled down to it. */
const MAX_IMAGE_WIDTH = 576
const DOCX_IMAGE_TYPES: Record<string, 'png' | 'jpg' | 'gif'> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif' }

interface ListContext {
  reference: string
  instance: number
  level: number
}

/**
 * A draft body as a Word document: real heading styles, bulleted and numbered lists (nested,
 * each list numbered from its own start), bold, italic, underline, strikethrough, hyperlinks,
 * quotes (the "Quote" style), horizontal rules and images (PNG, JPEG and GIF, with their alt
 * text; a WebP image, which Word cannot show, becomes "[Image: alt]" in italics).
 */
export async function exportDocx(body: PMNode, title: string, readBlob: ReadBlob): Promise<Uint8Array> {
  const writer = new DocxWriter(readBlob)
  body.forEach((block) => writer.block(block, null, 0))
  const document = new Document({
    creator: 'Holdfast',
    title,
    styles: {
      // Space after each paragraph, as Word's own default template has.
      default: { document: { paragraph: { spacing: { after: 160 } } } },
      paragraphStyles: [
        {
          id: 'Quote',
          name: 'Quote',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          run: { italics: true, color: '555555' },
          paragraph: { indent: { left: INDENT } }
        }
      ]
    },
    numbering: writer.numbering(),
    sections: [{ children: writer.paragraphs }]
  })
  return new Uint8Array(await Packer.toBuffer(document))
}

class DocxWriter {
  readonly paragraphs: Paragraph[] = []
  private readonly starts = new Set<number>()
  private instances = 0

  constructor(private readonly readBlob: ReadBlob) {}

  numbering(): INumberingOptions {
    const levels = (format: (level: number) => Pick<ILevelsOptions, 'format' | 'text' | 'start'>): ILevelsOptions[] =>
      Array.from({ length: MAX_LEVEL + 1 }, (_, level) => ({
        level,
        alignment: AlignmentType.START,
        style: { paragraph: { indent: { left: INDENT * (level + 1), hanging: 360 } } },
        ...format(level)
      }))
    return {
      config: [
        { reference: BULLETS, levels: levels((level) => ({ format: LevelFormat.BULLET, text: BULLET_SYMBOLS[level % 3] ?? '•' })) },
        ...[...this.starts].map((start) => ({
          reference: numberedReference(start),
          levels: levels((level) => ({ format: LevelFormat.DECIMAL, text: `%${level + 1}.`, start }))
        }))
      ]
    }
  }

  block(node: PMNode, list: ListContext | null, quoteDepth: number, first = true): void {
    const indent = quoteDepth > 0 || (list && !first) ? { left: INDENT * (quoteDepth + (list ? list.level + 1 : 0)) } : undefined
    const style = quoteDepth > 0 ? 'Quote' : undefined
    const numbering = list && first ? { reference: list.reference, level: list.level, instance: list.instance } : undefined
    switch (node.type.name) {
      case 'heading': {
        const level = typeof node.attrs.level === 'number' ? node.attrs.level : 1
        this.paragraphs.push(new Paragraph({ heading: HEADINGS[level - 1] ?? HeadingLevel.HEADING_3, children: runs(node) }))
        return
      }
      case 'paragraph':
        this.paragraphs.push(new Paragraph({ children: runs(node), style, indent, numbering }))
        return
      case 'image':
        this.paragraphs.push(new Paragraph({ children: [this.image(node)], style, indent, numbering }))
        return
      case 'horizontalRule':
        this.paragraphs.push(new Paragraph({ thematicBreak: true, children: [] }))
        return
      case 'blockquote':
        node.forEach((child) => this.block(child, null, quoteDepth + 1))
        return
      case 'bulletList':
      case 'orderedList':
        this.list(node, list, quoteDepth)
        return
      default:
        this.paragraphs.push(new Paragraph({ children: [new TextRun(node.textContent)], style, indent }))
    }
  }

  private image(node: PMNode): ParagraphChild {
    const image = imageOf(node, this.readBlob)
    const type = image ? DOCX_IMAGE_TYPES[image.mime] : undefined
    const size = image && type ? imageDimensions(image.bytes, image.mime) : null
    if (!image || !type || !size) {
      const placeholder: IRunOptions = { text: imageText(node), italics: true }
      return new TextRun(placeholder)
    }
    const scale = Math.min(1, MAX_IMAGE_WIDTH / size.width)
    const alt = typeof node.attrs.alt === 'string' ? node.attrs.alt : ''
    return new ImageRun({
      type,
      data: image.bytes,
      transformation: { width: Math.round(size.width * scale), height: Math.round(size.height * scale) },
      altText: { name: alt || 'Image', description: alt, title: alt }
    })
  }

  private list(node: PMNode, parent: ListContext | null, quoteDepth: number): void {
    let reference = BULLETS
    if (node.type.name === 'orderedList') {
      const start = typeof node.attrs.start === 'number' && node.attrs.start >= 0 ? Math.floor(node.attrs.start) : 1
      this.starts.add(start)
      reference = numberedReference(start)
    }
    const context: ListContext = { reference, instance: ++this.instances, level: parent ? Math.min(parent.level + 1, MAX_LEVEL) : 0 }
    node.forEach((item) => {
      item.forEach((child, _offset, index) => this.block(child, context, quoteDepth, index === 0))
    })
  }
}

function numberedReference(start: number): string {
  return `holdfast-numbered-${start}`
}

function runs(block: PMNode): ParagraphChild[] {
  // Neighbouring runs with the same link are one hyperlink.
  const groups: { link: string | null; runs: InlineRun[] }[] = []
  for (const run of inlineRuns(block)) {
    const last = groups.at(-1)
    if (last && run.link && last.link === run.link && !run.breakBefore) last.runs.push(run)
    else groups.push({ link: run.link, runs: [run] })
  }
  return groups.flatMap((group): ParagraphChild[] =>
    group.link ? [new ExternalHyperlink({ link: group.link, children: group.runs.map(textRun) })] : group.runs.map(textRun)
  )
}

function textRun(run: InlineRun): TextRun {
  // Typed as options first: TextRun also takes a string, and the linter would read `bold` as String#bold.
  const options: IRunOptions = {
    text: run.text,
    break: run.breakBefore ? 1 : undefined,
    bold: run.bold || undefined,
    italics: run.italic || undefined,
    underline: run.underline ? {} : undefined,
    strike: run.strike || undefined,
    style: run.link ? 'Hyperlink' : undefined
  }
  return new TextRun(options)
}
