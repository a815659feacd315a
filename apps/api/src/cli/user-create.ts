import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { CreateUserDto } from '../../../../libs/core/src/users/dto/create-user.dto.js';
import { UsersService } from '../../../../libs/core/src/users/users.service.js';
import { resolveDatabase } from '../../../../libs/database/src/resolve-database.js';
import { loadConfigOrExit } from '../../../../libs/platform/src/config/app-config.js';
import { flattenValidationErrors } from '../../../../libs/platform/src/http/field-errors.js';
import { AppModule } from '../app.module.js';

const USAGE = `Creates a user (the first admin, outside demo mode).
Usage: npm run user:create -- --email ana@example.mx --name "Ana Pérez" [--role admin] [--state 20]
The password is read from RUMBO_USER_PASSWORD, or asked for on the terminal.`;

async function readPassword(): Promise<string> {
  if (process.env.RUMBO_USER_PASSWORD) return process.env.RUMBO_USER_PASSWORD;
  if (!process.stdin.isTTY) throw new Error('Set RUMBO_USER_PASSWORD or run in a terminal');
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return await rl.question('Password (at least 10 characters): ');
  } finally {
    rl.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string', default: 'admin' }, state: { type: 'string' }, help: { type: 'boolean' } } });
  if (values.help || !values.email || !values.name) {
    console.log(USAGE);
    process.exit(values.help ? 0 : 2);
  }
  const dto = plainToInstance(CreateUserDto, { email: values.email, name: values.name, role: values.role, stateCode: values.state, password: await readPassword() });
  const errors = flattenValidationErrors(await validate(dto, { whitelist: true, forbidNonWhitelisted: true }));
  if (errors.length) {
    for (const e of errors) console.error(`${e.field}: ${e.message}`);
    process.exit(2);
  }
  // The command never seeds demo data, even against the embedded database.
  const config = loadConfigOrExit({ ...process.env, RUMBO_DEMO: 'false', RUMBO_JWT_SECRET: process.env.RUMBO_JWT_SECRET ?? 'x'.repeat(32), LOG_LEVEL: 'warn' });
  const db = await resolveDatabase(config);
  const app = await NestFactory.createApplicationContext(AppModule.forRoot({ config, databaseUrl: db.url }), { logger: ['error', 'warn'] });
  try {
    const user = await app.get(UsersService).create(null, dto);
    console.log(`Created ${user.role} ${user.email} (${user.id})`);
  } catch (e) {
    const err = e as { getResponse?: () => { message?: string; errors?: { field: string; message: string }[] } };
    const body = err.getResponse?.();
    console.error(body ? [body.message, ...(body.errors ?? []).map((x) => `${x.field}: ${x.message}`)].join('\n') : e);
    process.exitCode = 1;
  } finally {
    await app.close();
    await db.stop();
  }
}

await main();
