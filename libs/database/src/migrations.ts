import { CreatePlatformTables1795705225983 } from './migrations/1795705225983-CreatePlatformTables.js';
import { CreateReportTables1795706025258 } from './migrations/1795706025258-CreateReportTables.js';
import { CreateReportingRoundTables1795706282204 } from './migrations/1795706282204-CreateReportingRoundTables.js';
import { CreateProgressTables1795706308444 } from './migrations/1795706308444-CreateProgressTables.js';
import { CreateReviewRoundTables1795707308730 } from './migrations/1795707308730-CreateReviewRoundTables.js';
import { ProgressStepsAndNotificationResolution1795709342832 } from './migrations/1795709342832-ProgressStepsAndNotificationResolution.js';
import { CreateImportBatch1796531022592 } from './migrations/1796531022592-CreateImportBatch.js';
import { CreateEmailMessage1796560377767 } from './migrations/1796560377767-CreateEmailMessage.js';
import { CreateComments1796562451512 } from './migrations/1796562451512-CreateComments.js';
import { ActivityCompletionNeedsEvidence1796586497072 } from './migrations/1796586497072-ActivityCompletionNeedsEvidence.js';
import { CreateConvocatoriaPipeline1796588154964 } from './migrations/1796588154964-CreateConvocatoriaPipeline.js';
import { CreateReplanRequest1796591930275 } from './migrations/1796591930275-CreateReplanRequest.js';
import { CreateConsultations1796593378374 } from './migrations/1796593378374-CreateConsultations.js';
import { ActivityFormats1796594728942 } from './migrations/1796594728942-ActivityFormats.js';
import { CreateConsultationImport1796595087341 } from './migrations/1796595087341-CreateConsultationImport.js';

/** Every migration, in order. Generated with `npm run migration:generate -- Name`, read, then frozen. */
export const MIGRATIONS = [CreatePlatformTables1795705225983, CreateReportTables1795706025258, CreateReportingRoundTables1795706282204, CreateProgressTables1795706308444, CreateReviewRoundTables1795707308730, ProgressStepsAndNotificationResolution1795709342832, CreateImportBatch1796531022592, CreateEmailMessage1796560377767, CreateComments1796562451512, ActivityCompletionNeedsEvidence1796586497072, CreateConvocatoriaPipeline1796588154964, CreateReplanRequest1796591930275, CreateConsultations1796593378374, ActivityFormats1796594728942, CreateConsultationImport1796595087341];
