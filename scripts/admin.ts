/**
 * `npm run admin -- create --email you@council.gov.uk --name "Your Name" [--packs wyre,ashfield]`: adds an
 * admin account, seeing every course or only the packs named. The password comes from ADMIN_PASSWORD,
 * or is asked for without echoing it. (Admins can also invite colleagues at /admin/people/.)
 */
import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { openDatabase } from '../src/lib/server/db.ts';
import { loadSigningKey, registerKey } from '../src/lib/server/keys.ts';
import { createAdmin } from '../src/lib/server/admins.ts';
import { passwordProblem } from '../src/lib/server/passwords.ts';
import { AccountError, changeAdminPacks } from '../src/lib/server/admin-accounts.ts';
import { packFolders } from '../src/lib/load.ts';

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

/** Reads a line from the terminal without showing what is typed. */
function hidden(prompt: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const write = (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput.bind(rl);
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => write(s.startsWith(prompt) ? s : '');
    rl.question(prompt, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
  });
}

const { positionals, values } = parseArgs({ allowPositionals: true, options: { email: { type: 'string' }, name: { type: 'string' }, packs: { type: 'string' } } });
if (positionals[0] !== 'create') fail('Usage: npm run admin -- create --email you@council.gov.uk --name "Your Name" [--packs wyre,ashfield]');
const packs = (values.packs ?? '').split(',').map((p) => p.trim()).filter(Boolean);
const known = packFolders(process.env.COURSE_CONTENT_ROOT ?? join(import.meta.dirname, '..'));
const unknown = packs.filter((p) => !known.includes(p));
if (unknown.length) fail(`--packs names ${unknown.join(', ')}, which ${unknown.length === 1 ? 'is not a pack' : 'are not packs'}. The packs: ${known.join(', ')}.`);
const email = values.email?.trim() ?? '';
const name = values.name?.trim() ?? '';
if (!z.email().safeParse(email).success) fail('Give an email address: --email you@council.gov.uk');
if (!name) fail('Give a name: --name "Your Name"');
let password = process.env.ADMIN_PASSWORD ?? '';
if (!password) {
  if (!process.stdin.isTTY) fail('Set ADMIN_PASSWORD, or run this in a terminal to be asked for the password.');
  password = await hidden('Password: ');
  if (password !== (await hidden('Password again: '))) fail('The two passwords are not the same.');
}
const weak = passwordProblem(password);
if (weak) fail(weak);
const db = openDatabase();
// The signing key anchors the audit entry for the new account, as the server's entries are.
registerKey(db, loadSigningKey());
try {
  const id = await createAdmin(db, { email, name, password }, 'npm run admin');
  if (packs.length) changeAdminPacks(db, id, packs, 'npm run admin');
} catch (error) {
  if (error instanceof AccountError) fail(error.message);
  fail(/UNIQUE/.test(String(error)) ? `An admin with the email ${email} already exists.` : String(error));
}
console.log(`Admin account created for ${name} <${email.toLowerCase()}>${packs.length ? `, seeing ${packs.join(', ')} only` : ''}. Sign in at /admin/login/`);
