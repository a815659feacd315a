/**
 * es-MX words for the codes the API uses in its figures (status, order, type…), for files people read (XLSX,
 * PDF). The JSON API and CSV keep the codes; the dashboard has its own copy in apps/dashboard/src/util/format.ts.
 */
export const TRAFFIC_LIGHT_ES = { completed: 'Concluida', on_track: 'En tiempo', at_risk: 'En riesgo', off_track: 'Rezagada' } as const;
export const INDICATOR_STATUS_ES = { met: 'Meta alcanzada', on_track: 'En trayectoria', behind: 'Por debajo de lo esperado' } as const;
export const REPORT_STATUS_ES = { not_started: 'No iniciada', in_progress: 'En proceso', completed: 'Concluida', blocked: 'Bloqueada' } as const;
export const REVIEW_STATE_ES = { submitted: 'Pendiente de revisión', accepted: 'Aceptado', returned: 'Devuelto' } as const;
export const GOVERNMENT_ORDER_ES = { federal: 'Federal', state: 'Estatal', municipal: 'Municipal' } as const;
export const FINDING_TYPE_ES = { data_error: 'Error en los datos', missing_evidence: 'Falta de evidencia', delay: 'Retraso', other: 'Otra' } as const;
export const REVIEW_ROUND_STATUS_ES = { open: 'Abierta', closed: 'Cerrada' } as const;
export const ACTIVITY_LEVEL_ES = { state: 'Organismo garante', institution: 'Cada institución' } as const;
export const SCOPE_ES = { national: 'Nacional', state: 'Entidad' } as const;
export const INDICATOR_UNIT_ES = { count: 'Número', percent: 'Porcentaje' } as const;
export const DIRECTION_ES = { up: 'Ascendente', down: 'Descendente' } as const;
export const EVIDENCE_KIND_ES = { url: 'Liga', dataset: 'Conjunto de datos', document: 'Documento' } as const;
export const CONSULTATION_COMMENT_TYPE_ES = { form: 'Forma', substance: 'Fondo' } as const;
