import { checkLwcCompile } from '../checks/lwcCompile';
import { checkTypeScript } from '../checks/typescript';
import { DEFAULT, fixtureProject, META, XML_DECLARATION } from './fixtureProject';

const bundleMeta = `${XML_DECLARATION}<LightningComponentBundle ${META}>\n    <apiVersion>65.0</apiVersion>\n    <isExposed>false</isExposed>\n</LightningComponentBundle>\n`;
const component =
  "import { LightningElement, api } from 'lwc';\nexport default class InvoiceCard extends LightningElement {\n    @api total;\n}\n";

function bundle(template: string, js: string | null = component): Record<string, string> {
  const files: Record<string, string> = {
    [`${DEFAULT}/lwc/invoiceCard/invoiceCard.html`]: template,
    [`${DEFAULT}/lwc/invoiceCard/invoiceCard.js-meta.xml`]: bundleMeta
  };
  if (js !== null) files[`${DEFAULT}/lwc/invoiceCard/invoiceCard.js`] = js;
  return files;
}

describe('LWC compile check', () => {
  it('accepts a bundle the LWC compiler compiles', () => {
    const p = fixtureProject(bundle('<template><p>{total}</p></template>\n'));
    try {
      expect(checkLwcCompile(p.dir)).toEqual({ summary: '2 files in 1 LWC bundle compiled', findings: [] });
    } finally {
      p.cleanup();
    }
  });

  it('rejects a broken template with the compiler message', () => {
    const p = fixtureProject(
      bundle('<template><p if:true={total}>{total}</p><template for:each={rows}></template></template>\n')
    );
    try {
      const findings = checkLwcCompile(p.dir).findings;
      expect(findings).toHaveLength(1);
      expect(findings[0].file).toBe(`${DEFAULT}/lwc/invoiceCard/invoiceCard.html`);
      expect(findings[0].message).toMatch(/^LWC compiler: .*for:item/);
    } finally {
      p.cleanup();
    }
  });

  it('rejects a bundle whose TypeScript was never compiled to its JavaScript module', () => {
    const p = fixtureProject(bundle('<template></template>\n', null));
    try {
      expect(checkLwcCompile(p.dir).findings.map((f) => f.message)).toEqual([
        'bundle invoiceCard has no invoiceCard.js (is its TypeScript compiled?)'
      ]);
    } finally {
      p.cleanup();
    }
  });
});

describe('TypeScript check', () => {
  const tsconfig = JSON.stringify({
    compilerOptions: { strict: true, noEmit: true, target: 'ES2022' },
    include: ['src/*.ts']
  });

  it('rejects a type error with file, line and the compiler code', () => {
    const p = fixtureProject({
      'tsconfig.json': tsconfig,
      'src/amount.ts': 'export const ok = 1;\nexport const amount: number = "ten";\n'
    });
    try {
      expect(checkTypeScript(p.dir, 'tsconfig.json', false).findings).toEqual([
        {
          file: 'src/amount.ts',
          line: 2,
          message: "TS2322: Type 'string' is not assignable to type 'number'."
        }
      ]);
    } finally {
      p.cleanup();
    }
  });

  it('accepts code that type-checks', () => {
    const p = fixtureProject({
      'tsconfig.json': tsconfig,
      'src/amount.ts': 'export const amount: number = 10;\n'
    });
    try {
      expect(checkTypeScript(p.dir, 'tsconfig.json', false)).toEqual({
        summary: '1 TypeScript file type-checked (tsconfig.json)',
        findings: []
      });
    } finally {
      p.cleanup();
    }
  });
});
