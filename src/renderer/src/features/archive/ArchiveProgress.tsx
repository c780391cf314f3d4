import type { ReactNode } from 'react'

interface ArchiveProgressProps {
  label: string
  /** 0 to 1, or null while the amount of work is not known yet. */
  fraction: number | null
  children: ReactNode
}

/** A progress bar (indeterminate while fraction is null) with a line saying what is happening. */
export function ArchiveProgress({ label, fraction, children }: ArchiveProgressProps) {
  const percent = fraction === null ? undefined : Math.round(fraction * 100)
  return (
    <div className="archive-progress">
      <div role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} className="progress-track">
        <div className={percent === undefined ? 'progress-fill indeterminate' : 'progress-fill'} style={percent === undefined ? undefined : { width: `${percent}%` }} />
      </div>
      <p role="status">{children}</p>
    </div>
  )
}
