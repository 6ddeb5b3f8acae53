// `npm run --silent deadline -- --received YYYY-MM-DD --profile 000|001|002|003|004|foi|foi-scotland
//   --nation england-and-wales|scotland|northern-ireland`
// Prints {"acknowledgeBy"?, "respondBy", "explanation"} as JSON and exits 0; bad arguments exit 2.
import { assertNation } from '../shared/domain/calendar';
import { computeDueDates } from '../shared/domain/deadlines';
import { DomainError } from '../shared/domain/errors';
import { builtInProfile, PROFILE_IDS } from '../shared/domain/profiles';
import { NATIONS } from '../shared/domain/calendar';

const USAGE = `Usage: npm run --silent deadline -- --received YYYY-MM-DD --profile ${PROFILE_IDS.join('|')} --nation ${NATIONS.join('|')}`;

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

function parseArgs(argv: string[]): Record<string, string> {
  const args: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    if (!flag.startsWith('--')) fail(`Unexpected argument "${flag}".`);
    const name = flag.slice(2);
    if (!['received', 'profile', 'nation'].includes(name)) fail(`Unknown option "${flag}".`);
    const value = argv[++i];
    if (value === undefined || value.startsWith('--')) fail(`${flag} needs a value.`);
    args[name] = value;
  }
  return args;
}

const args = parseArgs(process.argv.slice(2));
for (const required of ['received', 'profile', 'nation']) if (!args[required]) fail(`Missing --${required}.`);
try {
  const profile = builtInProfile(args.profile);
  const due = computeDueDates(args.received!, profile, assertNation(args.nation));
  const out = {
    ...(due.acknowledgeBy ? { acknowledgeBy: due.acknowledgeBy } : {}),
    respondBy: due.respondBy,
    explanation: due.explanation,
  };
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
} catch (error) {
  if (error instanceof DomainError) fail(error.message);
  throw error;
}
