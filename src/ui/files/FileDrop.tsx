import { useEffect, useState } from 'react';
import { useWorkspaceContext } from '../../state/WorkspaceContext';
import './files.css';
import { useOpenFile } from './useOpenFile';

const carriesFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;

/** A file dropped anywhere on the page opens like one picked with "Open file"; the page says so while dragging. */
export function FileDrop() {
  const [over, setOver] = useState(false);
  const open = useOpenFile();
  const { store } = useWorkspaceContext();
  useEffect(() => {
    // dragenter and dragleave fire for every element crossed: count them to know when the drag left the page.
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth++;
      setOver(true);
    };
    const overPage = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const leave = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const drop = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setOver(false);
      const files = [...(e.dataTransfer?.files ?? [])];
      if (files.length === 0) return;
      if (files.length > 1)
        store.getState().notify({
          tone: 'info',
          title: 'One file at a time',
          lines: [`${files.length} files were dropped; ${files[0].name} was opened.`],
        });
      void open(files[0]);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', overPage);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', overPage);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [open, store]);
  if (!over) return null;
  return (
    <div className="file-drop" aria-hidden="true">
      <p>
        Drop the file to open it
        <small>a saved Brownout run (JSON) or a QEMU QMP transcript (JSON lines)</small>
      </p>
    </div>
  );
}
