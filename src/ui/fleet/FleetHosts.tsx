import { useEffect, useMemo, useRef, type MouseEvent } from 'react';
import { HOST_STATES, rackName, type FleetTrace, type HostState } from '../../engine';
import { ChartTable } from '../a11y/ChartTable';
import { formatMs } from '../format';
import { useElementSize } from '../timeline/useElementSize';
import { sampleIndexAt } from './fleetAt';
import { fleetIndexOf } from './fleetIndex';
import { hostsTableData } from './fleetTables';
import { useFleetTime } from './useFleetTime';
import { cellOf, gridLayout, hostAtPoint, hostCells, migrationArcs, STATE_LETTERS } from './hostGrid';
import { loadColour, paintArcs, paintHostGrid } from './paintFleet';

const FALLBACK = { widthPx: 800, heightPx: 360 };

const STATE_TEXT: Record<HostState, string> = {
  up: 'up',
  draining: 'draining',
  maintenance: 'in maintenance',
  failed: 'failed',
  off: 'switched off',
};

function sizeCanvas(canvas: HTMLCanvasElement, widthPx: number, heightPx: number): number {
  const dpr = window.devicePixelRatio || 1;
  const w = Math.round(widthPx * dpr);
  const h = Math.round(heightPx * dpr);
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  return dpr;
}

interface FleetHostsProps {
  trace: FleetTrace;
  endMs: number;
  selectedHost: number | null;
  selectedVm: number | null;
  onSelectHost: (host: number) => void;
}

/**
 * Racks as columns of hosts, each filled by the memory it holds, patterned and lettered by its state;
 * migrations under way as arcs from source to destination. Click a host to list its VMs.
 */
export function FleetHosts({ trace, endMs, selectedHost, selectedVm, onSelectHost }: FleetHostsProps) {
  const tMs = useFleetTime(endMs);
  const boxRef = useRef<HTMLDivElement>(null);
  const gridRef = useRef<HTMLCanvasElement>(null);
  const arcRef = useRef<HTMLCanvasElement>(null);
  const { widthPx, heightPx } = useElementSize(boxRef, FALLBACK);
  const f = trace.scenario.fleet;
  const g = useMemo(
    () => gridLayout(widthPx, heightPx, f.racks, f.hostsPerRack),
    [widthPx, heightPx, f.racks, f.hostsPerRack],
  );
  const k = sampleIndexAt(trace, tMs);
  const vmHighlight = useMemo(() => {
    const hosts = new Set<number>();
    if (selectedVm === null) return hosts;
    for (const m of trace.migrations) if (m.vm === selectedVm) hosts.add(m.source).add(m.destination);
    const vm = trace.layout.vms[selectedVm];
    if (vm) hosts.add(vm.host);
    return hosts;
  }, [trace, selectedVm]);
  const selectedMigration = useMemo(() => {
    if (selectedVm === null) return null;
    return (
      fleetIndexOf(trace)
        .activeAt(tMs)
        .find((m) => m.vm === selectedVm)?.id ?? null
    );
  }, [trace, selectedVm, tMs]);

  useEffect(() => {
    const canvas = gridRef.current;
    if (!canvas) return;
    const dpr = sizeCanvas(canvas, widthPx, heightPx);
    const cells = hostCells(trace, g, trace.samples.timesMs[k] ?? 0);
    paintHostGrid(canvas.getContext('2d'), cells, {
      widthPx,
      heightPx,
      devicePixelRatio: dpr,
      racks: f.racks,
      rackLabel: rackName,
      rackX: (r) => cellOf(g, r * f.hostsPerRack).x,
      cellPx: g.cellPx,
      selectedHost,
      highlightHosts: vmHighlight,
    });
  }, [trace, g, k, widthPx, heightPx, f.racks, f.hostsPerRack, selectedHost, vmHighlight]);

  const arcs = migrationArcs(fleetIndexOf(trace).activeAt(tMs), g, tMs);
  useEffect(() => {
    const canvas = arcRef.current;
    if (!canvas) return;
    const dpr = sizeCanvas(canvas, widthPx, heightPx);
    paintArcs(canvas.getContext('2d'), arcs, { widthPx, heightPx, devicePixelRatio: dpr, selectedMigration });
  });

  const counts = new Map<HostState, number>();
  const s = trace.samples;
  for (let h = 0; h < s.hosts; h++) {
    const st = HOST_STATES[s.state[k * s.hosts + h]] ?? 'up';
    counts.set(st, (counts.get(st) ?? 0) + 1);
  }
  const description =
    `Hosts at ${formatMs(tMs)}: ` +
    HOST_STATES.filter((st) => counts.get(st))
      .map((st) => `${counts.get(st)} ${STATE_TEXT[st]}`)
      .join(', ') +
    `; ${arcs.length} migrations under way.`;

  const onClick = (e: MouseEvent<HTMLCanvasElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    const host = hostAtPoint(g, e.clientX - box.left, e.clientY - box.top, trace.layout.hosts.length);
    if (host !== null) onSelectHost(host);
  };

  return (
    <section className="region fleet-hosts" aria-label="Hosts">
      <h2>Racks and hosts</h2>
      <div className="fleet-hosts__box" ref={boxRef}>
        <canvas
          ref={gridRef}
          className="fleet-hosts__canvas"
          role="img"
          aria-label={description}
          style={{ width: widthPx, height: heightPx }}
        />
        <canvas
          ref={arcRef}
          className="fleet-hosts__canvas fleet-hosts__arcs"
          aria-hidden="true"
          style={{ width: widthPx, height: heightPx }}
          onClick={onClick}
          data-testid="fleet-host-grid"
        />
      </div>
      <HostLegend />
      <ChartTable overlay data={() => hostsTableData(trace, tMs, STATE_TEXT)} />
    </section>
  );
}

function HostLegend() {
  return (
    <ul className="fleet-legend" aria-label="Legend of the hosts">
      <li>
        <span
          className="fleet-swatch fleet-swatch--ramp"
          style={{ background: `linear-gradient(90deg, ${loadColour(0)}, ${loadColour(50)}, ${loadColour(100)})` }}
        />
        memory held, 0 to 100 % (the number in a large cell)
      </li>
      {(['draining', 'maintenance', 'failed', 'off'] as const).map((st) => (
        <li key={st}>
          <span className={`fleet-swatch fleet-swatch--${st}`} aria-hidden="true" />
          {STATE_LETTERS[st]}: {STATE_TEXT[st]}
        </li>
      ))}
      <li>
        <span className="fleet-swatch fleet-swatch--arc" aria-hidden="true" />
        migration (dot: how far along; dashed red: in its blackout)
      </li>
    </ul>
  );
}
