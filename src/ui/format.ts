/** Number formatting for the lab: every figure with its unit, rounded for reading from the back row. */

const trim = (n: number, digits: number) => {
  const s = n.toFixed(digits);
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
};

export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  // Below a twentieth of a millisecond, in microseconds: a part of a blackout must not read "0 ms".
  if (ms > 0 && ms < 0.05) return `${trim(ms * 1000, ms < 0.01 ? 1 : 0)} µs`;
  if (ms < 10) return `${trim(ms, 1)} ms`;
  if (ms < 999.5) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  if (s < 9.995) return `${trim(s, 2)} s`;
  if (s < 99.95) return `${trim(s, 1)} s`;
  // Round once, then split, so 239.6 s reads "4 min 0 s" and never "3 min 60 s".
  const whole = Math.round(s);
  if (whole < 3600) return `${Math.floor(whole / 60)} min ${whole % 60} s`;
  const minutes = Math.round(s / 60);
  if (minutes < 48 * 60) return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
  const hours = Math.round(s / 3600);
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

const BINARY = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return '–';
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < BINARY.length - 1) {
    v /= 1024;
    i++;
  }
  return `${trim(v, v < 10 ? 2 : v < 100 ? 1 : 0)} ${BINARY[i]}`;
}

export const formatMiB = (mib: number): string => formatBytes(mib * 1048576);

export function formatMbps(mbps: number): string {
  if (mbps >= 999.5) return `${trim(mbps / 1000, mbps >= 10_000 ? 0 : 1)} Gbit/s`;
  return `${trim(mbps, mbps < 10 ? 1 : 0)} Mbit/s`;
}

export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

export function formatPct(pct: number): string {
  return `${trim(pct, pct < 10 ? 1 : 0)} %`;
}
