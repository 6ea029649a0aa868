#!/usr/bin/env node
// Entry for `npx hoctap`: runs the TypeScript sources through tsx, so there is no build step.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`hoctap cần Node.js 20.19 trở lên (máy này có ${process.versions.node}). Hãy cài Node.js 20 LTS mới hơn.`);
  process.exit(1);
}
const { register } = await import('tsx/esm/api');
register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
