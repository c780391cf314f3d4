import { memo, useState } from 'react'
import { suggestLayouts } from '../../../../shared/design/layoutSuggestions'
import type { LayerPatch } from '../../../../shared/design/designDoc'
import type { Design } from '../../../../shared/design/types'

type Idea = ReturnType<typeof suggestLayouts>[number]

/** Other arrangements of the same layers, by hierarchy and alignment rules (no model needed), worked out on request. */
export const LayoutIdeas = memo(function LayoutIdeas({ getDesign, onApply }: { getDesign: () => Design; onApply: (patches: LayerPatch[]) => void }) {
  const [ideas, setIdeas] = useState<Idea[] | null>(null)
  return (
    <section className="layout-ideas" aria-labelledby="layout-ideas-heading">
      <h2 id="layout-ideas-heading">Layout ideas</h2>
      <button type="button" onClick={() => setIdeas(suggestLayouts(getDesign()))}>
        Suggest layouts
      </button>
      {ideas?.length === 0 ? <p className="field-note">No other arrangement fits these layers. Add a headline or a call to action first.</p> : null}
      {ideas && ideas.length > 0 ? (
        <ul aria-label="Suggested layouts">
          {ideas.map((idea) => (
            <li key={idea.name}>
              <button type="button" onClick={() => onApply(idea.patches)}>
                Use “{idea.name}”
              </button>
              <span className="field-note"> {idea.description}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  )
})
