import { type EncodingPolicy } from '@loa/sms';

export type TemplateStatus = 'draft' | 'pending' | 'approved' | 'rejected';

/** One version of a template; `familyId` groups the versions (it is the id of version 1). */
export interface Template {
  id: number;
  familyId: number;
  version: number;
  name: string;
  body: string;
  encodingPolicy: EncodingPolicy;
  maxSegments: number;
  status: TemplateStatus;
  authorId: number;
  /** The author's province scope when written (null: a national template, which every province may read and use). */
  provinces: string[] | null;
  decidedBy: number | null;
  rejectionReason: string | null;
  createdAt: Date;
  submittedAt: Date | null;
  decidedAt: Date | null;
}

export interface NewTemplate {
  name: string;
  body: string;
  encodingPolicy: EncodingPolicy;
  maxSegments: number;
  /** Editing an existing template: the new version joins this version's family. */
  previousVersionId?: number;
}
