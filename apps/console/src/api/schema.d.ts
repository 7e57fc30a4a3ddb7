// Generated from apps/api/openapi.json by apps/console/tools/api-types.ts: do not edit. Regenerate with
// LOA_UPDATE_API_TYPES=1 npx jest apps/console/tools/api-types.spec.ts (the spec fails while this file is stale).
export interface paths {
  '/auth/login': {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get?: never;
    put?: never;
    post: operations['AuthController_login'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/me': {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get: operations['AuthController_me'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/templates/preview': {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get?: never;
    put?: never;
    post: operations['TemplatesController_preview'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/templates': {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get: operations['TemplatesController_list'];
    put?: never;
    post: operations['TemplatesController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/templates/{id}': {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get: operations['TemplatesController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/templates/{id}/submit': {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get?: never;
    put?: never;
    post: operations['TemplatesController_submit'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/templates/{id}/approve': {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get?: never;
    put?: never;
    post: operations['TemplatesController_approve'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/templates/{id}/reject': {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get?: never;
    put?: never;
    post: operations['TemplatesController_reject'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/templates/{id}/registrations': {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get: operations['TemplateRegistrationsController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/templates/{id}/registrations/{carrier}': {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get?: never;
    put?: never;
    post: operations['TemplateRegistrationsController_record'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/campaigns': {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get: operations['CampaignsController_list'];
    put?: never;
    post: operations['CampaignsController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/campaigns/{id}': {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get: operations['CampaignsController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/campaigns/{id}/plan': {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get: operations['CampaignsController_plan'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/campaigns/plan': {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get?: never;
    put?: never;
    post: operations['CampaignsController_planDraft'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/campaigns/{id}/send-limits': {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get?: never;
    put?: never;
    post: operations['CampaignsController_setSendLimits'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/campaigns/{id}/submit': {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get?: never;
    put?: never;
    post: operations['CampaignsController_submit'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/campaigns/{id}/reject': {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get?: never;
    put?: never;
    post: operations['CampaignsController_reject'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/campaigns/{id}/approve': {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get?: never;
    put?: never;
    post: operations['CampaignsController_approve'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/campaigns/{id}/pause': {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get?: never;
    put?: never;
    post: operations['CampaignsController_pause'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/campaigns/{id}/resume': {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get?: never;
    put?: never;
    post: operations['CampaignsController_resume'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/campaigns/{id}/cancel': {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get?: never;
    put?: never;
    post: operations['CampaignsController_cancel'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/test-numbers': {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get: operations['TestSendsController_list'];
    put?: never;
    post: operations['TestSendsController_register'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/campaigns/{id}/test-sends': {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get: operations['TestSendsController_ofCampaign'];
    put?: never;
    post: operations['TestSendsController_request'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/campaigns/{id}/report': {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get: operations['ReportsController_report'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/campaigns/{id}/carrier-reports': {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get?: never;
    put?: never;
    post: operations['ReportsController_recordCarrierReport'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/reports/deadlines': {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get: operations['ReportsController_deadlines'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/programmes': {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get: operations['ProgrammesController_list'];
    put?: never;
    post: operations['ProgrammesController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/programmes/{id}': {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get: operations['ProgrammesController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/programmes/{id}/report': {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get: operations['ProgrammesController_report'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/users': {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get: operations['UsersController_list'];
    put?: never;
    post: operations['UsersController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/users/{id}': {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch: operations['UsersController_update'];
    trace?: never;
  };
  '/audit': {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get: operations['AuditController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/subscribers/imports': {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get?: never;
    put?: never;
    post: operations['SubscriberImportsController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/subscribers/imports/{id}': {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get: operations['SubscriberImportsController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/subscribers/imports/{id}/rejections.csv': {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get: operations['SubscriberImportsController_rejections'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/subscribers/exclusions': {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get: operations['ExclusionsController_list'];
    put?: never;
    post: operations['ExclusionsController_add'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/subscribers/exclusions/{msisdn}': {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get?: never;
    put?: never;
    post?: never;
    delete: operations['ExclusionsController_remove'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/audiences/count': {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get: operations['AudiencesController_count'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/subscribers/{msisdn}/messages': {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get: operations['SubscriberMessagesController_lookup'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/provinces': {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get: operations['ProvincesController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/provinces/{code}': {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch: operations['ProvincesController_update'];
    trace?: never;
  };
  '/health/live': {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get: operations['HealthController_live'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/health/ready': {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get: operations['HealthController_ready'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/health/carriers': {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get: operations['HealthController_carriers'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/carriers/links': {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get: operations['CarrierLinksController_links'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/campaigns/{id}/texts': {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get: operations['CampaignTextsController_texts'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/carriers/certificates': {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get: operations['CarrierCertificatesController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export interface components {
  schemas: {
    LoginDto: { username: string; password: string };
    LoginResponseDto: {
      /** Bearer token for the Authorization header, valid 8 hours; role and scope are read on every request, a password reset or disabling ends it */
      accessToken: string;
    };
    CurrentUserDto: {
      id: number;
      username: string;
      role: 'admin' | 'drafter' | 'approver' | 'operator' | 'viewer';
      /** Province codes the user acts for; null is national */
      provinceScope: string[] | null;
    };
    PreviewTemplateDto: {
      /** Handlebars body to preview, not saved yet; or give templateId */
      body?: string;
      /** A saved template version to preview, with its own maximum of segments; or give body */
      templateId?: number;
      /** One policy; all three when absent */
      policy?: 'auto' | 'unicode' | 'ascii-fold';
      maxSegments?: number;
      /** Province codes; your whole scope when absent */
      provinces?: string[];
      carriers?: ('viettel' | 'vnpt' | 'mobifone' | 'others')[];
    };
    CreateTemplateDto: {
      name: string;
      /** Handlebars body; variables: province.name ("Tỉnh Sơn La"), province.shortName ("Sơn La"), province.unit ("tỉnh Sơn La", mid-sentence), province.hotline, province.hotlines, province.website, province.zalo, province.fanpage, province.vneid, campaign.name… A contact some province has none of is a lint error unless printed inside {{#if}} */
      body: string;
      encodingPolicy?: 'auto' | 'unicode' | 'ascii-fold';
      maxSegments?: number;
      /** Id of the version this one edits; the new version joins its family */
      previousVersionId?: number;
    };
    RejectTemplateDto: {
      /** At least 15 characters, in words, not one character repeated */
      reason: string;
    };
    RecordRegistrationDto: {
      /** submitted: the pattern (built from the approved version) was sent to the carrier; registered: the carrier registered it (give its reference); refused: it refused (give its reason) */
      state: 'submitted' | 'registered' | 'refused';
      /** The carrier's reference of the registered pattern (state registered) */
      reference?: string;
      /** The carrier's reason (state refused) */
      reason?: string;
      /** Longest value each variable's slot takes, in characters as sent (default: a little above the longest province value, e.g. province.unit 30) */
      slots?: Record<string, unknown>;
    };
    CreateCampaignDto: {
      /** Start of the daily send window, HH:MM wall clock Asia/Ho_Chi_Minh (with windowEnd; default from config: 07:00) */
      windowStart?: string;
      /** End of the send window (exclusive), HH:MM; before windowStart crosses midnight (default 21:00) */
      windowEnd?: string;
      /** Always open (an urgent warning): an override, needs overrideReason */
      windowLifted?: boolean;
      /** Ignore the daily cap per subscriber: an override, needs overrideReason */
      dailyCapLifted?: boolean;
      /** Why: required for a window opening outside the default, a lifted window or a lifted cap; kept in the audit log. At least 15 characters, in words, not one character repeated */
      overrideReason?: string;
      name: string;
      /** An approved template version */
      templateId: number;
      /** Provinces: current codes (2025 scheme), names, or former provinces by name or as "legacy:NN" (mapped to the unit they merged into) */
      provinces: string[];
      /** Default: every carrier with an account in the carriers file; one without an account is refused (400) */
      carriers?: ('viettel' | 'vnpt' | 'mobifone' | 'others')[];
      /** When sending may start (ISO 8601; without an offset it is read as Vietnam time, +07:00). Not in the past: 400 (START_IN_PAST) unless within the last 5 minutes, which counts as now */
      startAt: string;
      /** Hours the SMSC keeps trying a message */
      validityHours?: number;
      /** A submit the carrier never answered: send it again after 30 s (a duplicate is possible), or wait for its receipt, matched by number and time (unknown if none comes within the validity) */
      onAmbiguous?: 'resend' | 'await-receipt';
      /** When results are due to the officials */
      reportDeadline?: string;
      /** The programme (plan of several sends, one result report) it belongs to; its provinces must include the campaign's */
      programmeId?: number;
      priority?: number;
    };
    SendLimitsDto: {
      /** Start of the daily send window, HH:MM wall clock Asia/Ho_Chi_Minh (with windowEnd; default from config: 07:00) */
      windowStart?: string;
      /** End of the send window (exclusive), HH:MM; before windowStart crosses midnight (default 21:00) */
      windowEnd?: string;
      /** Always open (an urgent warning): an override, needs overrideReason */
      windowLifted?: boolean;
      /** Ignore the daily cap per subscriber: an override, needs overrideReason */
      dailyCapLifted?: boolean;
      /** Why: required for a window opening outside the default, a lifted window or a lifted cap; kept in the audit log. At least 15 characters, in words, not one character repeated */
      overrideReason?: string;
    };
    RejectCampaignDto: {
      /** Why, for the drafter: at least 15 characters, in words */
      reason: string;
    };
    ApproveCampaignDto: {
      /** Carriers to leave out (recorded in the audit log): a carrier that demands registered templates and where the text is not registered (or a value overflows its slot) is refused (409) unless left out */
      excludeCarriers?: ('viettel' | 'vnpt' | 'mobifone' | 'others')[];
      /** Approve although the plan says the campaign misses its report deadline (recorded in the audit log) */
      acknowledgeDeadlineMiss?: boolean;
      /** Why, when acknowledging a deadline miss: at least 15 characters, in words, not one character repeated */
      reason?: string;
    };
    RegisterTestNumberDto: {
      /** The phone number (0912345678, 84912345678, +84 912 345 678…) */
      msisdn: string;
      /** The user whose test number it is */
      userId: number;
      /** Default: from the number prefix (give it for a ported number) */
      carrier?: 'viettel' | 'vnpt' | 'mobifone' | 'others';
    };
    RequestTestSendsDto: {
      /** Registered test numbers; at most 10 per campaign in all */
      msisdns: string[];
      /** Province codes of the campaign whose text to send (default: all the campaign's) */
      provinces?: string[];
    };
    CarrierReportDto: {
      carrier: 'viettel' | 'vnpt' | 'mobifone' | 'others';
      /** Subscribers the carrier says it targeted */
      targeted: number;
      /** Messages the carrier says it sent */
      sent: number;
      /** Messages the carrier says were delivered */
      delivered: number;
      /** Date of the carrier's report (YYYY-MM-DD) */
      reportedOn: string;
      /** Number and code of the carrier's letter */
      reference?: string;
    };
    DeadlineResumeDto: {
      /** When the last message would go; null when the plan cannot say (beyond 60 days) */
      estimatedFinishAt: string | null;
      /** Whether that is by the report deadline; null when the plan cannot say */
      finishesInTime: boolean | null;
    };
    DeadlineEntryDto: {
      kind: 'campaign' | 'programme';
      id: number;
      name: string;
      reportDeadline: string;
      /** A campaign's state code; a programme's `empty`, `in_progress` or `completed` */
      state: string;
      /** The state in Vietnamese */
      stateLabel: string;
      /** Delivered over submitted, a fraction (0.974 is 97.4 %); null before anything is submitted */
      deliveryRate: number | null;
      targeted: number;
      delivered: number;
      /** Whether sending ends by the deadline: a completed campaign by when it completed, a cancelled one never, others by their plan; null when the plan cannot say, and while paused (see ifResumedNow) */
      finishesInTime: boolean | null;
      /** The campaign (a programme: one of its campaigns) is paused: nothing is sent, so no finish is claimed */
      paused: boolean;
      /** While paused: the finish were it resumed now (it moves with the clock); null otherwise */
      ifResumedNow: components['schemas']['DeadlineResumeDto'] | null;
    };
    CreateProgrammeDto: {
      name: string;
      /** The plan's number and code the report answers (Kế hoạch số …) */
      planReference?: string;
      /** Deprecated: the plan reference under its old name; send planReference */
      documentNumber?: string;
      /** The report's own number and code, its "Số:" */
      reportNumber?: string;
      /** The place on the report's dateline; default: the province's short name when the programme has one province */
      place?: string;
      /** The signer's rank and name */
      signerName?: string;
      /** The signer's title, a line each (on someone's behalf: `KT. GIÁM ĐỐC` then `PHÓ GIÁM ĐỐC`) */
      signerTitle?: string;
      /** Nơi nhận: one recipient each ("Như trên" and the archive line are added) */
      recipients?: string[];
      /** The body above the issuing unit on the header */
      governingBody?: string;
      issuingUnit: string;
      legalBasis?: string;
      contactOfficer?: string;
      contactPhone?: string;
      /** When the consolidated report is due (ISO 8601; without an offset it is read as Vietnam time, +07:00) */
      reportDeadline?: string;
      /** Provinces the programme covers (codes or names) */
      provinces: string[];
    };
    CreateUserDto: {
      username: string;
      /** At least 10 characters, not containing the username, and hard to guess (zxcvbn score 3 or more with its common-password and English dictionaries); a refusal is a 400 whose details.rule is PASSWORD_TOO_SHORT, PASSWORD_CONTAINS_USERNAME or PASSWORD_TOO_GUESSABLE */
      password: string;
      role: 'admin' | 'drafter' | 'approver' | 'operator' | 'viewer';
      /** Province codes; null or absent: national */
      provinces?: string[] | null;
    };
    UpdateUserDto: {
      role?: 'admin' | 'drafter' | 'approver' | 'operator' | 'viewer';
      /** Province codes, or null for national */
      provinces?: string[] | null;
      /** A new password (older tokens stop working). At least 10 characters, not containing the username, and hard to guess (zxcvbn score 3 or more with its common-password and English dictionaries); a refusal is a 400 whose details.rule is PASSWORD_TOO_SHORT, PASSWORD_CONTAINS_USERNAME or PASSWORD_TOO_GUESSABLE */
      password?: string;
      /** true: the user can no longer log in, and their tokens stop at once */
      disabled?: boolean;
    };
    AddExclusionsDto: {
      /** Numbers in any accepted form (0912345678, +84 912 345 678, 84912345678…) */
      msisdns: string[];
      reason?: string;
    };
    SubscriberMessageDto: {
      campaignId: number;
      campaignName: string;
      provinceCode: string;
      carrier: string;
      /** The message state (queued, submitted, delivered, undeliverable, cancelled…) */
      state: string;
      /** The text it carried */
      text: string;
      /** When it went to the carrier */
      sentAt: string | null;
      /** When it reached its final state */
      finishedAt: string | null;
      /** The carrier's receipt */
      receipt: string | null;
    };
    SubscriberMessagesDto: { msisdn: string; messages: components['schemas']['SubscriberMessageDto'][] };
    ProvinceDto: {
      code: string;
      name: string;
      shortName: string;
      slug: string;
      kind: 'city' | 'province';
      policeHotlines: string[];
      website: string | null;
      /** Zalo Official Account of the police, as printed */
      zalo: string | null;
      /** Facebook fanpage of the police, as printed */
      fanpage: string | null;
      /** Where to find VNeID's "Cảnh báo thủ đoạn tội phạm", as printed */
      vneid: string | null;
    };
    ProvinceMatchDto: {
      province: components['schemas']['ProvinceDto'];
      /** The legacy (pre-2025) unit the query named */
      mappedFrom?: Record<string, unknown>;
    };
    UpdateProvinceDto: {
      /** Police hotlines as printed in messages (digits, dots, spaces) */
      policeHotlines?: string[];
      /** https URL of the police website; null clears it */
      website?: string | null;
      /** Zalo OA link (zalo.me/…); null clears it */
      zalo?: string | null;
      /** Facebook fanpage link; null clears it */
      fanpage?: string | null;
      /** How the message points to VNeID's "Cảnh báo thủ đoạn tội phạm" (words or a vneid.gov.vn link); null clears it */
      vneid?: string | null;
    };
    CampaignTextDto: {
      provinceCode: string;
      /** The text exactly as it goes to the carriers */
      text: string;
      encoding: 'gsm7' | 'ucs2';
      /** The most parts any carrier of the campaign takes */
      segments: number;
      /** Each carrier's own count of parts */
      carrierSegments: Record<string, unknown>;
    };
    BrandnameCertificateDto: {
      number: string;
      /** First day it is valid (Viet Nam), YYYY-MM-DD */
      validFrom: string;
      /** Last day it is valid (Viet Nam), YYYY-MM-DD, included */
      validTo: string;
    };
    CarrierCertificateDto: {
      carrier: string;
      /** The brandname ("tên định danh") messages go out under */
      brandname: string;
      /** null: the carriers file has no certificate for this account */
      certificate: components['schemas']['BrandnameCertificateDto'] | null;
      /** expiring: 30 days or fewer left (the dashboard warns); lapsed: past validTo, the plan and the approval refuse the carrier; unknown: no certificate on record */
      state: 'valid' | 'expiring' | 'lapsed' | 'not_yet_valid' | 'unknown';
      /** Days from today (Viet Nam) to validTo: 0 on its last day, negative once lapsed */
      daysLeft: number | null;
      /** The first instant it no longer covers: 24:00 of validTo, Viet Nam time */
      lapsesAt: string | null;
    };
    Error: {
      statusCode: number;
      error: 'INVALID' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'TOO_MANY_REQUESTS' | 'UNAVAILABLE' | 'INTERNAL';
      /** What went wrong and what to fix; safe to show to the user */
      message: string;
      /** Structured findings when there are some (fields, lines, provinces…) */
      details?: unknown;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export interface operations {
  AuthController_login: {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    requestBody: { content: { 'application/json': components['schemas']['LoginDto'] } };
    responses: {
      200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['LoginResponseDto'] } };
      400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      401: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      409: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      503: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
    };
  };
  AuthController_me: {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['CurrentUserDto'] } };
      401: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      403: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      503: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
    };
  };
  TemplatesController_preview: {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    requestBody: { content: { 'application/json': components['schemas']['PreviewTemplateDto'] } };
    responses: {
      200: { headers: { [name: string]: unknown }; content?: never };
      400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      401: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      403: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      409: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      503: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
    };
  };
  TemplatesController_list: {
    parameters: { query?: { limit?: number; offset?: number }; header?: never; path?: never; cookie?: never };
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content?: never };
      400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      401: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      403: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      503: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
    };
  };
  TemplatesController_create: {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    requestBody: { content: { 'application/json': components['schemas']['CreateTemplateDto'] } };
    responses: {
      201: { headers: { [name: string]: unknown }; content?: never };
      400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      401: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      403: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      409: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      503: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
    };
  };
  TemplatesController_get: {
    parameters: { query?: never; header?: never; path: { id: number }; cookie?: never };
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content?: never };
      400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      401: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      403: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      503: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
    };
  };
  TemplatesController_submit: {
    parameters: { query?: never; header?: never; path: { id: number }; cookie?: never };
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content?: never };
      400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      401: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      403: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      409: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      503: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
    };
  };
  TemplatesController_approve: {
    parameters: { query?: never; header?: never; path: { id: number }; cookie?: never };
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content?: never };
      400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      401: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      403: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      409: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      503: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
    };
  };
  TemplatesController_reject: {
    parameters: { query?: never; header?: never; path: { id: number }; cookie?: never };
    requestBody: { content: { 'application/json': components['schemas']['RejectTemplateDto'] } };
    responses: {
      200: { headers: { [name: string]: unknown }; content?: never };
      400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      401: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      403: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      409: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      503: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
    };
  };
  TemplateRegistrationsController_list: {
    parameters: {
      query?: { locale?: 'en' | 'vi'; format?: 'json' | 'csv' | 'xlsx'; carrier?: 'viettel' | 'vnpt' | 'mobifone' | 'others' };
      header?: never;
      path: { id: number };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content?: never };
      400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      401: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      403: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      503: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
    };
  };
  TemplateRegistrationsController_record: {
    parameters: { query?: never; header?: never; path: { id: number; carrier: string }; cookie?: never };
    requestBody: { content: { 'application/json': components['schemas']['RecordRegistrationDto'] } };
    responses: {
      201: { headers: { [name: string]: unknown }; content?: never };
      400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      401: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      403: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      409: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      503: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
    };
  };
  CampaignsController_list: {
    parameters: {
      query?: {
        limit?: number;
        offset?: number;
        state?: 'draft' | 'pending_approval' | 'scheduled' | 'running' | 'paused' | 'completed' | 'cancelled';
        province?: string;
        from?: string;
        to?: string;
        q?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content?: never };
      400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      401: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      403: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      503: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
    };
  };
  CampaignsController_create: {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    requestBody: { content: { 'application/json': components['schemas']['CreateCampaignDto'] } };
    responses: {
      201: { headers: { [name: string]: unknown }; content?: never };
      400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      401: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      403: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      409: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      503: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
    };
  };
  CampaignsController_get: {
    parameters: { query?: never; header?: never; path: { id: number }; cookie?: never };
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content?: never };
      400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      401: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      403: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      503: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
    };
  };
  CampaignsController_plan: {
    parameters: { query?: never; header?: never; path: { id: number }; cookie?: never };
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content?: never };
      400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      401: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      403: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      503: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
    };
  };
  CampaignsController_planDraft: {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    requestBody: { content: { 'application/json': components['schemas']['CreateCampaignDto'] } };
    responses: {
      200: { headers: { [name: string]: unknown }; content?: never };
      400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      401: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      403: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      409: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      503: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
    };
  };
  CampaignsController_setSendLimits: {
    parameters: { query?: never; header?: never; path: { id: number }; cookie?: never };
    requestBody: { content: { 'application/json': components['schemas']['SendLimitsDto'] } };
    responses: {
      200: { headers: { [name: string]: unknown }; content?: never };
      400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      401: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      403: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      409: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      503: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
    };
  };
  CampaignsController_submit: {
    parameters: { query?: never; header?: never; path: { id: number }; cookie?: never };
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content?: never };
      400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      401: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      403: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      409: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      503: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
    };
  };
  CampaignsController_reject: {
    parameters: { query?: never; header?: never; path: { id: number }; cookie?: never };
    requestBody: { content: { 'application/json': components['schemas']['RejectCampaignDto'] } };
    responses: {
      200: { headers: { [name: string]: unknown }; content?: never };
      400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      401: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      403: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      409: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      503: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
    };
  };
  CampaignsController_approve: {
    parameters: { query?: never; header?: never; path: { id: number }; cookie?: never };
    requestBody: { content: { 'application/json': components['schemas']['ApproveCampaignDto'] } };
    responses: {
      200: { headers: { [name: string]: unknown }; content?: never };
      400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      401: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      403: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      409: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      503: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
    };
  };
  CampaignsController_pause: {
    parameters: { query?: never; header?: never; path: { id: number }; cookie?: never };
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content?: never };
      400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      401: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      403: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      409: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      503: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
    };
  };
  CampaignsController_resume: {
    parameters: { query?: never; header?: never; path: { id: number }; cookie?: never };
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content?: never };
      400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      401: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      403: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      409: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      503: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
    };
  };
  CampaignsController_cancel: {
    parameters: { query?: never; header?: never; path: { id: number }; cookie?: never };
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content?: never };
      400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      401: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      403: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      409: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      503: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
    };
  };
  TestSendsController_list: {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content?: never };
      401: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      403: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      503: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
    };
  };
  TestSendsController_register: {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    requestBody: { content: { 'application/json': components['schemas']['RegisterTestNumberDto'] } };
    responses: {
      201: { headers: { [name: string]: unknown }; content?: never };
      400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      401: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      403: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      409: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      503: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
    };
  };
  TestSendsController_ofCampaign: {
    parameters: { query?: never; header?: never; path: { id: number }; cookie?: never };
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content?: never };
      400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      401: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      403: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      503: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
    };
  };
  TestSendsController_request: {
    parameters: { query?: never; header?: never; path: { id: number }; cookie?: never };
    requestBody: { content: { 'application/json': components['schemas']['RequestTestSendsDto'] } };
    responses: {
      201: { headers: { [name: string]: unknown }; content?: never };
      400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      401: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      403: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      409: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      429: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      503: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
    };
  };
  ReportsController_report: {
    parameters: {
      query?: { locale?: 'en' | 'vi'; format?: 'json' | 'csv' | 'xlsx' | 'html'; asOf?: string };
      header?: never;
      path: { id: number };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content?: never };
      400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      401: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      403: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      503: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
    };
  };
  ReportsController_recordCarrierReport: {
    parameters: { query?: never; header?: never; path: { id: number }; cookie?: never };
    requestBody: { content: { 'application/json': components['schemas']['CarrierReportDto'] } };
    responses: {
      201: { headers: { [name: string]: unknown }; content?: never };
      400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      401: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      403: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      409: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      503: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
    };
  };
  ReportsController_deadlines: {
    parameters: { query?: { days?: number }; header?: never; path?: never; cookie?: never };
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['DeadlineEntryDto'][] } };
      400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      401: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      403: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      503: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
    };
  };
  ProgrammesController_list: {
    parameters: { query?: { limit?: number; offset?: number }; header?: never; path?: never; cookie?: never };
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content?: never };
      400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      401: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      403: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      503: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
    };
  };
  ProgrammesController_create: {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    requestBody: { content: { 'application/json': components['schemas']['CreateProgrammeDto'] } };
    responses: {
      201: { headers: { [name: string]: unknown }; content?: never };
      400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      401: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      403: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      409: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      503: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
    };
  };
  ProgrammesController_get: {
    parameters: { query?: never; header?: never; path: { id: number }; cookie?: never };
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content?: never };
      400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      401: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      403: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      503: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
    };
  };
  ProgrammesController_report: {
    parameters: { query?: { locale?: 'en' | 'vi'; format?: 'json' | 'csv' | 'xlsx' | 'html' }; header?: never; path: { id: number }; cookie?: never };
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content?: never };
      400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      401: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      403: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      503: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
    };
  };
  UsersController_list: {
    parameters: {
      query?: {
        limit?: number;
        offset?: number;
        q?: string;
        role?: 'admin' | 'drafter' | 'approver' | 'operator' | 'viewer';
        province?: string;
        status?: 'active' | 'disabled';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content?: never };
      400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      401: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      403: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      503: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
    };
  };
  UsersController_create: {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    requestBody: { content: { 'application/json': components['schemas']['CreateUserDto'] } };
    responses: {
      201: { headers: { [name: string]: unknown }; content?: never };
      400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      401: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      403: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      409: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      503: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
    };
  };
  UsersController_update: {
    parameters: { query?: never; header?: never; path: { id: number }; cookie?: never };
    requestBody: { content: { 'application/json': components['schemas']['UpdateUserDto'] } };
    responses: {
      200: { headers: { [name: string]: unknown }; content?: never };
      400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      401: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      403: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      409: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      503: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
    };
  };
  AuditController_list: {
    parameters: {
      query?: {
        limit?: number;
        offset?: number;
        format?: 'json' | 'csv';
        action?: string;
        objectType?: string;
        objectId?: string;
        user?: string;
        from?: string;
        to?: string;
        locale?: 'en' | 'vi';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content?: never };
      400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      401: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      403: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      503: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
    };
  };
  SubscriberImportsController_create: {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    requestBody: { content: { 'text/csv': string } };
    responses: {
      201: { headers: { [name: string]: unknown }; content?: never };
      400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      401: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      403: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      409: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      503: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
    };
  };
  SubscriberImportsController_get: {
    parameters: { query?: never; header?: never; path: { id: number }; cookie?: never };
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content?: never };
      400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      401: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      403: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      503: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
    };
  };
  SubscriberImportsController_rejections: {
    parameters: { query?: never; header?: never; path: { id: number }; cookie?: never };
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content?: never };
      400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      401: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      403: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      503: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
    };
  };
  ExclusionsController_list: {
    parameters: { query?: { limit?: number; offset?: number }; header?: never; path?: never; cookie?: never };
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content?: never };
      400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      401: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      403: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      503: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
    };
  };
  ExclusionsController_add: {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    requestBody: { content: { 'application/json': components['schemas']['AddExclusionsDto'] } };
    responses: {
      201: { headers: { [name: string]: unknown }; content?: never };
      400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      401: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      403: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      409: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      503: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
    };
  };
  ExclusionsController_remove: {
    parameters: { query?: never; header?: never; path: { msisdn: string }; cookie?: never };
    requestBody?: never;
    responses: {
      204: { headers: { [name: string]: unknown }; content?: never };
      400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      401: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      403: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      409: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      503: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
    };
  };
  AudiencesController_count: {
    parameters: { query?: { provinces?: string[]; carriers?: string[] }; header?: never; path?: never; cookie?: never };
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content?: never };
      400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      401: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      403: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      503: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
    };
  };
  SubscriberMessagesController_lookup: {
    parameters: { query?: never; header?: never; path: { msisdn: string }; cookie?: never };
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['SubscriberMessagesDto'] } };
      400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      401: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      403: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      503: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
    };
  };
  ProvincesController_list: {
    parameters: { query?: { q?: string }; header?: never; path?: never; cookie?: never };
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['ProvinceMatchDto'][] } };
      400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      401: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      403: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      503: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
    };
  };
  ProvincesController_update: {
    parameters: { query?: never; header?: never; path: { code: string }; cookie?: never };
    requestBody: { content: { 'application/json': components['schemas']['UpdateProvinceDto'] } };
    responses: {
      200: { headers: { [name: string]: unknown }; content?: never };
      400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      401: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      403: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      409: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      503: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
    };
  };
  HealthController_live: {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    requestBody?: never;
    responses: { 200: { headers: { [name: string]: unknown }; content?: never } };
  };
  HealthController_ready: {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    requestBody?: never;
    responses: { 503: { headers: { [name: string]: unknown }; content?: never } };
  };
  HealthController_carriers: {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    requestBody?: never;
    responses: { 503: { headers: { [name: string]: unknown }; content?: never } };
  };
  CarrierLinksController_links: {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content?: never };
      401: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      403: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      503: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
    };
  };
  CampaignTextsController_texts: {
    parameters: { query?: never; header?: never; path: { id: number }; cookie?: never };
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['CampaignTextDto'][] } };
      400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      401: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      403: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      404: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      503: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
    };
  };
  CarrierCertificatesController_list: {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['CarrierCertificateDto'][] } };
      401: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      403: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
      503: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Error'] } };
    };
  };
}
