/**
 * `npm run admin -- create --email you@council.gov.uk --name "Your Name"`: adds an admin account.
 * The password comes from ADMIN_PASSWORD, or is asked for without echoing it.
 */
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { openDatabase } from '../src/lib/server/db.ts';
import { loadSigningKey, registerKey } from '../src/lib/server/keys.ts';
import { createAdmin } from '../src/lib/server/admins.ts';
import { passwordProblem } from '../src/lib/server/passwords.ts';

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

const { positionals, values } = parseArgs({ allowPositionals: true, options: { email: { type: 'string' }, name: { type: 'string' } } });
if (positionals[0] !== 'create') fail('Usage: npm run admin -- create --email you@council.gov.uk --name "Your Name"');
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
  await createAdmin(db, { email, name, password }, 'npm run admin');
} catch (error) {
  fail(/UNIQUE/.test(String(error)) ? `An admin with the email ${email} already exists.` : String(error));
}
console.log(`Admin account created for ${name} <${email.toLowerCase()}>. Sign in at /admin/login/`);
