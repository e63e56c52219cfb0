// Rewrites the relative module specifiers of emitted declaration files to name the file they
// resolve to (`"./server/options"` → `"./server/options.js"`, `"./store"` → `"./store/index.js"`).
// The sources import without extensions (bundler resolution), and tsc keeps specifiers as
// written; in a `"type": "module"` package, a consumer on `module: nodenext` resolves
// declarations as ESM and cannot follow an extensionless specifier, so every imported type
// silently became `any` there. Usage: node scripts/declaration-extensions.mjs <types dir>…
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

const SPECIFIER = /(\bfrom\s+|\bimport\s*\(\s*|\bimport\s+)(["'])(\.{1,2}\/[^"']*|\.{1,2})\2/g;

function declarationFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return declarationFiles(path);
    return name.endsWith(".d.ts") ? [path] : [];
  });
}

function withExtension(fromFile, specifier) {
  if (/\.(js|mjs|cjs|json)$/.test(specifier)) return specifier;
  const target = resolve(dirname(fromFile), specifier);
  if (existsSync(`${target}.d.ts`)) return `${specifier}.js`;
  if (existsSync(join(target, "index.d.ts"))) return `${specifier.replace(/\/$/, "")}/index.js`;
  throw new Error(`${fromFile}: cannot resolve "${specifier}" to a declaration file`);
}

export function rewriteDeclarations(typesDir) {
  let rewritten = 0;
  for (const file of declarationFiles(typesDir)) {
    const source = readFileSync(file, "utf8");
    const output = source.replace(SPECIFIER, (_match, lead, quote, specifier) => {
      return `${lead}${quote}${withExtension(file, specifier)}${quote}`;
    });
    if (output !== source) {
      writeFileSync(file, output);
      rewritten += 1;
    }
  }
  return rewritten;
}

const dirs = process.argv.slice(2);
if (dirs.length === 0) {
  console.error("usage: node scripts/declaration-extensions.mjs <types dir>…");
  process.exit(2);
}
for (const dir of dirs) rewriteDeclarations(dir);
