import wrtc from '@roamhq/wrtc'

/** What this file uses of RTCPeerConnection (the Node build has no DOM types). */
interface SessionDescription {
  type: string
  sdp?: string
}
interface PeerConnection {
  readonly signalingState: string
  setLocalDescription(description?: SessionDescription): Promise<void>
  setRemoteDescription(description: SessionDescription): Promise<void>
}
const NodePeerConnection = (wrtc as unknown as { RTCPeerConnection: new (...args: unknown[]) => PeerConnection }).RTCPeerConnection

/**
 * A peer connection that rolls back its own offer when the other side's offer arrives, as
 * browsers do by themselves (the spec's implicit rollback). y-webrtc settles two peers offering
 * at once ("glare") by having one of them take the other's offer on its own connection; in a
 * browser that works, while @roamhq/wrtc refuses ("Called in wrong state: have-local-offer") and
 * leaves that connection waiting forever. That is how the relay lost teammates who came online
 * after its first catch-up.
 */
class RollbackPeerConnection extends NodePeerConnection {
  override async setRemoteDescription(description: SessionDescription): Promise<void> {
    if (description.type === 'offer' && this.signalingState === 'have-local-offer') await this.setLocalDescription({ type: 'rollback' })
    return super.setRemoteDescription(description)
  }
}

/** WebRTC for Node as simple-peer takes it (`wrtc`), with RollbackPeerConnection. */
export const rollbackWrtc = { ...wrtc, RTCPeerConnection: RollbackPeerConnection }
