import type { AuthUser } from '../../../platform/src/auth/roles.js';
import type { ConsultationsService } from '../consultations/consultations.service.js';
import type { CreateConsultationCommentDto } from '../consultations/dto/consultation.dto.js';
import type { ProgramDocument } from '../programs/program-document.js';
import { MODEL_PROGRAM_CODE } from './demo-users.js';

/**
 * The program's history as the minutes tell it: the draft of 6 August 2024 put to consultation, then the text
 * approved on 19 November 2024; two consultation rounds on the draft with the minutes' totals (40 comments; then
 * 452, 90 of form and 362 of substance, 70 % attended). The comments' texts are illustrative, their counts are the
 * minutes'. The draft differs from the approved text where the consultation changed it.
 */
export async function seedDemoConsultations(consultations: ConsultationsService, coordinator: AuthUser, approved: ProgramDocument): Promise<void> {
  const draft: ProgramDocument = {
    ...approved,
    phases: approved.phases.map((p) => (p.number === 4 ? { ...p, name: 'Implementación' } : p)),
    activities: approved.activities
      .filter((a) => a.code !== '2.2')
      .map((a) => (a.code === '4.2' ? { ...a, durationDays: 60 } : a.code === '5.1' ? { ...a, name: 'Entregar reportes semestrales de avance' } : a)),
  };
  const draftVersion = await consultations.createVersion(coordinator, MODEL_PROGRAM_CODE, { label: 'Borrador para consulta', issuedOn: '2024-08-06', note: 'Versión sometida a la consulta de los organismos garantes y de la sociedad.', document: draft });
  await consultations.createVersion(coordinator, MODEL_PROGRAM_CODE, { label: 'Aprobado por el Consejo Nacional', issuedOn: '2024-11-19', note: 'Acuerdo SNT/CEATP/ACUERDO/19/11/24/EXT03-03.' });

  const rounds = [
    { title: 'Comentarios de los organismos garantes de la Comisión', opensOn: '2024-08-12', closesOn: '2024-08-30', total: 40, form: 14, attended: 30 },
    { title: 'Consulta a organismos garantes, instituciones y sociedad civil', opensOn: '2024-09-02', closesOn: '2024-10-04', total: 452, form: 90, attended: 316 },
  ];
  const codes = draft.activities.map((a) => a.code);
  for (const r of rounds) {
    const round = await consultations.createRound(coordinator, MODEL_PROGRAM_CODE, draftVersion.id, { title: r.title, opensOn: r.opensOn, closesOn: r.closesOn });
    await consultations.addComments(coordinator, MODEL_PROGRAM_CODE, round.id, demoComments(r, codes));
  }
}

const ORIGINS = [
  'Organismo garante de Oaxaca', 'Organismo garante de Veracruz', 'Organismo garante de Guanajuato', 'Organismo garante de Tamaulipas',
  'Organismo garante de Querétaro', 'Organismo garante de Sinaloa', 'Organismo garante de Campeche', 'Organismo garante de Chiapas',
  'Organismo garante de Tabasco', 'Organismo garante de Yucatán', 'Organismo garante de Nuevo León', 'Organismo garante de Jalisco',
  'Colectivo de datos abiertos', 'Universidad pública estatal', 'Cámara empresarial', 'Organización de periodismo de datos',
];
const FORM_TEXTS = ['Homologar el uso de «datos abiertos» y «conjuntos de datos» en todo el documento.', 'Corregir la numeración de las actividades de la fase {a}.', 'Usar lenguaje incluyente en la descripción de la actividad {a}.', 'Unificar el formato de las fechas del calendario.'];
const SUBSTANCE_TEXTS = ['Precisar quién valida los conjuntos de datos de alto valor en la actividad {a}.', 'Ampliar el plazo de la actividad {a} para entidades con pocos sujetos obligados.', 'Incluir a los municipios desde la actividad {a}.', 'Definir la evidencia que acredita la conclusión de la actividad {a}.', 'Considerar la capacidad técnica de los sujetos obligados antes de la actividad {a}.'];
const ATTENDED = ['Se incorporó en la versión aprobada.', 'Se ajustó la redacción de la actividad {a}.', 'Se precisa en la actividad {a}.'];
const NOT_ATTENDED = ['Ya considerado en la actividad {a}.', 'Corresponde a la adaptación estatal del programa.', 'Fuera del alcance del programa modelo.'];

/** Deterministic comments with exactly the round's totals: `form` of form, the rest of substance, `attended` attended. */
function demoComments(r: { total: number; form: number; attended: number }, codes: string[]): CreateConsultationCommentDto[] {
  return Array.from({ length: r.total }, (_, i) => {
    // Spread form comments and attended ones evenly through the round rather than in blocks.
    const form = Math.floor(((i + 1) * r.form) / r.total) > Math.floor((i * r.form) / r.total);
    const attended = Math.floor(((i + 1) * r.attended) / r.total) > Math.floor((i * r.attended) / r.total);
    const a = codes[(i * 7) % codes.length];
    const fill = (s: string) => s.replace('{a}', form && s.includes('fase') ? a.split('.')[0] : a);
    const texts = form ? FORM_TEXTS : SUBSTANCE_TEXTS;
    return {
      originBody: ORIGINS[(i * 5) % ORIGINS.length],
      type: form ? 'form' : 'substance',
      text: fill(texts[i % texts.length]),
      activityCode: form ? undefined : a,
      attended,
      response: fill((attended ? ATTENDED : NOT_ATTENDED)[i % 3]),
    };
  });
}
