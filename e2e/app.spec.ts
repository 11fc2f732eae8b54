import { expect, test } from '@playwright/test';

test('the web page loads the app with no console errors', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await expect(page).toHaveTitle(/Backprop Studio/);
  await expect(page.getByRole('complementary', { name: 'Palette' })).toBeVisible();
  expect(errors).toEqual([]);
});
