import type { TestProject } from 'vitest/node';
import { prepareTestServer } from '../libs/testing/src/test-server.js';

let teardown: (() => Promise<void>) | undefined;

/** One PostgreSQL for the run (DATABASE_URL's server, or a throw-away embedded one) and a migrated template. */
export async function setup(project: TestProject): Promise<void> {
  const server = await prepareTestServer();
  teardown = server.teardown;
  project.provide('pgServerUrl', server.serverUrl);
  project.provide('pgTemplate', server.template);
}

export async function teardownAll(): Promise<void> {
  await teardown?.();
}
export { teardownAll as teardown };

declare module 'vitest' {
  export interface ProvidedContext {
    pgServerUrl: string;
    pgTemplate: string;
  }
}
