import { useState, type FormEvent } from 'react';
import {
  duplicateCompared,
  editInLab,
  MAX_COMPARED,
  removeCompared,
  renameCompared,
  rerunCompared,
} from '../../state/comparison';
import type { Run } from '../../state/runs';
import { useWorkspace, useWorkspaceContext } from '../../state/WorkspaceContext';
import { formatMs } from '../format';
import { HostsPanel } from '../hosts/HostsPanel';
import type { Domain } from '../timeline/timelineLayout';
import { TimelinePanel } from '../timeline/TimelinePanel';
import { runLetter } from './goals';

const MAX_NAME_CHARS = 60;

function RenameForm({ label, onDone }: { label: string; onDone: (name: string | null) => void }) {
  const [text, setText] = useState(label);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onDone(text.trim() || null);
  };
  return (
    <form className="lane__rename" onSubmit={submit}>
      <input
        aria-label="Name of the run"
        value={text}
        maxLength={MAX_NAME_CHARS}
        autoFocus
        onChange={(e) => setText(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            onDone(null);
          }
        }}
      />
      <button type="submit">Save</button>
      <button type="button" onClick={() => onDone(null)}>
        Cancel
      </button>
    </form>
  );
}

function LaneStatus({ run }: { run: Run }) {
  const { store } = useWorkspaceContext();
  if (run.status === 'done') return null;
  if (run.status === 'failed' || run.status === 'cancelled')
    return (
      <span className="lane__status" role="status">
        {run.status === 'failed' ? `Failed: ${run.error}` : 'Cancelled'}{' '}
        <button type="button" onClick={() => rerunCompared(store, run.id)}>
          Run again
        </button>
      </span>
    );
  return (
    <span className="lane__status" role="status">
      simulating… {formatMs(run.progress.simulatedMs)}
    </span>
  );
}

/** One run of the comparison: its name and what can be done with it, its timeline and its heatmaps. */
export function RunLane({ index, label, run, domain }: { index: number; label: string; run: Run; domain?: Domain }) {
  const { store } = useWorkspaceContext();
  const [renaming, setRenaming] = useState(false);
  const full = useWorkspace((s) => s.comparison.entries.length >= MAX_COMPARED);
  const letter = runLetter(index);
  return (
    <article className={`lane run-${letter}`} aria-label={`Run ${letter}: ${label}`}>
      <header className="lane__head">
        <span className="run-letter">{letter}</span>
        {renaming ? (
          <RenameForm
            label={label}
            onDone={(name) => {
              if (name) renameCompared(store, run.id, name);
              setRenaming(false);
            }}
          />
        ) : (
          <h3 className="lane__name">{label}</h3>
        )}
        <LaneStatus run={run} />
        <div className="lane__actions">
          <button type="button" aria-label={`Rename ${label}`} onClick={() => setRenaming(true)} disabled={renaming}>
            Rename
          </button>
          <button
            type="button"
            aria-label={`Edit ${label} in the lab`}
            title="Open this run's scenario in the lab; “Done” there brings the change back here"
            onClick={() => editInLab(store, run.id)}
          >
            Edit in lab
          </button>
          <button
            type="button"
            aria-label={`Duplicate ${label}`}
            disabled={full}
            title={full ? `A comparison holds up to ${MAX_COMPARED} runs` : undefined}
            onClick={() => duplicateCompared(store, run.id)}
          >
            Duplicate
          </button>
          <button type="button" aria-label={`Remove ${label}`} onClick={() => removeCompared(store, run.id)}>
            Remove
          </button>
        </div>
      </header>
      <div className="lane__body">
        <div className="lane__timeline">
          <TimelinePanel run={run} baseline={null} stale={null} domain={domain} />
        </div>
        <div className="lane__hosts">
          <HostsPanel run={run} stale={null} label={`Hosts of run ${letter}`} zoomable={false} />
        </div>
      </div>
    </article>
  );
}
