// The API's shapes, generated from docs/openapi.json (npm run api:types → openapi.gen.ts) and named here
// for the dashboard. Never write a response shape by hand: change the API's DTO, then `npm run api:contract`.
import type { components } from './openapi.gen';

export type Role = components['schemas']['UserResponse']['role'];
export type SessionUser = components['schemas']['UserResponse'];
export type LoginResponse = components['schemas']['LoginResponse'];
export type FieldError = components['schemas']['FieldErrorResponse'];
export type StateInfo = components['schemas']['StateResponse'];
export type ProgramSummary = components['schemas']['ProgramSummaryResponse'];
export type Phase = components['schemas']['PhaseDocumentDto'];
export type Activity = components['schemas']['ActivityDocumentDto'];
export type ProgramDetail = components['schemas']['ProgramResponse'];
export type Participation = components['schemas']['ParticipationResponse'];
export type PlanItem = components['schemas']['PlanItemResponse'];
export type StatePlan = components['schemas']['PlanResponse'];
export type PlanChange = components['schemas']['ReplanItemDto'];
export type GovernmentOrder = components['schemas']['InstitutionResponse']['order'];
export type Institution = components['schemas']['InstitutionResponse'];
export type NewInstitution = components['schemas']['CreateInstitutionDto'];
export type ReportStatus = components['schemas']['ReportResponse']['status'];
export type ReviewState = components['schemas']['ReportResponse']['reviewState'];
export type EvidenceKind = components['schemas']['EvidenceResponse']['kind'];
export type EvidenceInput = components['schemas']['EvidenceDto'];
export type NewReport = components['schemas']['CreateReportDto'];
export type Evidence = components['schemas']['EvidenceResponse'];
export type PersonRef = components['schemas']['PersonRef'];
export type Report = components['schemas']['ReportResponse'];
export type ReportPage = components['schemas']['ReportPageResponse'];
export type QueuedReport = components['schemas']['ReviewQueueItemResponse'];
export type ReviewQueue = components['schemas']['ReviewQueueResponse'];
export type ItemHistory = components['schemas']['ItemHistoryResponse'];
export type StoredFile = components['schemas']['StoredFileResponse'];
export type TrafficLight = components['schemas']['StateFiguresResponse']['status'];
export type Thresholds = components['schemas']['ThresholdsResponse'];
export type NationalFigures = components['schemas']['NationalFiguresResponse'];
export type ProgressFigures = components['schemas']['ExplainedStateFiguresResponse'];
export type StateFigures = components['schemas']['StateFiguresResponse'];
export type NationalProgress = components['schemas']['NationalProgressResponse'];
export type PhaseProgress = components['schemas']['PhaseProgressResponse'];
export type ItemProgress = components['schemas']['ItemProgressResponse'];
export type InstitutionProgress = components['schemas']['InstitutionProgressResponse'];
export type StateProgress = components['schemas']['StateProgressResponse'];
export type ReportRef = components['schemas']['ReportRefResponse'];
export type UnitExplanation = components['schemas']['UnitExplanationResponse'];
export type ItemExplanation = components['schemas']['ItemExplanationResponse'];
export type StateArithmetic = components['schemas']['StateArithmeticResponse'];
export type StateExplanation = components['schemas']['StateExplanationResponse'];
export type NationalExplanation = components['schemas']['NationalExplanationResponse'];
export type SnapshotPoint = components['schemas']['SnapshotPointResponse'];
export type SnapshotSeries = components['schemas']['SnapshotSeriesResponse'];
export type NotificationKind = components['schemas']['NotificationResponse']['kind'];
export type Notification = components['schemas']['NotificationResponse'];
export type RoundFigures = components['schemas']['RoundFiguresResponse'];
export type RoundPhase = components['schemas']['ReportingRoundResponse']['phase'];
export type StateRoundStatus = components['schemas']['StateRoundResponse']['status'];
export type ReportingRound = components['schemas']['ReportingRoundResponse'];
export type ReportingRoundList = components['schemas']['ReportingRoundListResponse'];
export type StateRound = components['schemas']['StateRoundResponse'];
export type StateRounds = components['schemas']['StateReportingRoundsResponse'];
export type RoundStateRow = components['schemas']['RoundStateResponse'];
export type ReportingRoundDetail = components['schemas']['ReportingRoundDetailResponse'];
export type IndicatorStatus = NonNullable<components['schemas']['IndicatorFigureResponse']['status']>;
export type IndicatorUnit = components['schemas']['IndicatorFigureResponse']['unit'];
export type DatedValue = components['schemas']['DatedValueResponse'];
export type IndicatorFigure = components['schemas']['IndicatorFigureResponse'];
export type IndicatorList = components['schemas']['IndicatorListResponse'];
export type IndicatorSeriesPoint = components['schemas']['SeriesPointResponse'];
export type IndicatorSeries = components['schemas']['IndicatorSeriesResponse'];
export type ReviewRoundStatus = components['schemas']['ReviewRoundSummaryResponse']['status'];
export type FindingType = components['schemas']['FindingResponse']['type'];
export type Finding = components['schemas']['FindingResponse'];
export type ReviewRoundSummary = components['schemas']['ReviewRoundSummaryResponse'];
export type ReviewRoundList = components['schemas']['ReviewRoundListResponse'];
export type FigureValue = components['schemas']['FigureDifferenceResponse']['frozen'];
export type FigureDifference = components['schemas']['FigureDifferenceResponse'];
export type ReviewRoundDifferences = components['schemas']['ReviewRoundDifferencesResponse'];
export type RiskBand = components['schemas']['ItemRiskResponse']['band'];
export type RiskReason = components['schemas']['RiskReasonResponse'];
export type ItemRisk = components['schemas']['ItemRiskResponse'];
export type StateRisk = components['schemas']['StateRiskResponse'];
export type RiskRanking = components['schemas']['RiskRankingResponse'];

