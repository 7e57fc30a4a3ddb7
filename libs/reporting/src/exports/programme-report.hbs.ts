/**
 * The printable programme report (one plan, several sends, one result report), of the shared partials
 * (report-partials.hbs.ts). Page 1 is the summary: the campaigns side by side with their total and the distinct
 * subscribers reached (one A4 page even for 34 provinces). The details start a new page: each campaign's
 * text as sent, its table per province and carrier and what its carriers reported.
 */
export const PROGRAMME_REPORT_TEMPLATE = `{{> opening}}
<p>{{> legalBasis}}{{unitInSentence}} báo cáo kết quả thực hiện chương trình nhắn tin tuyên truyền như sau:</p>

<h2>1. Thời gian thực hiện ({{timeNote}})</h2>
<p>Chương trình gồm {{campaignCount}} đợt gửi tin; thời gian gửi tin: {{period}}.{{#if reportDeadline}} Hạn báo cáo: {{reportDeadline}}.{{/if}} Số liệu tính đến {{generatedAt}}.</p>

<h2>2. Kết quả chung</h2>
<p>Tổng số lượt thuê bao: {{targeted}}; gửi thành công: {{delivered}} tin; tỷ lệ thành công: {{deliveryRate}}. Số thuê bao khác nhau đã nhận được tin: {{distinctSubscribersReached}}.</p>
{{> figuresTable summary}}

<section class="details">
<h2>3. Kết quả từng đợt gửi</h2>
{{#each campaigns}}
<h3>3.{{number}}. Đợt gửi: {{name}}</h3>
<p>Thời gian gửi tin: {{period}}; trạng thái: {{state}}.</p>
{{#if sent}}<p>Nội dung tin nhắn (mẫu tin {{sent.template}}):</p>
{{#each sent.texts}}{{#if where}}<p>{{where}} ({{carriers}}):</p>{{else}}<p>Gửi qua {{carriers}}:</p>{{/if}}
<blockquote class="sent">{{text}}</blockquote>
{{/each}}{{/if}}
{{> figuresTable figures}}
{{#if carrierReports}}<p>Số liệu các nhà mạng báo cáo:</p>
{{> carrierReports carrierReports}}{{/if}}
{{/each}}
</section>

{{> closing}}
`;
