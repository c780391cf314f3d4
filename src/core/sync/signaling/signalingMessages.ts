import { z } from 'zod'

/** Limits of the signaling servers: y-webrtc's messages (SDP, ICE candidates) are a few KiB. */
export const SIGNALING_LIMITS = {
  maxMessageBytes: 64 * 1024,
  maxTopicLength: 128,
  maxTopicsPerSocket: 1000,
  /** Messages a socket may send per second on average, and in a burst. */
  messagesPerSecond: 100,
  burst: 400,
  maxLanConnections: 64
} as const

const TopicSchema = z.string().min(1).max(SIGNALING_LIMITS.maxTopicLength)

/** The y-webrtc signaling protocol (the messages of its bin/server.js), checked before use. */
export const SignalingMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('subscribe'), topics: z.array(TopicSchema).max(SIGNALING_LIMITS.maxTopicsPerSocket) }),
  z.object({ type: z.literal('unsubscribe'), topics: z.array(TopicSchema).max(SIGNALING_LIMITS.maxTopicsPerSocket) }),
  z.object({ type: z.literal('publish'), topic: TopicSchema, data: z.unknown() }),
  z.object({ type: z.literal('ping') }),
  z.object({ type: z.literal('pong') })
])
export type SignalingMessage = z.infer<typeof SignalingMessageSchema>

export class SignalingProtocolError extends Error {}

/** Parses one text frame; throws SignalingProtocolError for anything that is not the protocol. */
export function parseSignalingMessage(text: string): SignalingMessage {
  if (Buffer.byteLength(text) > SIGNALING_LIMITS.maxMessageBytes) throw new SignalingProtocolError('message too large')
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw new SignalingProtocolError('not JSON')
  }
  const parsed = SignalingMessageSchema.safeParse(json)
  if (!parsed.success) throw new SignalingProtocolError('not a signaling message')
  return parsed.data
}
