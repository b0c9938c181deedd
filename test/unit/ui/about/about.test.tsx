import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createOfflineStore } from '../../../../src/offline/offlineStore';
import { AboutButton } from '../../../../src/ui/about/AboutButton';
import { UpdateNotice } from '../../../../src/ui/about/UpdateNotice';

describe('the update notice', () => {
  it('stays hidden until a new version waits, then reloads only when asked', async () => {
    const store = createOfflineStore();
    const applyUpdate = vi.fn();
    store.setState({ applyUpdate });
    render(<UpdateNotice store={store} />);
    expect(screen.queryByText(/new version/)).toBeNull();
    act(() => store.setState({ updateReady: true }));
    const notice = screen.getByRole('status');
    expect(notice).toHaveTextContent('A new version of Brownout is ready');
    // Polite: the notice does not take the focus away from whatever the student is doing.
    expect(notice).not.toContainElement(document.activeElement as HTMLElement);
    expect(applyUpdate).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Reload now' }));
    expect(applyUpdate).toHaveBeenCalledTimes(1);
  });

  it('"Later" hides it without reloading', async () => {
    const store = createOfflineStore();
    const applyUpdate = vi.fn();
    store.setState({ applyUpdate, updateReady: true });
    render(<UpdateNotice store={store} />);
    await userEvent.click(screen.getByRole('button', { name: 'Later' }));
    expect(screen.queryByText(/new version/)).toBeNull();
    expect(applyUpdate).not.toHaveBeenCalled();
  });
});

describe('the About note', () => {
  it('says what is stored and sent, and whether this copy works offline', async () => {
    const store = createOfflineStore();
    render(<AboutButton store={store} />);
    const about = screen.getByRole('button', { name: 'About' });
    await userEvent.click(about);
    const dialog = screen.getByRole('dialog', { name: 'About Brownout' });
    expect(dialog).toHaveTextContent(/only your own scenarios and lesson progress, in this browser's localStorage/);
    expect(dialog).toHaveTextContent(/no request to any other site/);
    expect(dialog).toHaveTextContent(/cannot store the app/);
    act(() => store.setState({ status: 'ready' }));
    expect(dialog).toHaveTextContent(/works without a network/);
    expect(screen.getByRole('button', { name: 'Close' })).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(about).toHaveFocus();
  });
});
