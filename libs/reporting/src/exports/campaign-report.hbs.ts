/** The printable campaign report, of the shared partials (report-partials.hbs.ts). */
export const CAMPAIGN_REPORT_TEMPLATE = `{{> opening}}
<p>{{> legalBasis}}{{#if unitInSentence}}{{unitInSentence}}{{else}}đơn vị{{/if}} báo cáo kết quả nhắn tin tuyên truyền{{#if programmeName}} ({{programmeName}}){{/if}} như sau:</p>

<h2>1. Thời gian thực hiện ({{timeNote}})</h2>
<p>Thời gian gửi tin: {{period}}; trạng thái: {{state}}. Số liệu tính đến {{countedUntil}}.</p>

<h2>2. Kết quả</h2>
<p>Tổng số thuê bao: {{targeted}}; gửi thành công: {{delivered}} tin; tỷ lệ thành công: {{deliveryRate}} (trên số tin đã gửi){{#if cancelled}}; đã hủy, không gửi: {{cancelled}} tin{{/if}}.</p>
{{> figuresTable figures}}

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
{{> figuresTable atDeadline.figures}}
{{/if}}

{{#if carrierReports}}
<h2>Số liệu các nhà mạng báo cáo</h2>
{{> carrierReports carrierReports}}
{{/if}}

{{> closing}}
`;
