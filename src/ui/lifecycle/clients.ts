/**
 * Client connections to the VM and how long each tolerates silence before it breaks or visibly fails.
 * Teaching figures: the course's 750 ms rule of thumb sits among them. TCP itself retransmits with
 * back-off and survives minutes of silence; what gives up first are the timers applications and
 * protocols put on top of it (heartbeats, request timeouts), which is where the short figures come from.
 */
export interface ClientConnection {
  name: string;
  /** How long the client waits before giving up, ms. */
  toleranceMs: number;
  /** What giving up looks like. */
  failure: string;
}

export const CLIENTS: ClientConnection[] = [
  { name: 'Voice call (audio stream)', toleranceMs: 150, failure: 'an audible gap' },
  { name: 'Cluster heartbeat (1 s failure detector)', toleranceMs: 1000, failure: 'the node is declared dead' },
  { name: 'Short application timeouts (course rule of thumb)', toleranceMs: 750, failure: 'requests time out' },
  { name: 'Database client (5 s query timeout)', toleranceMs: 5000, failure: 'the query fails' },
  { name: 'Web browser request (30 s)', toleranceMs: 30_000, failure: 'the page fails to load' },
  { name: 'SSH session (TCP retransmits for ~15 min)', toleranceMs: 900_000, failure: 'the session drops' },
].sort((a, b) => a.toleranceMs - b.toleranceMs);

/** Whether a client survives `unreachableMs` of silence. */
export const survives = (c: ClientConnection, unreachableMs: number) => unreachableMs < c.toleranceMs;
