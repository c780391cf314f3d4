import type { ExportFormat } from '../../shared/contracts/transfer'

export const EXPORT_TYPES: Record<ExportFormat, { extension: string; mimeType: string }> = {
  markdown: { extension: '.md', mimeType: 'text/markdown;charset=utf-8' },
  html: { extension: '.html', mimeType: 'text/html;charset=utf-8' },
  text: { extension: '.txt', mimeType: 'text/plain;charset=utf-8' },
  docx: { extension: '.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  pdf: { extension: '.pdf', mimeType: 'application/pdf' }
}

const MAX_STEM = 100

/** A file name any desktop system accepts, from a draft's title: "Chapter 1: Start" → "Chapter 1 - Start.md". */
export function exportFileName(title: string, format: ExportFormat): string {
  const stem = title
    // eslint-disable-next-line no-control-regex -- control characters are not allowed in file names.
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/\s*[:]\s*/g, ' - ')
    .replace(/[\\/*?"<>|]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s-]+|[.\s]+$/g, '')
    .slice(0, MAX_STEM)
    .trim()
  const reserved = /^(con|prn|aux|nul|com\d|lpt\d)$/i.test(stem)
  return `${stem && !reserved ? stem : 'Untitled'}${EXPORT_TYPES[format].extension}`
}
