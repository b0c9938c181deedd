/**
 * What a QMP record cannot say about the machines it was made on, as measured on the project's own
 * recordings (../shared/traces: QEMU 7.2, software emulation, TCP over loopback, two host CPUs). A fit
 * uses these unless the user sets the fields; docs/engine-validation.md shows how each was found. They are
 * properties of the machines, the same for every record, never tuned per record.
 */
export const RECORDING_MACHINE = {
  /** Loopback has no network limit worth the name: the hosts' copy rate binds first. */
  linkMbps: 400_000,
  rttMs: 0.05,
  /**
   * Final copies ran at 1.37, 1.71 and 2.02 GB/s (downtime-bytes over downtime less the fixed stop/start
   * cost); their pooled rate is 1.75 GB/s, about 1670 MiB/s, on either side of the stream.
   */
  copyMiBps: 1670,
  /** Idle and post-copy switchovers took 1-2 ms with almost nothing to copy. */
  switchoverMs: 1.5,
  /**
   * The post-copy push moved 110.6 MB in 172 ms (0.64 GB/s), well under the copy rate: about 4 µs more per
   * page, the destination placing each page with its own call.
   */
  postcopyPlaceUs: 4,
  /** Linux's largest TCP send buffer by default (net.ipv4.tcp_wmem): what queues ahead of a fault. */
  postcopyQueueKiB: 4096,
  /** The recorded guest is a one-vCPU tiny kernel that only writes. */
  vcpus: 1,
  readsPerWrite: 0,
} as const;

/** QEMU's max-bandwidth when a transcript sets none: 128 MiB/s (MAX_THROTTLE, since QEMU 5.2). */
export const QEMU_DEFAULT_MAX_BANDWIDTH = 134_217_728;
/** QEMU's default downtime-limit, ms. */
export const QEMU_DEFAULT_DOWNTIME_LIMIT_MS = 300;
/** QEMU's default xbzrle-cache-size, bytes. */
export const QEMU_DEFAULT_XBZRLE_CACHE = 64 * 1024 * 1024;
