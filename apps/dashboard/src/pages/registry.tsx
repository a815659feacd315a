import type { ComponentType } from 'react';
import type { Role, SessionUser } from '../api/types';
import { paths } from '../programs/programs';
import { IndicatorsPage } from './indicators-page';
import { NationalOverviewPage } from './national-overview-page';
import { ReportingRoundsPage } from './reporting-rounds-page';
import { ReviewQueuePage } from './review-queue-page';
import { ReviewRoundPage } from './review-round-page';
import { ReviewRoundsPage } from './review-rounds-page';
import { StatePage } from './state-page';
import { VersionsPage } from './versions-page';

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
 * The public page lives outside login at /publico (app.tsx renders it before the login check).
 */
export interface PageDef {
  id: string;
  path: string;
  roles: readonly Role[];
  component: ComponentType<PageProps>;
  nav?: { label: string; href: (ctx: NavContext) => string | null };
  /** A page without a nav link of its own marks this entry's link as current (a round → the rounds). */
  navParent?: string;
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
  {
    id: 'review',
    path: '/programas/:programCode/revision',
    roles: ['coordinator', 'reviewer', 'admin'],
    component: ReviewQueuePage,
    nav: {
      label: 'Revisión de reportes',
      href: ({ user, programCode }) => (programCode && user.role !== 'state_officer' ? paths.review(programCode) : null),
    },
  },
  {
    // The commission's view; a state officer reads the national figures and its own state's.
    id: 'indicators',
    path: '/programas/:programCode/indicadores',
    roles: ALL_ROLES,
    component: IndicatorsPage,
    nav: { label: 'Indicadores', href: ({ programCode }) => (programCode ? paths.indicators(programCode) : null) },
  },
  {
    id: 'reporting-rounds',
    path: '/programas/:programCode/rondas-de-reporte',
    roles: ALL_ROLES,
    component: ReportingRoundsPage,
    nav: { label: 'Rondas de reporte', href: ({ programCode }) => (programCode ? paths.reportingRounds(programCode) : null) },
  },
  {
    // Reviewers and the coordination create rounds, add findings and close them; others read (a state officer
    // only its own state's findings).
    id: 'review-rounds',
    path: '/programas/:programCode/revisiones',
    roles: ALL_ROLES,
    component: ReviewRoundsPage,
    nav: { label: 'Rondas de revisión', href: ({ programCode }) => (programCode ? paths.reviewRounds(programCode) : null) },
  },
  {
    id: 'review-round',
    path: '/programas/:programCode/revisiones/:roundCode',
    roles: ALL_ROLES,
    component: ReviewRoundPage,
    navParent: 'review-rounds',
  },
  {
    // The program's history: its versions, their differences and the consultations on them.
    id: 'versions',
    path: '/programas/:programCode/versiones',
    roles: ALL_ROLES,
    component: VersionsPage,
    nav: { label: 'Versiones y consulta', href: ({ programCode }) => (programCode ? paths.versions(programCode) : null) },
  },
];

/** Where a user lands after login: national roles on the overview, a state officer on its own state. */
export function homePath(user: SessionUser, programCode: string): string {
  return user.role === 'state_officer' && user.stateCode ? paths.state(programCode, user.stateCode) : paths.national(programCode);
}
