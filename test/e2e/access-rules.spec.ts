import { PATH_METADATA } from '@nestjs/common/constants.js';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { AuthGuard } from '../../libs/core/src/auth/auth.guard.js';
import { AuthService } from '../../libs/core/src/auth/auth.service.js';
import { PUBLIC_KEY, ROLES_KEY } from '../../libs/platform/src/auth/auth.decorators.js';
import { createTestApp, type TestApp } from '../../libs/testing/src/test-app.js';

/** Deny by default, checked: every route of every controller names its roles or is explicitly public. */
describe('access rules', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('every route declares @Auth(...) or @Public()', async () => {
    const discovery = t.app.get(DiscoveryService, { strict: false });
    const reflector = t.app.get(Reflector);
    const scanner = new MetadataScanner();
    const unguarded: string[] = [];
    let routes = 0;
    for (const wrapper of discovery.getControllers()) {
      const proto = Object.getPrototypeOf(wrapper.instance);
      for (const name of scanner.getAllMethodNames(proto)) {
        const handler = proto[name];
        if (Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
        routes++;
        const roles = reflector.getAllAndOverride<string[]>(ROLES_KEY, [handler, wrapper.metatype as object]);
        const isPublic = reflector.getAllAndOverride<boolean>(PUBLIC_KEY, [handler, wrapper.metatype as object]);
        if (!isPublic && !roles?.length) unguarded.push(`${wrapper.name}.${name}`);
      }
    }
    expect(routes).toBeGreaterThan(5);
    expect(unguarded).toEqual([]);
  });

  it('refuses a route that has no access rule, whatever the role', async () => {
    class ForgottenController {
      open() {
        return { leaked: true };
      }
    }
    const admin = await t.as('admin');
    const guard = new AuthGuard(t.app.get(Reflector), t.app.get(AuthService));
    const ctx = {
      getHandler: () => ForgottenController.prototype.open,
      getClass: () => ForgottenController,
      switchToHttp: () => ({ getRequest: () => ({ headers: { authorization: `Bearer ${admin.token}` } }) }),
    };
    await expect(guard.canActivate(ctx as never)).rejects.toMatchObject({ status: 403 });
  });
});
