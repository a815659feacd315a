import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../../libs/platform/src/config/app-config.js';
import { DEMO_PASSWORD, demoUserEmails } from '../../../libs/core/src/demo/demo-users.js';

/** What `npm start` prints once the app listens: where it is and, in demo mode, how to sign in. */
@Injectable()
export class DemoBanner {
  constructor(private readonly config: AppConfig) {}

  print(baseUrl: string): void {
    const lines = [`Rumbo is running on ${baseUrl}  (API ${baseUrl}/api/v1, OpenAPI ${baseUrl}/api/docs)`];
    if (this.config.demo) {
      lines.push(`Demo mode. Every demo account uses the password "${DEMO_PASSWORD}":`);
      for (const email of demoUserEmails()) lines.push(`  ${email}`);
    }
    console.log(lines.join('\n'));
  }
}
