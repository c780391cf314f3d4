interface ChannelPeer {
  initiator: boolean
  emit(event: 'data', data: Uint8Array): void
  _pc: { addEventListener(type: 'datachannel', listener: (event: { channel: DataChannel }) => void): void } | null
}
interface DataChannel {
  binaryType: string
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void
}

/**
 * Makes a connection that opened its own data channel also read the one its peer opened.
 * When two peers offer at once (glare), y-webrtc has one of them take the other's offer on its
 * own connection; both were initiators, so each opened a channel and simple-peer sends on its
 * own and reads only its own: the connection comes up and nothing sent arrives, on either side
 * (a teammate shown connected whose sync never completes). Reading the peer's channel too
 * delivers everything; each side still sends in order on one channel. Without glare an
 * initiator's peer opens no channel, so this never fires.
 */
export function receiveOnEveryChannel(peer: ChannelPeer): void {
  if (!peer.initiator) return
  peer._pc?.addEventListener('datachannel', ({ channel }) => {
    channel.binaryType = 'arraybuffer'
    channel.addEventListener('message', ({ data }) => {
      if (data instanceof ArrayBuffer) peer.emit('data', new Uint8Array(data))
    })
  })
}
