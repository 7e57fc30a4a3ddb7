/**
 * The printable campaign report, laid out as a Vietnamese administrative document (Decree 30/2020/NĐ-CP):
 * issuing unit and number top left, national title and dateline top right, kind and subject centred, the
 * body, then recipients left and signature right. A4 portrait with the decree's margins; Times New Roman,
 * else a serif with the Vietnamese glyphs (DejaVu Serif / Liberation Serif on Debian).
 */
export const CAMPAIGN_REPORT_TEMPLATE = `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>Báo cáo kết quả nhắn tin — {{subject}}</title>
<style>
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
  table.figures { width: 100%; border-collapse: collapse; font-size: 10pt; page-break-inside: auto; }
  table.figures th, table.figures td { border: 1px solid #000; padding: 2px 3px; }
  table.figures td.number { text-align: right; white-space: nowrap; }
  table.figures tr.totals td { font-weight: bold; }
  table.figures thead { display: table-header-group; }
  svg { font-family: inherit; font-size: 9px; max-height: 60mm; }
  svg .submitted { fill: #9aa7b8; }
  svg .delivered { fill: #1f3b63; }
  .closing { width: 100%; margin-top: 18px; border-collapse: collapse; page-break-inside: avoid; }
  .closing td { vertical-align: top; padding: 0; }
  .recipients { font-size: 11pt; width: 50%; }
  .signature { text-align: center; }
  .signature .space { height: 28mm; }
</style>
</head>
<body>
<main class="sheet">
<table class="header">
  <tr>
    <td class="left">
      <div class="upper">{{#if governingBody}}{{governingBody}}{{else}}&nbsp;{{/if}}</div>
      <div class="upper bold">{{#if issuingUnit}}{{issuingUnit}}{{else}}……………………{{/if}}</div>
      <div class="rule"></div>
      <div>Số: {{#if documentNumber}}{{documentNumber}}{{else}}……/BC-……{{/if}}</div>
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

<p>Kính gửi: ……………………………………………</p>
{{#if legalBasis}}<p>Thực hiện {{legalBasis}}{{#if programmeName}} ({{programmeName}}){{/if}}, {{#if issuingUnit}}{{issuingUnit}}{{else}}đơn vị{{/if}} báo cáo kết quả nhắn tin tuyên truyền như sau:</p>
{{else}}<p>{{#if issuingUnit}}{{issuingUnit}}{{else}}Đơn vị{{/if}} báo cáo kết quả nhắn tin tuyên truyền như sau:</p>{{/if}}

<h2>1. Thời gian thực hiện</h2>
<p>Gửi tin {{period}}; trạng thái: {{state}}. Số liệu tính đến {{countedUntil}}.</p>

<h2>2. Kết quả</h2>
<p>Tổng số thuê bao: {{targeted}}; gửi thành công: {{delivered}} tin; tỷ lệ thành công: {{deliveryRate}}.</p>
<table class="figures">
  <thead><tr>{{#each figures.headings}}<th>{{this}}</th>{{/each}}</tr></thead>
  <tbody>
    {{#each figures.rows}}<tr>{{#each this}}<td{{#if number}} class="number"{{/if}}>{{text}}</td>{{/each}}</tr>
    {{/each}}
    <tr class="totals">{{#each figures.totals}}<td{{#if number}} class="number"{{/if}}>{{text}}</td>{{/each}}</tr>
  </tbody>
</table>

<h2>3. Diễn biến theo {{timelineStep}}</h2>
{{{chart}}}

{{#if hasErrors}}
<h2>4. Tin không thành công theo lý do</h2>
<table class="figures">
  <thead><tr><th>Nguồn</th><th>Kết quả</th><th>Lý do</th><th>Số tin</th></tr></thead>
  <tbody>{{#each errors}}<tr><td>{{source}}</td><td>{{state}}</td><td>{{reason}}</td><td class="number">{{messages}}</td></tr>{{/each}}</tbody>
</table>
{{/if}}

{{#if atDeadline}}
<h2>Số liệu chốt tại hạn báo cáo ({{atDeadline.until}})</h2>
<p>Gửi thành công: {{atDeadline.delivered}} tin; tỷ lệ thành công: {{atDeadline.deliveryRate}}. Các báo nhận đến sau hạn không làm thay đổi số liệu này.</p>
<table class="figures">
  <thead><tr>{{#each atDeadline.figures.headings}}<th>{{this}}</th>{{/each}}</tr></thead>
  <tbody>
    {{#each atDeadline.figures.rows}}<tr>{{#each this}}<td{{#if number}} class="number"{{/if}}>{{text}}</td>{{/each}}</tr>{{/each}}
    <tr class="totals">{{#each atDeadline.figures.totals}}<td{{#if number}} class="number"{{/if}}>{{text}}</td>{{/each}}</tr>
  </tbody>
</table>
{{/if}}

{{#if carrierReports}}
<h2>Số liệu các nhà mạng báo cáo</h2>
<table class="figures">
  <thead><tr><th>Nhà mạng</th><th>Ngày báo cáo</th><th>Văn bản</th><th>Đã gửi</th><th>Thành công (nhà mạng)</th><th>Thành công (Loa)</th><th>Chênh lệch</th></tr></thead>
  <tbody>{{#each carrierReports.reported}}<tr><td>{{carrier}}</td><td>{{reportedOn}}</td><td>{{reference}}</td><td class="number">{{sent}}</td><td class="number">{{delivered}}</td><td class="number">{{loaDelivered}}</td><td class="number">{{difference}}</td></tr>{{/each}}</tbody>
</table>
{{#if carrierReports.notReported}}<p>Chưa báo cáo: {{carrierReports.notReported}}.</p>{{/if}}
{{/if}}

<h2>Ghi chú</h2>
<p>Tỷ lệ thành công = số tin gửi thành công / số tin đã gửi tới nhà mạng. Số bản tin tính cước gồm cả các bản tin gửi trùng.</p>
{{#if contactOfficer}}<p>Cán bộ đầu mối: {{contactOfficer}}{{#if contactPhone}}, điện thoại {{contactPhone}}{{/if}}.</p>{{/if}}

<table class="closing">
  <tr>
    <td class="recipients"><div class="bold italic">Nơi nhận:</div><div>- Như trên;</div><div>- Lưu: VT, PA05.</div></td>
    <td class="signature"><div class="bold">THỦ TRƯỞNG ĐƠN VỊ</div><div class="italic">(Ký, ghi rõ họ tên, đóng dấu)</div><div class="space"></div></td>
  </tr>
</table>
</main>
</body>
</html>
`;
