import { describe, expect, it } from 'vitest'
import { updateErrorMessage } from '../../../../src/main/updates/updateErrorMessage'

function coded(message: string, code: string, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(message), { code }, extra)
}

describe('updateErrorMessage', () => {
  it('says a download that failed its checksum was thrown away and the running version stays', () => {
    const message = updateErrorMessage(coded('sha512 checksum mismatch, expected abc, got def', 'ERR_CHECKSUM_MISMATCH'), 'download')
    expect(message).toMatch(/did not match its published checksum, so it was thrown away/)
    expect(message).toMatch(/this version keeps working/)
  })

  it('names the missing channel file and where to fix the feed', () => {
    const error = coded('Cannot find channel "beta-linux.yml" update info: HttpError: 404 Not Found\n    at stack', 'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND')
    expect(updateErrorMessage(error, 'check')).toBe(
      'The update feed has no releases for this channel and system (beta-linux.yml is missing). Check the feed address and channel in Settings → Updates.'
    )
  })

  it('explains a build published without a feed', () => {
    const error = coded("ENOENT: no such file or directory, open '/opt/Holdfast/resources/app-update.yml'", 'ENOENT')
    expect(updateErrorMessage(error, 'check')).toMatch(/published without an update feed/)
  })

  it('tells a dropped download from an unreachable server, with the network code', () => {
    expect(updateErrorMessage(new Error('net::ERR_CONNECTION_RESET'), 'download')).toBe(
      'The update download was interrupted (ERR_CONNECTION_RESET). Nothing was installed: this version keeps working. Holdfast downloads it again at the next check.'
    )
    expect(updateErrorMessage(coded('getaddrinfo ENOTFOUND updates.example.com', 'ENOTFOUND'), 'check')).toMatch(
      /^Holdfast could not reach the update server \(ENOTFOUND\)/
    )
  })

  it('gives the HTTP status of a failed request', () => {
    expect(updateErrorMessage(Object.assign(new Error('HTTP error: Bad gateway'), { statusCode: 502 }), 'check')).toMatch(/answered with HTTP 502/)
    expect(updateErrorMessage(new Error('Cannot download "https://x/Holdfast.AppImage", status 403: Forbidden'), 'download')).toMatch(/answered with HTTP 403/)
  })

  it('falls back to the first line of anything else, never a stack trace', () => {
    const message = updateErrorMessage(new Error('Something odd.\n    at AppUpdater.doCheckForUpdates (AppUpdater.js:1:1)'), 'check')
    expect(message).toBe('Checking for updates failed: Something odd. Nothing was installed: this version keeps working.')
    expect(updateErrorMessage('x'.repeat(1000), 'download').length).toBeLessThanOrEqual(500)
  })
})
