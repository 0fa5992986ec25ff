/**
 * The directory on one machine: people by email in `DATA_DIR/local-directory.json`, each with a
 * subject (a UUID, as Cognito's `sub`) and whether they may sign in. The local sign-in route reads
 * it as Cognito's hosted UI reads the user pool. One process writes it (the local server).
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IdentityDirectory } from './identity-directory.ts';

export interface LocalPerson {
  subject: string;
  name: string;
  enabled: boolean;
}

const FILE = 'local-directory.json';

export class LocalDirectory implements IdentityDirectory {
  private readonly file: string;

  constructor(dataDir: string) {
    this.file = join(dataDir, FILE);
  }

  async invite(person: { email: string; name: string }): Promise<string> {
    const people = this.read();
    const existing = people[person.email];
    const entry = existing ? { ...existing, enabled: true } : { subject: randomUUID(), name: person.name, enabled: true };
    this.write({ ...people, [person.email]: entry });
    return entry.subject;
  }

  async disable(subject: string): Promise<void> {
    const people = this.read();
    const email = Object.keys(people).find((e) => people[e]!.subject === subject);
    if (email) this.write({ ...people, [email]: { ...people[email]!, enabled: false } });
  }

  /** The person who may sign in with this email, if any. */
  find(email: string): LocalPerson | undefined {
    const person = this.read()[email];
    return person?.enabled ? person : undefined;
  }

  private read(): Record<string, LocalPerson> {
    return existsSync(this.file) ? (JSON.parse(readFileSync(this.file, 'utf8')) as Record<string, LocalPerson>) : {};
  }

  private write(people: Record<string, LocalPerson>): void {
    mkdirSync(join(this.file, '..'), { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(people, null, 2));
    renameSync(temporary, this.file);
  }
}
