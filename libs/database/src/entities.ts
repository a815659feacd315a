import { AuditEvent } from '../../core/src/audit/audit-event.entity.js';
import { StoredFile } from '../../core/src/files/stored-file.entity.js';
import { Institution } from '../../core/src/institutions/institution.entity.js';
import { ImportBatch } from '../../core/src/imports/import-batch.entity.js';
import { Comment, CommentMention } from '../../core/src/comments/comment.entity.js';
import { ConsultationComment, ConsultationImport, ConsultationRound, ProgramVersion } from '../../core/src/consultations/consultation.entity.js';
import { AccompanimentSession, PipelineEntry, PipelineTransition } from '../../core/src/convocatoria/pipeline-entry.entity.js';
import { EmailMessage } from '../../core/src/mail/email-message.entity.js';
import { Participation } from '../../core/src/plans/participation.entity.js';
import { PlanItem } from '../../core/src/plans/plan-item.entity.js';
import { ReplanRequest } from '../../core/src/plans/replan-request.entity.js';
import { ActivityFormat } from '../../core/src/programs/activity-format.entity.js';
import { Activity } from '../../core/src/programs/activity.entity.js';
import { IndicatorTarget } from '../../core/src/programs/indicator-target.entity.js';
import { Indicator } from '../../core/src/programs/indicator.entity.js';
import { Phase } from '../../core/src/programs/phase.entity.js';
import { Program } from '../../core/src/programs/program.entity.js';
import { Evidence } from '../../core/src/reports/evidence.entity.js';
import { Report } from '../../core/src/reports/report.entity.js';
import { ReportingRoundSubmission } from '../../core/src/reporting-rounds/reporting-round-submission.entity.js';
import { ReportingRound } from '../../core/src/reporting-rounds/reporting-round.entity.js';
import { StateAuthority } from '../../core/src/states/state-authority.entity.js';
import { State } from '../../core/src/states/state.entity.js';
import { User } from '../../core/src/users/user.entity.js';
import { Notification } from '../../core/src/notifications/notification.entity.js';
import { JobRun } from '../../core/src/progress/jobs/job-run.entity.js';
import { ProgressSnapshot } from '../../core/src/progress/progress-snapshot.entity.js';
import { ProgressVersion } from '../../core/src/progress/progress-version.entity.js';
import { UnitProgressStep } from '../../core/src/progress/unit-progress-step.entity.js';
import { UnitProgress } from '../../core/src/progress/unit-progress.entity.js';
import { ReviewFinding } from '../../core/src/reviews/review-finding.entity.js';
import { ReviewRound } from '../../core/src/reviews/review-round.entity.js';

/** Every entity, listed explicitly (no globs: the build and the tests see the same list). */
export const ENTITIES = [
  State,
  StateAuthority,
  User,
  Program,
  Phase,
  Activity,
  Indicator,
  IndicatorTarget,
  Participation,
  PlanItem,
  ReplanRequest,
  Institution,
  ImportBatch,
  StoredFile,
  ActivityFormat,
  Report,
  Evidence,
  ReportingRound,
  ReportingRoundSubmission,
  AuditEvent,
  UnitProgress,
  UnitProgressStep,
  ProgressVersion,
  ProgressSnapshot,
  Notification,
  JobRun,
  EmailMessage,
  Comment,
  CommentMention,
  ReviewRound,
  ReviewFinding,
  PipelineEntry,
  PipelineTransition,
  AccompanimentSession,
  ProgramVersion,
  ConsultationRound,
  ConsultationComment,
  ConsultationImport,
];
