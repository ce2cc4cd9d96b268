#!/usr/bin/env node
// The CLI is TypeScript: run from a bundle built on first use (see bundle.js), or through tsx's
// loader when no bundle can be built, so `npx psms` needs no build step either way.
// PSMS_NO_BUNDLE=1 forces tsx (e.g. to debug against the sources).
const bundle = process.env.PSMS_NO_BUNDLE === '1' ? null : require('./bundle').freshBundle();
if (bundle !== null) {
  require(bundle);
} else {
  require('tsx/cjs');
  require('../src/main.ts');
}
