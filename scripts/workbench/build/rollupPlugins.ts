import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'rollup';
import ts from 'typescript';

/** The three small plugins the workbench build adds in front of @lwc/rollup-plugin. */

/**
 * `c/<name>` resolves to the bundle's TypeScript source, not to a `.js` the gate may have
 * compiled beside it earlier (stale until the next gate run).
 */
export function preferTypeScriptSources(lwcDir: string): Plugin {
  return {
    name: 'psms-prefer-typescript',
    resolveId(source) {
      const match = /^c\/(\w+)$/.exec(source);
      if (!match) return null;
      const file = join(lwcDir, match[1], `${match[1]}.ts`);
      return existsSync(file) ? file : null;
    }
  };
}

/**
 * Strips TypeScript before the LWC compiler sees the code (it parses JavaScript only). Same
 * options as tsconfig.lwc.json: ESNext with standard class fields keeps `@api`/`@wire` as the
 * decorators LWC expects.
 */
export function stripTypeScript(): Plugin {
  return {
    name: 'psms-strip-typescript',
    transform(code, id) {
      const file = id.split('?')[0];
      if (!file.endsWith('.ts') || file.endsWith('.d.ts')) return null;
      const output = ts.transpileModule(code, {
        fileName: file,
        compilerOptions: {
          target: ts.ScriptTarget.ESNext,
          module: ts.ModuleKind.ESNext,
          useDefineForClassFields: true,
          experimentalDecorators: false,
          sourceMap: false
        }
      });
      return { code: output.outputText, map: null };
    }
  };
}

/** Build-time constants the LWC engine reads: production mode, and not server-side rendering. */
export function replaceConstants(nodeEnv: string): Plugin {
  const replacements: [RegExp, string][] = [
    [/process\.env\.NODE_ENV/g, JSON.stringify(nodeEnv)],
    [/import\.meta\.env\.SSR/g, 'false']
  ];
  return {
    name: 'psms-replace-constants',
    transform(code) {
      if (!code.includes('process.env.NODE_ENV') && !code.includes('import.meta.env.SSR')) return null;
      let result = code;
      for (const [pattern, value] of replacements) result = result.replace(pattern, value);
      return { code: result, map: null };
    }
  };
}
