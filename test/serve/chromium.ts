/** Launching Debian's chromium through playwright-core for the browser tests and the screenshots. */
import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";

/** Where Debian installs chromium (`apt-get install -y chromium`). */
export const CHROMIUM = "/usr/bin/chromium";

/** The flags the browser runs with (headless, no sandbox, nothing reaching out to the network). */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * A skip message when chromium is absent and CI is not set (on CI a missing browser is a failure), else false.
 */
export function browserSkip(): string | false {
  if (existsSync(CHROMIUM) || process.env.CI) return false;
  return `${CHROMIUM} is not installed (apt-get install -y chromium); browser tests skipped`;
}

/** Launches chromium; playwright gives each launch a fresh temporary user-data-dir. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}
