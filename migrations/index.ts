import { InitialSchema1764000000000 } from './1764000000000-initial-schema';
import { SubscriberImports1764000001000 } from './1764000001000-subscriber-imports';
import { ReceiptMatching1764000002000 } from './1764000002000-receipt-matching';
import { CarrierLinkStatus1764000003000 } from './1764000003000-carrier-link-status';
import { SubscriberProvinceCheck1764000004000 } from './1764000004000-subscriber-province-check';
import { DuplicateSends1764000005000 } from './1764000005000-duplicate-sends';
import { MessageParts1764000006000 } from './1764000006000-message-parts';
import { SendWindows1764000007000 } from './1764000007000-send-windows';
import { CampaignProgress1764000008000 } from './1764000008000-campaign-progress';
import { ProvinceContactsCarrierSegments1764000009000 } from './1764000009000-province-contacts-carrier-segments';
import { Reports1764000010000 } from './1764000010000-reports';
import { Access1764000011000 } from './1764000011000-access';
import { LinkDetails1764000012000 } from './1764000012000-link-details';
import { TestSendLeases1764000013000 } from './1764000013000-test-send-leases';
import { ReceiptErrorsOfParts1764000020000 } from './1764000020000-receipt-errors-of-parts';
import { BucketTimes1764000021000 } from './1764000021000-bucket-times';
import { DispatchWakeups1764000022000 } from './1764000022000-dispatch-wakeups';
import { AuditClientIdsTestSendLimits1764000023000 } from './1764000023000-audit-client-ids-test-send-limits';
import { CancelledMessages1764000024000 } from './1764000024000-cancelled-messages';
import { ImportSeparator1764000025000 } from './1764000025000-import-separator';
import { TemplateRegistrations1764000027000 } from './1764000027000-template-registrations';
import { ProgrammeReportDocument1764000029000 } from './1764000029000-programme-report-document';

/** Every migration in order; listed explicitly so they run the same from TypeScript (tests) and dist/. */
export const migrations = [
  InitialSchema1764000000000,
  SubscriberImports1764000001000,
  ReceiptMatching1764000002000,
  CarrierLinkStatus1764000003000,
  SubscriberProvinceCheck1764000004000,
  DuplicateSends1764000005000,
  MessageParts1764000006000,
  SendWindows1764000007000,
  CampaignProgress1764000008000,
  ProvinceContactsCarrierSegments1764000009000,
  Reports1764000010000,
  Access1764000011000,
  LinkDetails1764000012000,
  TestSendLeases1764000013000,
  ReceiptErrorsOfParts1764000020000,
  BucketTimes1764000021000,
  DispatchWakeups1764000022000,
  AuditClientIdsTestSendLimits1764000023000,
  CancelledMessages1764000024000,
  ImportSeparator1764000025000,
  TemplateRegistrations1764000027000,
  ProgrammeReportDocument1764000029000,
];