/** The figures an indicator has for one scope. */
export type IndicatorValue = Pick<IndicatorFigure, 'value' | 'baseline' | 'target' | 'expectedNow' | 'achievement' | 'status'>;

// A review round's frozen figures are stored as they were computed on the day (the document calls them a
// free-form object, since the stored JSON outlives any one version of the response classes). These types are
// how the dashboard reads that document; each part names the generated type it was frozen from.
export type FrozenIndicatorValue = IndicatorValue;

export interface FrozenIndicator {
  code: string;
  name: string;
  unit: IndicatorUnit;
  direction: 'up' | 'down';
  kind: string;
  national: FrozenIndicatorValue;
  /** By state code: every state participating at the round's date. */
  states: Record<string, FrozenIndicatorValue>;
}

export interface FrozenState extends ProgressFigures {
  stateCode: string;
  stateName: string;
  joinedOn: string;
  exitedOn: string | null;
  institutions: number;
  includedItems: number;
  completedItems: number;
  overdueItems: number;
  dueItems: number;
  completedOnTimeItems: number;
  onTimeRate: number | null;
}

export interface FrozenFigures {
  asOf: string;
  progress: { national: NationalFigures; states: FrozenState[] };
  indicators: FrozenIndicator[];
}

export type ReviewRoundDetail = Omit<components['schemas']['ReviewRoundDetailResponse'], 'figures'> & { figures: FrozenFigures };
export type ImportResult = components['schemas']['ImportResultResponse'];
export type ImportRowError = components['schemas']['ImportRowErrorResponse'];
export type EmailMessage = components['schemas']['EmailMessageResponse'];
export type EmailMessagePage = components['schemas']['EmailMessagePageResponse'];
export type Comment = components['schemas']['CommentResponse'];
export type CommentSubject = Comment['subjectType'];
export type MentionPage = components['schemas']['MentionPageResponse'];
export type PipelineEntry = components['schemas']['PipelineEntryResponse'];
export type PipelineStage = PipelineEntry['stage'];
export type PipelineFunnel = components['schemas']['FunnelResponse'];
export type AccompanimentSession = components['schemas']['SessionResponse'];
export type ProgramVersion = components['schemas']['ProgramVersionResponse'];
export type VersionDiff = components['schemas']['VersionDiffResponse'];
export type FieldChange = components['schemas']['FieldChangeResponse'];
export type ConsultationRound = components['schemas']['ConsultationRoundResponse'];
export type ConsultationComment = components['schemas']['ConsultationCommentResponse'];
export type ConsultationCommentPage = components['schemas']['ConsultationCommentPageResponse'];
export type ConsultationCommentType = ConsultationComment['type'];
export type ReplanRequest = components['schemas']['ReplanRequestResponse'];
export type ReplanRequestStatus = ReplanRequest['status'];
export type ReplanRequestPage = components['schemas']['ReplanRequestPageResponse'];
export type ReplanDecision = components['schemas']['DecideReplanRequestDto'];
