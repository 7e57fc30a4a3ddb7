/**
 * The printable programme report (one plan, several sends, one result report), of the shared partials
 * (report-partials.hbs.ts): the campaigns side by side with their total, the distinct subscribers reached,
 * then each campaign's table per province and carrier and what its carriers reported.
 */
export const PROGRAMME_REPORT_TEMPLATE = `{{> opening}}
{{#if legalBasis}}<p>Thực hiện {{legalBasis}}, {{issuingUnit}} báo cáo kết quả thực hiện chương trình nhắn tin tuyên truyền như sau:</p>
{{else}}<p>{{issuingUnit}} báo cáo kết quả thực hiện chương trình nhắn tin tuyên truyền như sau:</p>{{/if}}

<h2>1. Thời gian thực hiện ({{timeNote}})</h2>
<p>Chương trình gồm {{campaignCount}} đợt gửi tin; thời gian gửi tin: {{period}}.{{#if reportDeadline}} Hạn báo cáo: {{reportDeadline}}.{{/if}} Số liệu tính đến {{generatedAt}}.</p>

<h2>2. Kết quả chung</h2>
<p>Tổng số lượt thuê bao: {{targeted}}; gửi thành công: {{delivered}} tin; tỷ lệ thành công: {{deliveryRate}}. Số thuê bao khác nhau đã nhận được tin: {{distinctSubscribersReached}}.</p>
{{> figuresTable summary}}

{{#each campaigns}}
<h3>2.{{number}}. Đợt gửi: {{name}}</h3>
<p>Thời gian gửi tin: {{period}}; trạng thái: {{state}}.</p>
{{> figuresTable figures}}
{{#if carrierReports}}<p>Số liệu các nhà mạng báo cáo:</p>
{{> carrierReports carrierReports}}{{/if}}
{{/each}}

{{> closing}}
`;
