import { axisBottom, select } from 'd3';
import { useLayoutEffect, useRef } from 'react';
import type { Row, TimeScale } from './timelineLayout';

/** Pixels per tick label, so the seconds never crowd each other. */
const PX_PER_TICK = 90;

/** The time axis in seconds. d3 draws inside this one group; React owns everything around it. */
export function TimeAxis({ x, row }: { x: TimeScale; row: Row }) {
  const ref = useRef<SVGGElement>(null);
  useLayoutEffect(() => {
    if (!ref.current) return;
    const seconds = x.copy().domain(x.domain().map((ms) => ms / 1000));
    const [left, right] = x.range();
    const ticks = Math.max(2, Math.floor((right - left) / PX_PER_TICK));
    const format = seconds.tickFormat(ticks, '~f');
    const axis = axisBottom(seconds)
      .ticks(ticks)
      .tickSizeOuter(0)
      .tickFormat((s) => `${format(s)} s`);
    select(ref.current).call(axis);
  }, [x]);
  return <g ref={ref} className="time-axis" transform={`translate(0, ${row.top})`} aria-hidden="true" />;
}
