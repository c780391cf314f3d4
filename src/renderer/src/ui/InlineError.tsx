/** What went wrong, in a sentence announced to screen readers; nothing while there is nothing to say. */
export function InlineError({ message }: { message: string | null | undefined }) {
  return message ? (
    <p role="alert" className="inline-error">
      {message}
    </p>
  ) : null
}
