import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { EngineStatus } from '../../../src/ui/EngineStatus';

describe('EngineStatus', () => {
  it('says "engine ready" once the engine answers', async () => {
    const engine = () => ({ hello: async () => ({ engineVersion: '9.9.9', inWorker: true }) });
    render(<EngineStatus engine={engine} />);
    expect(screen.getByRole('status')).toHaveTextContent('engine starting');
    expect(await screen.findByText('engine ready')).toBeInTheDocument();
  });

  it('says the engine failed when the worker cannot start', async () => {
    const engine = () => ({ hello: () => Promise.reject(new Error('no worker')) });
    render(<EngineStatus engine={engine} />);
    expect(await screen.findByText('engine failed')).toHaveAttribute('title', 'Error: no worker');
  });
});
