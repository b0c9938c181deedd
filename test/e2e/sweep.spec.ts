import { test, expect } from './fixtures';

test('a write-rate sweep across the link speed: the cliff, its non-converged points marked', async ({
  guardedPage: page,
}) => {
  // Uniform writes over a 1 GiB working set: above the link's speed the dirty set stays far over the threshold.
  await page.goto('/?v=1&view=sweep&workload.pattern=uniform&workload.wssMiB=1024');
  const sweep = page.getByRole('region', { name: 'Sweep' });
  const form = sweep.getByRole('form', { name: 'Sweep settings' });
  await expect(form.getByRole('combobox', { name: 'Field' })).toHaveValue('workload.writeRateMiBps');
  await form.getByRole('spinbutton', { name: 'From (MiB/s)' }).fill('20');
  await form.getByRole('spinbutton', { name: 'To (MiB/s)' }).fill('400');
  await form.getByRole('spinbutton', { name: 'Points' }).fill('12');
  await form.getByRole('button', { name: 'Run sweep' }).click();
  await expect(sweep.locator('.sweep-status[data-status="done"]')).toBeVisible({ timeout: 90_000 });

  const downtime = sweep.getByRole('img', { name: 'Downtime against Write rate' });
  // 12 points, each drawn; below the link's 119 MiB/s pre-copy converges, well above it it does not.
  await expect(downtime.locator('.sweep-mark')).toHaveCount(12);
  const marks = await downtime.locator('.sweep-mark').evaluateAll((els) => els.map((e) => e.getAttribute('data-mark')));
  expect(marks[0]).toBe('ok');
  expect(marks[11]).toBe('not-converged');
  // A different shape, not only a colour: the path of a cross differs from the filled circle's.
  const shapes = await downtime
    .locator('.sweep-mark')
    .evaluateAll((els) => [els[0].getAttribute('d'), els[11].getAttribute('d')]);
  expect(shapes[0]).not.toBe(shapes[1]);
  await expect(sweep.getByRole('list', { name: 'Legend' })).toContainText('did not converge');
  await expect(downtime.locator('.sweep-chart__bandwidth')).toContainText('write rate = bandwidth (119 MiB/s)');

  // The keyboard reads the figures, Enter opens the run in the lab with that write rate.
  await sweep.getByRole('group', { name: /Sweep charts/ }).focus();
  await page.keyboard.press('End');
  const readout = sweep.locator('.sweep-readout');
  await expect(readout).toContainText('Write rate 400 MiB/s, Pre-copy:');
  await expect(readout).toContainText('did not converge');
  const downtimeText = /downtime ([^,]+),/.exec(await readout.innerText())![1];
  await page.keyboard.press('Enter');
  await expect(page.getByRole('slider', { name: 'Write rate', exact: true })).toHaveAttribute(
    'aria-valuetext',
    /400 MiB\/s/,
  );
  await expect(page.getByRole('group', { name: 'Downtime', exact: true }).locator('.metric__value')).toHaveText(
    downtimeText,
  );
});

test('a sweep link runs the same sweep; hover shows a point; bad settings are named', async ({ guardedPage: page }) => {
  await page.goto(
    '/?v=1&view=sweep&sweep=1&sweep.field=network.linkMbps&sweep.from=500&sweep.to=5000&sweep.points=6&sweep.each=strategy',
  );
  const sweep = page.getByRole('region', { name: 'Sweep' });
  await expect(sweep.locator('.sweep-status[data-status="done"]')).toBeVisible({ timeout: 90_000 });
  await expect(sweep.getByRole('img', { name: 'Rounds against Link bandwidth' }).locator('.sweep-mark')).toHaveCount(
    24,
  );
  await expect(sweep.getByRole('list', { name: 'Legend' })).toContainText('Stop-and-copy');
  const chart = sweep.getByRole('img', { name: 'Total migration time against Link bandwidth' });
  const box = (await chart.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
  await expect(sweep.locator('.sweep-readout')).toContainText(/Link bandwidth .*: downtime/);

  await page.goto('/?v=1&view=sweep&sweep=1&sweep.field=network.linkMbps&sweep.from=0&sweep.points=900');
  await expect(page.getByText(/sweep.from: 0 is outside Link bandwidth's range, 1 to 400000/)).toBeVisible();
  await expect(page.getByText(/sweep.points: 900 is not a whole number from 2 to 200/)).toBeVisible();
});
