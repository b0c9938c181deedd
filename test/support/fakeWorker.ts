import { expose } from 'comlink';
import { createEngineHost } from '../../src/worker/engineHost';
import type { WorkerLike } from '../../src/worker/workerEngine';

/** A "worker" in this process: the real engine host over a MessageChannel, and a way to make it crash. */
export interface FakeWorker extends WorkerLike {
  crash(message?: string): void;
  terminated: boolean;
}

export function fakeWorker(): FakeWorker {
  const channel = new MessageChannel();
  expose(createEngineHost(), channel.port1);
  const errorListeners = new Set<EventListener>();
  const worker: FakeWorker = {
    terminated: false,
    postMessage: (message: unknown, transfer?: Transferable[]) => channel.port2.postMessage(message, transfer ?? []),
    addEventListener: (type: string, listener: EventListener) => {
      if (type === 'error' || type === 'messageerror') errorListeners.add(listener);
      else channel.port2.addEventListener(type, listener);
    },
    removeEventListener: (type: string, listener: EventListener) => {
      if (type === 'error' || type === 'messageerror') errorListeners.delete(listener);
      else channel.port2.removeEventListener(type, listener);
    },
    terminate: () => {
      worker.terminated = true;
      channel.port1.close();
      channel.port2.close();
    },
    crash: (message = 'out of memory') => {
      const event = Object.assign(new Event('error'), { message });
      for (const l of errorListeners) l(event);
    },
  } as FakeWorker;
  channel.port2.start();
  return worker;
}
