import { fireEvent, screen } from '@testing-library/react';

/** Opens the `index`-th "Show as table" on the page and returns the table `name` as text, header row first. */
export function openChartTable(name: RegExp, index = 0): string[][] {
  const details = screen.getAllByText('Show as table')[index].closest('details')!;
  // jsdom neither opens a details element on a click nor fires its toggle event.
  details.open = true;
  fireEvent(details, new Event('toggle'));
  return readChartTable(name);
}

export const readChartTable = (name: RegExp): string[][] =>
  [...screen.getByRole('table', { name }).querySelectorAll('tr')].map((r) =>
    [...r.querySelectorAll('th, td')].map((c) => c.textContent ?? ''),
  );
