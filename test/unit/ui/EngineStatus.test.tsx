import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { EngineStatus } from '../../../src/ui/EngineStatus';

const answering = { hello: async () => ({ engineVersion: '9.9.9', inWorker: true }) };

describe('EngineStatus', () => {
  it('says "engine ready" once the engine answers', async () => {
    render(<EngineStatus engine={answering} lab="ready" />);
    expect(screen.getByRole('status')).toHaveTextContent('engine starting');
    expect(await screen.findByText('engine ready')).toBeInTheDocument();
  });

  it('says the engine failed when the worker cannot start', async () => {
    const engine = { hello: () => Promise.reject(new Error('no worker')) };
    render(<EngineStatus engine={engine} lab="ready" />);
    expect(await screen.findByText('engine failed')).toHaveAttribute('title', 'Error: no worker');
  });

  it('never says "engine ready" while the lab shows an older result', async () => {
    const { rerender } = render(<EngineStatus engine={answering} lab="running" />);
    expect(await screen.findByText('engine working…')).toBeInTheDocument();
    rerender(<EngineStatus engine={answering} lab="cancelled" />);
    expect(screen.getByRole('status')).toHaveTextContent('run cancelled');
    rerender(<EngineStatus engine={answering} lab="failed" />);
    expect(screen.getByRole('status')).toHaveTextContent('run failed');
    expect(screen.queryByText('engine ready')).toBeNull();
    rerender(<EngineStatus engine={answering} lab="ready" />);
    expect(screen.getByRole('status')).toHaveTextContent('engine ready');
  });
});
