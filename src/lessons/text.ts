import type { LessonStep } from './types';

/** A piece of lesson text: plain words, or a glossary term shown with its own words. */
export type TextPart = { text: string } | { text: string; term: string };

/** Splits `[[term]]` and `[[term|words shown]]` out of a lesson text. */
export function textParts(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const m of text.matchAll(/\[\[([a-z0-9-]+)(?:\|([^\]]+))?\]\]/g)) {
    if (m.index > last) parts.push({ text: text.slice(last, m.index) });
    parts.push({ term: m[1], text: m[2] ?? m[1].replace(/-/g, ' ') });
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}

/** The text as a reader sees it, the term markers gone. */
export const plainText = (text: string): string =>
  textParts(text)
    .map((p) => p.text)
    .join('');

/** The glossary terms a text points at. */
export const termsIn = (text: string): string[] => textParts(text).flatMap((p) => ('term' in p ? [p.term] : []));

/** Every text a step shows: its body, its question with its choices, and the explanation. */
export function stepTexts(step: LessonStep): string[] {
  const q = step.question;
  const texts = [step.title, ...step.body];
  if (q?.kind === 'choice') texts.push(q.prompt, ...q.choices.flatMap((c) => [c.label, c.why]));
  if (q?.kind === 'number') texts.push(q.prompt, q.explain);
  return texts;
}
