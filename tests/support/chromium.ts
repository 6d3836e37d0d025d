/**
 * How the tests and the benchmark start Chromium: Debian's package (/usr/bin/chromium) or CHROMIUM_PATH,
 * headless, and with the background networking this machine's closed network would refuse turned off.
 * Never downloads a browser.
 */
import { type Browser, chromium, type LaunchOptions } from 'playwright-core';

/** The flags every launch uses. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
] as const;

/** Launches Chromium with CHROMIUM_ARGS and any `extraArgs`. */
export function launchChromium(
  extraArgs: readonly string[] = [],
  options: LaunchOptions = {},
): Promise<Browser> {
  return chromium.launch({
    ...options,
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
}
