/** What a failure is about: looking for an update, or downloading one. */
type UpdatePhase = 'check' | 'download'

const KEEPS_WORKING = 'Nothing was installed: this version keeps working.'
const NETWORK_CODES = /^(?:E(?:CONNREFUSED|CONNRESET|NOTFOUND|TIMEDOUT|AI_AGAIN|NETUNREACH|HOSTUNREACH|PIPE)|ERR_(?:INTERNET_DISCONNECTED|NAME_NOT_RESOLVED|CONNECTION_\w+|NETWORK_\w+|TIMED_OUT|ADDRESS_UNREACHABLE|CONTENT_LENGTH_MISMATCH|INCOMPLETE_CHUNKED_ENCODING))$/

/**
 * The sentence the Updates section shows for an electron-updater failure: what happened and
 * what to do, never a stack trace.
 */
export function updateErrorMessage(error: unknown, phase: UpdatePhase): string {
  const { code, message, statusCode } = describe(error)
  if (code === 'ERR_CHECKSUM_MISMATCH' || /sha512 checksum mismatch/i.test(message)) {
    return `The downloaded update did not match its published checksum, so it was thrown away. ${KEEPS_WORKING} Choose Check now to download it again.`
  }
  if (code === 'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND') {
    const file = /channel "([^"]+)"/.exec(message)?.[1]
    return `The update feed has no releases for this channel and system${file ? ` (${file} is missing)` : ''}. Check the feed address and channel in Settings → Updates.`
  }
  if (code === 'ENOENT' && /app-update\.yml/.test(message)) {
    return 'This build of Holdfast was published without an update feed. Enter a feed address below, or install new versions by hand.'
  }
  const status = statusCode ?? /status (\d{3})\b/.exec(message)?.[1]
  if (status !== undefined) {
    return `The update server answered with HTTP ${status}. ${KEEPS_WORKING} Holdfast tries again later.`
  }
  const networkCode = code ?? /net::(ERR_\w+)/.exec(message)?.[1]
  if ((networkCode !== undefined && NETWORK_CODES.test(networkCode)) || /aborted|socket hang up|timed out/i.test(message)) {
    return phase === 'download'
      ? `The update download was interrupted${networkCode ? ` (${networkCode})` : ''}. ${KEEPS_WORKING} Holdfast downloads it again at the next check.`
      : `Holdfast could not reach the update server${networkCode ? ` (${networkCode})` : ''}. Check your connection or the feed address; Holdfast tries again later.`
  }
  const what = phase === 'download' ? 'Downloading the update' : 'Checking for updates'
  return `${what} failed: ${firstLine(message)}. ${KEEPS_WORKING}`
}

function describe(error: unknown): { code?: string; message: string; statusCode?: number } {
  if (!(error instanceof Error)) return { message: String(error) }
  const { code, statusCode } = error as { code?: unknown; statusCode?: unknown }
  return {
    code: typeof code === 'string' ? code : undefined,
    message: error.message,
    statusCode: typeof statusCode === 'number' ? statusCode : undefined
  }
}

function firstLine(message: string): string {
  const line = message.split('\n', 1)[0]?.trim() || 'no reason given'
  return line.length > 200 ? `${line.slice(0, 199)}…` : line.replace(/\.$/, '')
}
