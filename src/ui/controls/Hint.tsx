/** A short explanation shown while its control is hovered or focused (and read out through aria-describedby). */
export function Hint({ id, text }: { id: string; text: string }) {
  return (
    <div role="tooltip" id={id} className="hint">
      {text}
    </div>
  );
}
