import type { ComponentType } from 'react';
import type { Role, SessionUser } from '../api/types';
import { paths } from '../programs/programs';
import { NationalOverviewPage } from './national-overview-page';
import { StatePage } from './state-page';

export interface PageProps {
  params: Record<string, string>;
  user: SessionUser;
}

export interface NavContext {
  user: SessionUser;
  /** The program in view (from the URL, else the default one); null while none is known. */
  programCode: string | null;
}

/**
 * One entry per signed-in view. Adding a view = one component + one entry here: the router matches `path`,
 * refuses roles not in `roles` with the no-access screen, and `nav` (when it returns a link) puts it in the
 * main navigation in array order.
 *
 * Next views, in the order they are planned: national progress charts (Chart.js, served at
 * /vendor/chart.js/ or bundled), the map of states, the coordinator's review queue, the state officer's
 * report form, indicators. The public page lives outside login at /publico (served by the API).
 */
export interface PageDef {
  id: string;
  path: string;
  roles: readonly Role[];
  component: ComponentType<PageProps>;
  nav?: { label: string; href: (ctx: NavContext) => string | null };
}

const ALL_ROLES: readonly Role[] = ['admin', 'coordinator', 'reviewer', 'state_officer'];

export const PAGES: PageDef[] = [
  {
    id: 'national',
    path: '/programas/:programCode',
    roles: ALL_ROLES,
    component: NationalOverviewPage,
    nav: { label: 'Panorama nacional', href: ({ programCode }) => (programCode ? paths.national(programCode) : null) },
  },
  {
    id: 'state',
    path: '/programas/:programCode/estados/:stateCode',
    roles: ALL_ROLES,
    component: StatePage,
    nav: {
      label: 'Mi entidad',
      href: ({ user, programCode }) => (programCode && user.role === 'state_officer' && user.stateCode ? paths.state(programCode, user.stateCode) : null),
    },
  },
];

/** Where a user lands after login: national roles on the overview, a state officer on its own state. */
export function homePath(user: SessionUser, programCode: string): string {
  return user.role === 'state_officer' && user.stateCode ? paths.state(programCode, user.stateCode) : paths.national(programCode);
}
