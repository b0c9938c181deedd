import { useCallback } from 'react';
import { MAX_OPEN_FILE_BYTES, readOpenedFile, tooLarge } from '../../state/openFile';
import { openOldTrace, openRun } from '../../state/openFileStore';
import { useWorkspaceContext } from '../../state/WorkspaceContext';

const TITLE = (name: string) => `Could not open ${name}`;

/**
 * Opens a file the user picked or dropped: a saved run or a QEMU transcript becomes the replay view's run
 * (a run saved by an older Brownout opens its scenario in the lab);
 * anything else gets a notice saying what is wrong with it and where. A file over the size limit is
 * refused before it is read.
 */
export function useOpenFile(): (file: File) => Promise<void> {
  const { store } = useWorkspaceContext();
  return useCallback(
    async (file: File) => {
      const ws = store.getState();
      // A new attempt replaces the notices of earlier ones.
      for (const n of ws.notices) if (n.title.startsWith('Could not open ')) ws.dismissNotice(n.id);
      const fail = (line: string) => store.getState().notify({ tone: 'error', title: TITLE(file.name), lines: [line] });
      if (file.size > MAX_OPEN_FILE_BYTES) return fail(tooLarge(file.size));
      let text: string;
      try {
        text = await file.text();
      } catch (e) {
        return fail(`The file could not be read: ${(e as Error).message}`);
      }
      const opened = readOpenedFile(file.name, text);
      if (!opened.ok) return fail(opened.message);
      if (opened.kind === 'old-trace') openOldTrace(store, opened);
      else openRun(store, opened);
    },
    [store],
  );
}
