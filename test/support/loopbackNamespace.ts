/**
 * Why a test that needs the loopback-only network namespace (scripts/inLoopbackNetwork.sh) cannot
 * run here, printed once as "<what> skipped: <why>"; null inside the namespace.
 */
export function outsideNamespace(what: string, needs: string): string | null {
  if (process.env.HOLDFAST_LOOPBACK_NETNS === '1') return null
  const reason = `${needs} run only inside the loopback-only network namespace that scripts/inLoopbackNetwork.sh enters (npm test does); this run is outside it.`
  console.warn(`${what} skipped: ${reason}`)
  return reason
}
