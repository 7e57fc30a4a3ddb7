/**
 * A programme: one plan of the officials (a Kế hoạch) with several sends ("trước, trong và sau Tết") and one
 * result report. Its campaigns say which programme they belong to.
 */
export interface Programme {
  id: number;
  name: string;
  /** The plan's number and code the report answers, as on its letter: `306/KH-UBND`. */
  planReference: string | null;
  /** The report's own number and code, its "Số:": `45/BC-CAT-PA05`. */
  reportNumber: string | null;
  /** The place on the report's dateline (`Sơn La, ngày …`); by default the short name of a one-province programme's province. */
  place: string | null;
  /** Who signs: rank and name, `Đại tá Nguyễn Văn B`. */
  signerName: string | null;
  /** The signer's title, one line each: `GIÁM ĐỐC`, or `KT. GIÁM ĐỐC` then `PHÓ GIÁM ĐỐC`. */
  signerTitle: string | null;
  /** "Nơi nhận", one recipient each: `Chủ tịch UBND tỉnh (để b/c)`. */
  recipients: string[];
  /** The body above the issuing unit on the letter's header: `ỦY BAN NHÂN DÂN TỈNH SƠN LA`. */
  governingBody: string | null;
  /** Who issues the report: `CÔNG AN TỈNH SƠN LA`. */
  issuingUnit: string;
  /** What the report is made under: `Chỉ thị số 18/CT-UBND ngày 28/11/2023; Kế hoạch số 306/KH-UBND ngày 26/12/2023`. */
  legalBasis: string | null;
  contactOfficer: string | null;
  contactPhone: string | null;
  reportDeadline: Date | null;
  /** The provinces the programme covers; its campaigns target only these. */
  provinces: string[];
  createdBy: number;
  createdAt: Date;
}

export type NewProgramme = Omit<Programme, 'id' | 'createdBy' | 'createdAt'>;
