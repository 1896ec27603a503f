import { hashPassword } from '../passwordHash';

/**
 * `npm run staff:hash-password -- '<password>'` prints the hash to put in STAFF_ACCOUNTS_FILE, so
 * the file never holds a password.
 */
async function main(): Promise<void> {
  const password = process.argv[2];
  if (!password || password.length < 10) {
    process.stderr.write('usage: npm run staff:hash-password -- <password of at least 10 characters>\n');
    process.exit(2);
  }
  process.stdout.write(`${await hashPassword(password)}\n`);
}

void main();
