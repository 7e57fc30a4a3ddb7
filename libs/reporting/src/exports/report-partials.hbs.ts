/**
 * The parts every printable report shares, laid out as a Vietnamese administrative document (Decree
 * 30/2020/NĐ-CP): issuing unit and number top left, national title and dateline top right, kind and subject
 * centred, the body, then recipients left and signature right. A4 portrait with the decree's margins; Times
 * New Roman, else a serif with the Vietnamese glyphs (DejaVu Serif / Liberation Serif on Debian).
 * Registered as Handlebars partials by report-html.ts; the campaign and programme reports are built of them.
 */
export const REPORT_PARTIALS: Readonly<Record<string, string>> = {
  /** The page up to the document header; `closing` ends it. */
  opening: `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>Báo cáo kết quả nhắn tin — {{subject}}</title>
{{> styles}}
</head>
<body>
<main class="sheet">
{{> documentHeader}}`,
  styles: `<style>
  @page { size: A4 portrait; margin: 20mm 15mm 20mm 30mm; }
  body { font-family: "Times New Roman", "Liberation Serif", "DejaVu Serif", serif; font-size: 13pt; line-height: 1.35; color: #000; margin: 0; }
  .sheet { max-width: 165mm; margin: 0 auto; }
  .header { width: 100%; border-collapse: collapse; }
  .header td { vertical-align: top; text-align: center; padding: 0; font-size: 12pt; }
  .nowrap { white-space: nowrap; }
  .header .left { width: 42%; }
  .upper { text-transform: uppercase; }
  .bold { font-weight: bold; }
  .motto { font-weight: bold; text-decoration: underline; }
  .italic { font-style: italic; }
  .rule { width: 35%; margin: 2px auto 4px; border-top: 1px solid #000; }
  h1 { font-size: 14pt; text-align: center; margin: 18px 0 0; }
  .subject { text-align: center; font-weight: bold; margin: 0 0 12px; }
  p { text-align: justify; text-indent: 10mm; margin: 4px 0; }
  h2 { font-size: 13pt; margin: 10px 0 4px; }
  h3 { font-size: 13pt; font-style: italic; margin: 8px 0 4px; page-break-after: avoid; }
  table.figures { width: 100%; border-collapse: collapse; font-size: 9.5pt; line-height: 1.2; page-break-inside: auto; }
  table.figures th, table.figures td { border: 1px solid #000; padding: 1px 2px; }
  table.figures th { font-weight: bold; }
  table.figures td.number { text-align: right; white-space: nowrap; }
  table.figures td.name { white-space: nowrap; }
  table.figures tr { page-break-inside: avoid; }
  table.figures tr.totals td { font-weight: bold; }
  table.figures thead { display: table-header-group; }
  .details { page-break-before: always; }
  blockquote.sent { margin: 4px 0 4px 10mm; padding: 2px 6px; border-left: 2px solid #000; font-size: 12pt; white-space: pre-wrap; }
  svg { font-family: inherit; font-size: 9px; max-height: 60mm; }
  svg .submitted { fill: #9aa7b8; }
  svg .delivered { fill: #1f3b63; }
  .closing { width: 100%; margin-top: 18px; border-collapse: collapse; page-break-inside: avoid; }
  .closing td { vertical-align: top; padding: 0; }
  .recipients { font-size: 11pt; width: 50%; }
  .signature { text-align: center; }
  .signature .space { height: 24mm; }
</style>`,

  documentHeader: `<table class="header">
  <tr>
    <td class="left">
      <div class="upper">{{#if governingBody}}{{governingBody}}{{else}}&nbsp;{{/if}}</div>
      <div class="upper bold">{{#if issuingUnit}}{{issuingUnit}}{{else}}……………………{{/if}}</div>
      <div class="rule"></div>
      <div>Số: {{#if reportNumber}}{{reportNumber}}{{else}}……/BC-……{{/if}}</div>
    </td>
    <td>
      <div class="bold nowrap">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</div>
      <div class="motto">Độc lập - Tự do - Hạnh phúc</div>
      <div class="italic">{{dateline}}</div>
    </td>
  </tr>
</table>

<h1>BÁO CÁO</h1>
<div class="subject">Kết quả nhắn tin tuyên truyền: {{subject}}</div>

<p class="addressee">Kính gửi: {{#if addressee}}{{addressee}}{{else}}……………………………………………{{/if}}</p>`,

  /** The legal basis: the instruments, then the plan when they do not name it already. */
  legalBasis: `{{#if legalBasis}}Thực hiện {{legalBasis}}{{#if planReference}}; Kế hoạch số {{planReference}}{{/if}}, {{else}}{{#if planReference}}Thực hiện Kế hoạch số {{planReference}}, {{/if}}{{/if}}`,

  /** A figures table: `headings`, `rows` and `totals` of formatted cells (report-html.ts htmlTable). */
  figuresTable: `<table class="figures">
  <thead><tr>{{#each headings}}<th>{{this}}</th>{{/each}}</tr></thead>
  <tbody>
    {{#each rows}}<tr>{{#each this}}<td{{#if number}} class="number"{{/if}}{{#if name}} class="name"{{/if}}>{{text}}</td>{{/each}}</tr>
    {{/each}}
    <tr class="totals">{{#each totals}}<td{{#if number}} class="number"{{/if}}{{#if name}} class="name"{{/if}}>{{text}}</td>{{/each}}</tr>
  </tbody>
</table>`,

  /** What carriers reported themselves beside Loa's figures: `reported` rows and `notReported` names. */
  carrierReports: `{{#if reported}}<table class="figures">
  <thead><tr><th>Nhà mạng</th><th>Ngày báo cáo</th><th>Văn bản</th><th>Đã gửi</th><th>Thành công (nhà mạng)</th><th>Thành công (Loa)</th><th>Chênh lệch</th></tr></thead>
  <tbody>{{#each reported}}<tr><td>{{carrier}}</td><td>{{reportedOn}}</td><td>{{reference}}</td><td class="number">{{sent}}</td><td class="number">{{delivered}}</td><td class="number">{{loaDelivered}}</td><td class="number">{{difference}}</td></tr>{{/each}}</tbody>
</table>{{/if}}
{{#if notReported}}<p>Chưa báo cáo: {{notReported}}.</p>{{/if}}`,

  /** Notes, the contact officer, recipients and the signature block. */
  closing: `<h2>Ghi chú</h2>
<p>Tỷ lệ thành công = số tin gửi thành công / số tin đã gửi tới nhà mạng. Số bản tin tính cước gồm cả các bản tin gửi trùng.</p>
{{#if contactOfficer}}<p>Cán bộ đầu mối: {{contactOfficer}}{{#if contactPhone}}, điện thoại {{contactPhone}}{{/if}}.</p>{{/if}}

<table class="closing">
  <tr>
    <td class="recipients"><div class="bold italic">Nơi nhận:</div><div>- Như trên;</div>{{#each recipients}}<div>- {{this}};</div>{{/each}}<div>- Lưu: VT.</div></td>
    <td class="signature">{{#each signerTitle}}<div class="bold upper">{{this}}</div>{{/each}}{{#unless signerName}}<div class="italic">(Ký, ghi rõ họ tên, đóng dấu)</div>{{/unless}}<div class="space"></div>{{#if signerName}}<div class="bold signer">{{signerName}}</div>{{/if}}</td>
  </tr>
</table>
</main>
</body>
</html>`,
};
