import { textParts } from '../../lessons/text';
import { GlossaryLink } from './GlossaryLink';

/** A lesson text with its `[[term]]` marks as links to the glossary. */
export function RichText({ text }: { text: string }) {
  return (
    <>
      {textParts(text).map((part, i) =>
        'term' in part ? (
          <GlossaryLink key={i} termId={part.term}>
            {part.text}
          </GlossaryLink>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </>
  );
}
