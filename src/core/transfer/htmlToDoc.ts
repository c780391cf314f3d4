import { DOMParser as SchemaParser, type Node as PMNode } from '@tiptap/pm/model'
import { Window } from 'happy-dom'
import { draftSchema } from './draftSchema'
import type { DroppedContent } from './droppedContent'
import { sanitizeHtml, type StoreImage } from './sanitizeHtml'

/**
 * HTML text → a draft body. Parsed by happy-dom with scripts, style sheets, frames and every
 * network request turned off, cleaned (sanitizeHtml), then read by the draft schema's own
 * parse rules, so only what a draft can hold survives.
 */
export function htmlToDoc(html: string, dropped: DroppedContent, storeImage?: StoreImage): PMNode {
  const window = new Window({
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
      handleDisabledFileLoadingAsSuccess: true,
      navigation: { disableMainFrameNavigation: true, disableChildFrameNavigation: true, disableChildPageNavigation: true },
      fetch: { interceptor: { beforeAsyncRequest: () => Promise.reject(new Error('Imports never fetch.')), beforeSyncRequest: refuseSync } }
    }
  })
  try {
    const document = new window.DOMParser().parseFromString(html, 'text/html')
    sanitizeHtml(document, dropped, storeImage)
    return SchemaParser.fromSchema(draftSchema()).parse(document.body)
  } finally {
    void window.happyDOM.abort()
    void window.happyDOM.close()
  }
}

function refuseSync(): never {
  throw new Error('Imports never fetch.')
}
