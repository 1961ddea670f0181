import type { Page } from 'playwright-core';

/**
 * Filling an application form (申请表) as a clerk does, field by field. A field's control is found
 * by its path in the form data (the console gives each control the id `form-<path>`).
 */
export function controlOf(page: Page, path: string) {
  return page.locator(`#form-${path.replace(/[^\w]+/g, '-')}`);
}

export async function typeAt(page: Page, path: string, text: string): Promise<void> {
  await controlOf(page, path).fill(text);
}

/** A code list (select): opens it and picks the option by its label. */
export async function chooseAt(page: Page, path: string, label: string): Promise<void> {
  await pick(page, controlOf(page, path), label);
}

/** Any select of the console, found by its label. */
export async function chooseOption(page: Page, label: string, option: string): Promise<void> {
  await pick(page, page.getByRole('combobox', { name: label, exact: true }), option);
}

async function pick(page: Page, control: ReturnType<Page['locator']>, option: string): Promise<void> {
  // The select's own list (its input names it in aria-controls): another select's list, still fading
  // out or kept open by a slow page, must neither hide this one's options nor pass for it being open.
  const listId = await control.getAttribute('aria-controls').catch(() => null);
  const list = listId ? page.locator(`[id="${listId}"]`) : page;
  const item = list.locator('.el-select-dropdown__item:visible', { hasText: option }).first();
  const expanded = async () => (await control.getAttribute('aria-expanded').catch(() => null)) === 'true';
  // A chosen value is drawn over the select's input; the click still reaches the select. A click
  // while the page is still laying out can miss the list opening: open it again, as a person would.
  // A click on a list that is open but slow to fill would close it: a retry clicks only when this list
  // is closed, and a list that stayed open and empty through two waits (a busy machine can leave
  // the popper half drawn) is closed with Escape and opened afresh.
  for (let attempt = 1; ; attempt += 1) {
    if (!(await expanded())) {
      // A forced click skips the check that the select itself receives it: a select scrolled only just
      // into view sits under the intake page's sticky action bar, which would take the click. Bring it
      // to the middle of the window first, as a person scrolls to the field they fill.
      await control.evaluate((element) => element.scrollIntoView({ block: 'center' })).catch(() => undefined);
      await control.click({ force: true });
    }
    try {
      await item.waitFor({ timeout: 6_000 });
      break;
    } catch (error) {
      if (attempt === 6) throw error;
      if (attempt % 2 === 0 && (await expanded())) await control.press('Escape').catch(() => undefined);
    }
  }
  await item.click();
}

/** A multiple choice (codes): ticks the labelled options. */
export async function tickAt(page: Page, path: string, ...labels: string[]): Promise<void> {
  for (const label of labels) await controlOf(page, path).getByText(label, { exact: true }).click();
}

export async function yesNoAt(page: Page, path: string, yes: boolean): Promise<void> {
  await controlOf(page, path)
    .getByText(yes ? '是' : '否', { exact: true })
    .click();
}

export async function dateAt(page: Page, path: string, date: string): Promise<void> {
  await controlOf(page, path).fill(date);
  await controlOf(page, path).press('Enter');
}

/** A division address: the county from the list, then the street address. */
export async function addressAt(page: Page, path: string, division: string, detail: string): Promise<void> {
  await chooseAt(page, path, division);
  await page
    .locator(`[data-path="${path}"]`)
    .getByLabel(/详细地址$/)
    .fill(detail);
}
