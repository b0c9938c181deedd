import { useRef } from 'react';
import { useOpenFile } from './useOpenFile';

/** "Open file": a saved Brownout run (JSON) or a QEMU QMP transcript (JSON lines) opens in the replay view. */
export function OpenFileButton({ className }: { className?: string }) {
  const input = useRef<HTMLInputElement>(null);
  const open = useOpenFile();
  return (
    <>
      <button
        type="button"
        className={className}
        title="Open a saved run (JSON) or a QEMU migration transcript (JSON lines); you can also drop a file on the page"
        onClick={() => input.current?.click()}
      >
        Open file
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,.jsonl,.ndjson,.txt,application/json"
        hidden
        tabIndex={-1}
        aria-hidden="true"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          // Cleared, so picking the same file again opens it again.
          e.currentTarget.value = '';
          if (file) void open(file);
        }}
      />
    </>
  );
}
