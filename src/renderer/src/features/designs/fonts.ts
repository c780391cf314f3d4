// The design fonts ship with the app (open licences, from Fontsource), so a design renders the
// same offline and on every machine: the two weights the canvas offers, every script subset.
import '@fontsource/inter/400.css'
import '@fontsource/inter/700.css'
import '@fontsource/playfair-display/400.css'
import '@fontsource/playfair-display/700.css'
import '@fontsource/oswald/400.css'
import '@fontsource/oswald/700.css'
import '@fontsource/dejavu-sans/400.css'
import '@fontsource/dejavu-sans/700.css'
import { FONT_FAMILIES } from '../../../../shared/design/types'

let ready: Promise<void> | null = null

/** Resolves once every design font face is loaded (the canvas draws text only with loaded fonts). */
export function whenDesignFontsReady(): Promise<void> {
  ready ??= Promise.all(
    FONT_FAMILIES.flatMap((family) => [400, 700].map((weight) => document.fonts.load(`${weight} 32px "${family}"`)))
  ).then(() => undefined)
  return ready
}
