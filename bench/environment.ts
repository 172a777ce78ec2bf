import type { Browser } from 'playwright-core';

import type { Sandbox } from '../sandbox/server/app.js';

/** What every benchmark section runs against: one sandbox with the built demo, one Chromium. */
export interface BenchEnvironment {
  sandbox: Sandbox;
  browser: Browser;
  /** The sandbox's `https://localhost:<port>`. */
  origin: string;
}

/** Measures one topic and returns a Markdown section (starting with `## `) for docs/benchmarks.md. */
export type BenchSection = (environment: BenchEnvironment) => Promise<string>;
