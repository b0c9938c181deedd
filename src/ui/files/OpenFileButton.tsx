import { useOpenFile } from './useOpenFile';

const ACCEPT = '.json,.jsonl,.ndjson,.txt,application/json';

/** "Open file": a saved Brownout run (JSON) or a QEMU QMP transcript (JSON lines) opens in the replay view. */
export function OpenFileButton({ className }: { className?: string }) {
  const open = useOpenFile();
  // The file picker's input is made when asked for and never joins the page: it sets no field of the scenario.
  const pick = () => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = ACCEPT;
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (file) void open(file);
    });
    input.click();
  };
  return (
    <button
      type="button"
      className={className}
      title="Open a saved run (JSON) or a QEMU migration transcript (JSON lines); you can also drop a file on the page"
      onClick={pick}
    >
      Open file
    </button>
  );
}
