import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { asList, type ApiError } from '../api/client';
import type { ProgramSummary } from '../api/types';
import { useResource } from '../api/use-resource';
import { useSession } from '../auth/session';

/** The program the dashboard opens when the URL names none. */
export const DEFAULT_PROGRAM_CODE = 'condatos-2024';

interface ProgramsState {
  programs: ProgramSummary[] | undefined;
  error: ApiError | undefined;
  loading: boolean;
  /** The code to open by default: the model program if present, else the first active one. */
  defaultCode: string | null;
  byCode: (codeOrId: string) => ProgramSummary | undefined;
}

const ProgramsContext = createContext<ProgramsState | null>(null);

export function ProgramsProvider({ children }: { children: ReactNode }) {
  const { user } = useSession();
  const res = useResource<ProgramSummary[]>(user ? '/programs' : null, (raw) => asList<ProgramSummary>(raw));
  const value = useMemo<ProgramsState>(() => {
    const programs = res.data;
    const pick = programs?.find((p) => p.code === DEFAULT_PROGRAM_CODE) ?? programs?.find((p) => p.status === 'active') ?? programs?.[0];
    return {
      programs,
      error: res.error,
      loading: res.loading,
      defaultCode: pick?.code ?? null,
      byCode: (c) => programs?.find((p) => p.code === c || p.id === c),
    };
  }, [res.data, res.error, res.loading]);
  return <ProgramsContext.Provider value={value}>{children}</ProgramsContext.Provider>;
}

export function usePrograms(): ProgramsState {
  const s = useContext(ProgramsContext);
  if (!s) throw new Error('usePrograms outside ProgramsProvider');
  return s;
}

/** Dashboard URLs, in one place so links and the page registry agree. */
export const paths = {
  login: '/entrar',
  national: (programCode: string) => `/programas/${encodeURIComponent(programCode)}`,
  state: (programCode: string, stateCode: string) => `/programas/${encodeURIComponent(programCode)}/estados/${encodeURIComponent(stateCode)}`,
  review: (programCode: string) => `/programas/${encodeURIComponent(programCode)}/revision`,
  indicators: (programCode: string) => `/programas/${encodeURIComponent(programCode)}/indicadores`,
  reportingRounds: (programCode: string) => `/programas/${encodeURIComponent(programCode)}/rondas-de-reporte`,
  reviewRounds: (programCode: string) => `/programas/${encodeURIComponent(programCode)}/revisiones`,
  reviewRound: (programCode: string, roundCode: string) => `/programas/${encodeURIComponent(programCode)}/revisiones/${encodeURIComponent(roundCode)}`,
  versions: (programCode: string) => `/programas/${encodeURIComponent(programCode)}/versiones`,
  public: '/publico',
};
