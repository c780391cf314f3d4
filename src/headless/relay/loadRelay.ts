/**
 * The relay's module, loaded only for a relay: it brings WebRTC for Node (a native module), which
 * only the Linux installers and a source checkout carry.
 */
export async function loadRelay(): Promise<typeof import('./relayPeer')> {
  try {
    return await import('./relayPeer')
  } catch (error) {
    const missing = error instanceof Error && 'code' in error && error.code === 'ERR_MODULE_NOT_FOUND' && error.message.includes('@roamhq/wrtc')
    if (!missing) throw error
    throw new Error('the relay needs WebRTC for Node (@roamhq/wrtc), which this build does not include. Run the relay from the Linux build or from a source checkout (npm run headless -- --relay).', { cause: error })
  }
}
