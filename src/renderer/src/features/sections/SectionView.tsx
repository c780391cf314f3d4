import type { SectionId } from '../../app/sections'

const DESCRIPTIONS: Record<Exclude<SectionId, 'drafts' | 'team'>, { title: string; text: string }> = {
  designs: {
    title: 'Designs',
    text: 'Marketing designs are not part of this build yet. When they are, they will be listed here.'
  }
}

/** The main editing area for a section that is not built yet. */
export function SectionView({ section }: { section: Exclude<SectionId, 'drafts' | 'team'> }) {
  const { title, text } = DESCRIPTIONS[section]
  return (
    <section className="section-view" aria-labelledby="section-title">
      <h1 id="section-title">{title}</h1>
      <p className="empty-state">{text}</p>
    </section>
  )
}
