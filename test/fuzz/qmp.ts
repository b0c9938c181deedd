import { anyQmpTranscript, checkImport } from '../support/qmpTranscripts';
import { fail, guarded, pass, unclearMessages, type Outcome } from './verdict';

/** Random text, random JSON lines, and valid QMP records (shipped or simulated) mutated one to four times. */
export const hostileQmp = anyQmpTranscript;

/** A transcript opens as a run, or is refused with the line and field at fault in one clear sentence. */
export function checkQmp(text: string): Outcome {
  return guarded(() => {
    const v = checkImport(text);
    if (v.kind === 'broken') return fail('broken', v.why);
    if (v.kind === 'loaded') return pass('loaded');
    const unclear = unclearMessages([v.message], 1);
    if (unclear) return fail('unclear message', unclear);
    return pass(v.line === null ? 'refused as a whole' : v.field === null ? 'refused at a line' : 'refused at a field');
  });
}
