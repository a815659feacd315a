import { ApiProperty } from '@nestjs/swagger';
import { NOTIFICATION_KINDS, NOTIFICATION_RESOLUTIONS, type NotificationKind, type NotificationResolution } from '../notification.entity.js';
import type { NotificationView } from '../notifications.repository.js';

export class NotificationResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '20' }) stateCode: string;
  @ApiProperty({ example: 'Oaxaca' }) stateName: string;
  @ApiProperty({ example: '4.3' }) activityCode: string;
  @ApiProperty() activityName: string;
  @ApiProperty({ enum: NOTIFICATION_KINDS, description: '`overdue`: past its due date below 100 %; `due_soon`: due within 7 days' }) kind: NotificationKind;
  @ApiProperty({ example: '2025-08-31', description: 'The item’s planned due date' }) dueOn: string;
  @ApiProperty({ example: '2025-09-01', description: 'The day the daily job detected it' }) detectedOn: string;
  @ApiProperty({ example: 40, description: 'Item progress that day' }) progress: number;
  @ApiProperty({ example: 'La actividad 4.3 (Oaxaca) venció el 2025-08-31 con 40 % de avance.' }) message: string;
  @ApiProperty({ nullable: true, type: String, example: '2025-09-20', description: 'The day the daily job found it resolved (null while open): the item reached 100 %, was excluded, or its due date changed. Reopened (null again) if the item meets the same condition again.' }) resolvedOn: string | null;
  @ApiProperty({ nullable: true, enum: NOTIFICATION_RESOLUTIONS, description: '`completed` (100 %), `excluded` (from the plan) or `rescheduled` (the due date changed); null while open' }) resolution: NotificationResolution | null;
  @ApiProperty() createdAt: string;
}

export class NotificationPageResponse {
  @ApiProperty() total: number;
  @ApiProperty({ type: [NotificationResponse] }) items: NotificationResponse[];
}

export function toNotificationResponse(n: NotificationView): NotificationResponse {
  const progress = n.progress;
  const shown = progress.toLocaleString('es-MX');
  const message =
    n.kind === 'overdue'
      ? `La actividad ${n.activityCode} (${n.stateName}) venció el ${n.dueOn} con ${shown} % de avance.`
      : `La actividad ${n.activityCode} (${n.stateName}) vence el ${n.dueOn}; lleva ${shown} % de avance.`;
  return {
    id: n.id,
    stateCode: n.stateCode,
    stateName: n.stateName,
    activityCode: n.activityCode,
    activityName: n.activityName,
    kind: n.kind,
    dueOn: n.dueOn,
    detectedOn: n.detectedOn,
    progress,
    message,
    resolvedOn: n.resolvedOn,
    resolution: n.resolution,
    createdAt: new Date(n.createdAt).toISOString(),
  };
}
