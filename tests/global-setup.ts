import { findChromium } from './helpers/chromium.js';

/** Unpacks the packaged Chromium (when the tests use it) once, before test files run side by side. */
export default async function setup(): Promise<void> {
  await findChromium();
}
