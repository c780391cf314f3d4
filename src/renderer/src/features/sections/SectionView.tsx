import type { SectionId } from '../../app/sections'

const DESCRIPTIONS: Record<Exclude<SectionId, 'drafts'>, { title: string; text: string }> = {
  designs: {
    title: 'Designs',
    text: 'Marketing designs are not part of this build yet. When they are, they will be listed here.'
  },
  team: {
    title: 'Team',
    text: 'Peer-to-peer team sync is not part of this build yet. Nothing is shared with anyone.'
  }
}

/** The main editing area for the chosen section. */
export function SectionView({ section }: { section: Exclude<SectionId, 'drafts'> }) {
  const { title, text } = DESCRIPTIONS[section]
  return (
    <section className="section-view" aria-labelledby="section-title">
      <h1 id="section-title">{title}</h1>
      <p className="empty-state">{text}</p>
    </section>
  )
}
