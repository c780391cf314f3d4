export const SECTIONS = [
  { id: 'drafts', label: 'Drafts', key: '1' },
  { id: 'designs', label: 'Designs', key: '2' },
  { id: 'team', label: 'Team', key: '3' }
] as const

export type SectionId = (typeof SECTIONS)[number]['id']
