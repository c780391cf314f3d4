import { z } from 'zod'

/** Frames larger than this are refused before they are parsed. */
export const MAX_FRAME_CHARS = 8 * 1024 * 1024

// The envelope of oRPC's peer protocol: {i: id, t?: type, p: payload}. Type 1 (or absent) is a
// request whose payload carries the procedure path in `u`; 3 is a stream event; 4 an abort.
const RequestFrameSchema = z.union([
  z.object({
    i: z.union([z.string(), z.number()]),
    t: z.literal(1).optional(),
    p: z.object({
      u: z.string().startsWith('/'),
      b: z.unknown().optional(),
      h: z.record(z.string(), z.union([z.string(), z.array(z.string())])).optional(),
      m: z.string().optional()
    })
  }),
  z.object({ i: z.union([z.string(), z.number()]), t: z.literal(3), p: z.object({ e: z.string() }).loose() }),
  z.object({ i: z.union([z.string(), z.number()]), t: z.literal(4) }).loose()
])

export type FrameCheck = { ok: true } | { ok: false; id: string | number | null; reason: string }

/** Checks a raw frame's shape before the RPC library sees it, so garbage gets an answer, not a throw. */
export function checkRequestFrame(frame: unknown): FrameCheck {
  if (typeof frame !== 'string') return { ok: false, id: null, reason: 'frames must be JSON text' }
  if (frame.length > MAX_FRAME_CHARS) {
    return { ok: false, id: leadingId(frame), reason: `frame of ${frame.length} characters exceeds the limit of ${MAX_FRAME_CHARS}` }
  }
  let json: unknown
  try {
    json = JSON.parse(frame)
  } catch {
    return { ok: false, id: null, reason: 'frame is not valid JSON' }
  }
  const parsed = RequestFrameSchema.safeParse(json)
  if (parsed.success) return { ok: true }
  const id = z.object({ i: z.union([z.string(), z.number()]) }).safeParse(json)
  return { ok: false, id: id.success ? id.data.i : null, reason: 'frame is not an RPC request' }
}

/**
 * The request id of a frame too large to parse, read from its start: oRPC writes the id first
 * ({"i":…), so the caller gets its error instead of waiting for an answer that never comes.
 */
function leadingId(frame: string): string | number | null {
  const match = /^\{"i":(?:"((?:[^"\\]|\\.){1,100})"|(\d{1,15}))[,}]/.exec(frame.slice(0, 256))
  if (!match) return null
  if (match[2] !== undefined) return Number(match[2])
  try {
    return JSON.parse(`"${match[1] ?? ''}"`) as string
  } catch {
    return null
  }
}
