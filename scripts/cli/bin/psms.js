#!/usr/bin/env node
// The CLI is TypeScript run through tsx's loader, so `npx psms` needs no build step.
require('tsx/cjs');
require('../src/main.ts');
