// `npm run harness`: serves the built renderer (run `npm run build` first) for manual checks.
import { startHarness } from './server';

const portArg = process.argv.indexOf('--port');
const harness = await startHarness({ port: portArg > 0 ? Number(process.argv[portArg + 1]) : 0 });
console.log(`Need to Know browser harness (dev only). Data folder: ${harness.dataFolder}`);
console.log(`Open: ${harness.url}`);
