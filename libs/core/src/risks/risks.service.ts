import { Injectable } from '@nestjs/common';
import { assertCanReadState } from '../../../platform/src/auth/access.js';
import type { AuthUser } from '../../../platform/src/auth/roles.js';
import { addDays } from '../../../platform/src/util/dates.js';
import { round1 } from '../progress/progress-math.js';
import type { StateProgressDetail } from '../progress/progress-views.js';
import { ProgressService } from '../progress/progress.service.js';
import { ReportingRoundsService } from '../reporting-rounds/reporting-rounds.service.js';
import { RISK_LIMIT_DEFAULT, type RiskQueryDto } from './dto/risk-query.dto.js';
import type { ItemRiskResponse, RiskRankingResponse, StateRiskResponse } from './dto/risk.response.js';
import { assessState, RISK_METHOD, rankItems, rankStates, type ItemRisk, type RiskItemFigures, type StateHistory, type StateRisk } from './risk-math.js';
import { itemReasons } from './risk-reasons.js';
import { RisksRepository } from './risks.repository.js';

interface RankedItem extends ItemRisk {
  response: Omit<ItemRiskResponse, 'rank'>;
}

interface RankedState extends StateRisk {
  response: Omit<StateRiskResponse, 'rank'>;
}

/**
 * Early warning (docs/early-warning.md): open items and states ranked by slack at the state's observed pace and by
 * history. Every figure is the progress engine's (`ProgressService.stateProgress`); this only ranks and explains.
 * The ranking names returned reports, which are a state's records, so a state officer sees only its own state.
 */
@Injectable()
export class RisksService {
  constructor(
    private readonly progress: ProgressService,
    private readonly rounds: ReportingRoundsService,
    private readonly risks: RisksRepository,
  ) {}

  async rank(user: AuthUser, programIdOrCode: string, q: RiskQueryDto): Promise<RiskRankingResponse> {
    if (q.stateCode !== undefined) assertCanReadState(user, q.stateCode);
    const scope = q.stateCode ?? (user.role === 'state_officer' ? user.stateCode : null);
    const program = await this.progress.programProgress(programIdOrCode, q.asOf);
    const { asOf, head } = program;
    const codes = scope === null ? program.states.map((s) => s.stateCode) : program.states.some((s) => s.stateCode === scope) ? [scope] : [];
    if (scope !== null && codes.length === 0) await this.progress.stateProgress(head.id, scope, asOf); // 404 when it never participated
    const [details, returned, rounds] = await Promise.all([
      Promise.all(codes.map((code) => this.progress.stateProgress(head.id, code, asOf))),
      this.risks.findReturnedCounts(head.id, addDays(asOf, -RISK_METHOD.returnedWindowDays), asOf, scope),
      this.rounds.timelinessByState(head.id, asOf),
    ]);
    const returnedByItem = new Map(returned.map((r) => [r.planItemId, r.returned]));
    const roundsByState = new Map(rounds.states.map((s) => [s.stateCode, { late: s.submitted - s.onTime, missed: s.expected - s.submitted }]));

    const items: RankedItem[] = [];
    const states: RankedState[] = [];
    for (const detail of details) {
      const stateRounds = roundsByState.get(detail.participation.stateCode) ?? { late: 0, missed: 0 };
      const history: StateHistory = { returnedByItem, lateRounds: stateRounds.late, missedRounds: stateRounds.missed };
      const assessed = assessState(detail.participation.stateCode, figuresOf(detail), history, asOf);
      const progressById = new Map(detail.progress.items.map((i) => [i.itemId, i.progress]));
      for (const risk of assessed.items) {
        const row = detail.items.get(risk.itemId)!;
        const progress = progressById.get(risk.itemId)!;
        items.push({
          ...risk,
          response: {
            stateCode: row.stateCode,
            stateName: detail.participation.stateName,
            activityCode: row.activityCode,
            activityName: row.activityName,
            phaseNumber: row.phaseNumber,
            level: row.level,
            plannedStart: row.plannedStart,
            plannedDue: row.plannedDue,
            progress: round1(progress),
            daysLeft: risk.daysLeft,
            daysNeeded: round1(risk.daysNeeded),
            slack: round1(risk.slack),
            score: round1(risk.score),
            band: risk.band,
            reasons: itemReasons(risk, progress, assessed.pace, stateRounds).map((r) => ({ ...r, points: round1(r.points) })),
          },
        });
      }
      const worst = assessed.state.worst ? detail.items.get(assessed.state.worst.itemId)! : null;
      states.push({
        ...assessed.state,
        response: {
          stateCode: detail.participation.stateCode,
          stateName: detail.participation.stateName,
          score: assessed.state.score === null ? null : round1(assessed.state.score),
          openItems: assessed.state.openItems,
          projectedLate: assessed.state.projectedLate,
          pace: Math.round(assessed.pace.ratio * 100) / 100,
          paceSample: assessed.pace.sample,
          returnedReports: [...detail.items.keys()].reduce((n, id) => n + (returnedByItem.get(id) ?? 0), 0),
          lateRounds: stateRounds.late,
          missedRounds: stateRounds.missed,
          worstActivityCode: worst?.activityCode ?? null,
        },
      });
    }

    // Ranked on the unrounded figures; the responses carry the rounded ones.
    const rankedItems = rankItems(items);
    return {
      asOf,
      stateCode: scope,
      method: { ...RISK_METHOD },
      totalItems: rankedItems.length,
      states: rankStates(states).map((s, i) => ({ rank: i + 1, ...s.response })),
      items: rankedItems.slice(0, q.limit ?? RISK_LIMIT_DEFAULT).map((r, i) => ({ rank: i + 1, ...r.response })),
    };
  }
}

/** The engine's figures of a state's included items, with the dates that measure their work. */
function figuresOf(detail: StateProgressDetail): RiskItemFigures[] {
  return detail.progress.items
    .filter((i) => i.included)
    .map((i) => {
      const row = detail.items.get(i.itemId)!;
      return { itemId: i.itemId, plannedStart: i.plannedStart, plannedDue: i.plannedDue, originalStart: row.originalStart, originalDue: row.originalDue, progress: i.progress, completedOn: i.completedOn };
    });
}
