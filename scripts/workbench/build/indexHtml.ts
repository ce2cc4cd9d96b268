import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The one HTML page: SLDS from @salesforce-ux/design-system (served at /slds/), then the compiled app. */
export function writeIndexHtml(outDir: string): void {
  writeFileSync(
    join(outDir, 'index.html'),
    [
      '<!doctype html>',
      '<html lang="en">',
      '<head>',
      '<meta charset="utf-8">',
      '<meta name="viewport" content="width=device-width, initial-scale=1">',
      '<title>PSMS workbench</title>',
      '<link rel="icon" href="data:,">',
      '<link rel="stylesheet" href="/slds/styles/salesforce-lightning-design-system.min.css">',
      '</head>',
      '<body class="slds-scope">',
      '<script type="module" src="/main.js"></script>',
      '</body>',
      '</html>',
      ''
    ].join('\n')
  );
}
