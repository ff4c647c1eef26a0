import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, Result } from 'axe-core';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

// axe-core run inside the page under test. The pages' CSP allows only 'self' scripts, so an
// inline <script> is refused: page.addScriptTag({ content }) rejects with "Executing inline
// script violates the following Content Security Policy directive 'script-src 'self''".
// page.evaluate goes through the DevTools protocol, which the CSP does not govern. bypassCSP
// would work too, but it would switch off the very policy the pages ship with.

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core on the page as it is now (every rule but the experimental ones). */
export async function runAxe(page: Page): Promise<AxeResults> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  return page.evaluate(() => (window as unknown as { axe: typeof import('axe-core') }).axe.run(document));
}

/** Each violation as `rule (impact): target, target…`, for an assertion that reads well when it fails. */
export function describeViolations(violations: Result[]): string[] {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/**
 * What fails a screen: any serious or critical finding, and these moderate ones: a main landmark,
 * all content in landmarks, a first-level heading, and zoom left to the citizen's phone.
 */
const ALSO_FAILING = ['region', 'landmark-one-main', 'page-has-heading-one', 'meta-viewport'];

export async function expectAccessible(page: Page, { allow = [] }: { allow?: string[] } = {}) {
  await page.evaluate(() => document.fonts.ready);
  const { violations } = await runAxe(page);
  const failing = violations.filter((v) => (['serious', 'critical'].includes(v.impact!) || ALSO_FAILING.includes(v.id)) && !allow.includes(v.id));
  expect(describeViolations(failing)).toEqual([]);
}
