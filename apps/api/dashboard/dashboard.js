// Loa dashboard: plain JavaScript over the admin API, with the bearer token from POST /auth/login.
// Every figure comes from the API, so roles and province scope hold exactly as for any other client.
'use strict';

(function () {
  const POLL_MS = Number(new URLSearchParams(location.search).get('poll')) || 2000;
  const TOKEN_KEY = 'loa.token';

  const STATES = {
    draft: 'Bản nháp',
    pending_approval: 'Chờ duyệt',
    scheduled: 'Đã lên lịch',
    running: 'Đang gửi',
    paused: 'Tạm dừng',
    completed: 'Hoàn thành',
    cancelled: 'Đã hủy',
  };
  const ROLES = { admin: 'Quản trị', drafter: 'Cán bộ soạn thảo', approver: 'Lãnh đạo duyệt', operator: 'Trực ban', viewer: 'Cán bộ theo dõi' };
  const CARRIERS = { viettel: 'Viettel', vnpt: 'VNPT (VinaPhone)', mobifone: 'MobiFone', others: 'Mạng khác' };
  const ACTIONS = {
    pause: { label: 'Tạm dừng', roles: ['operator', 'admin'], states: ['running'] },
    resume: { label: 'Tiếp tục', roles: ['operator', 'admin'], states: ['paused'] },
    cancel: {
      label: 'Hủy',
      roles: ['operator', 'admin'],
      states: ['scheduled', 'running', 'paused'],
      confirm: 'Hủy chiến dịch này? Tin chưa gửi sẽ không được gửi.',
    },
    approve: { label: 'Duyệt', roles: ['approver', 'admin'], states: ['pending_approval'] },
  };
  const FINAL_CAMPAIGN_STATES = ['completed', 'cancelled'];
  const number = new Intl.NumberFormat('vi-VN');
  const dateTime = new Intl.DateTimeFormat('vi-VN', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Asia/Ho_Chi_Minh' });
  const clockTime = new Intl.DateTimeFormat('vi-VN', { timeStyle: 'medium', timeZone: 'Asia/Ho_Chi_Minh' });

  const view = {
    token: sessionStorage.getItem(TOKEN_KEY),
    user: null,
    provinces: {},
    campaigns: [],
    reports: {},
    selected: null,
    /** The selected campaign's planner estimate (GET /campaigns/:id): the list endpoint has none. */
    estimate: null,
    rateSamples: {},
    timer: null,
  };

  const $ = (id) => document.getElementById(id);

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attributes || {})) {
      if (key === 'class') node.className = value;
      else if (key.startsWith('data-')) node.setAttribute(key, value);
      else node[key] = value;
    }
    for (const child of children) if (child !== null && child !== undefined) node.append(child);
    return node;
  }

  class HttpError extends Error {
    constructor(status, message) {
      super(message);
      this.status = status;
    }
  }

  async function api(path, options = {}) {
    const response = await fetch(path, {
      ...options,
      headers: { ...(options.body ? { 'content-type': 'application/json' } : {}), authorization: `Bearer ${view.token}`, ...(options.headers || {}) },
    });
    if (response.status === 401) {
      logout();
      throw new HttpError(401, 'Phiên đăng nhập đã hết hạn, vui lòng đăng nhập lại.');
    }
    if (!response.ok) {
      const body = await response.json().catch(() => ({}));
      throw new HttpError(response.status, body.message || `HTTP ${response.status}`);
    }
    return options.raw ? response : response.json();
  }

  // ---- login ---------------------------------------------------------------------------------------

  async function login(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    $('login-error').textContent = '';
    const response = await fetch('/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: form.get('username'), password: form.get('password') }),
    });
    if (!response.ok) {
      $('login-error').textContent = response.status === 401 ? 'Sai tên đăng nhập hoặc mật khẩu.' : 'Không đăng nhập được, vui lòng thử lại.';
      return;
    }
    view.token = (await response.json()).accessToken;
    sessionStorage.setItem(TOKEN_KEY, view.token);
    start();
  }

  function logout() {
    clearTimeout(view.timer);
    sessionStorage.removeItem(TOKEN_KEY);
    Object.assign(view, { token: null, user: null, campaigns: [], reports: {}, selected: null, estimate: null });
    $('app-view').hidden = true;
    $('who').hidden = true;
    $('login-view').hidden = false;
  }

  async function start() {
    // Role and scope as the API reads them now (the token carries neither): for what to show; the API decides what is allowed.
    view.user = await api('/auth/me');
    const scope = view.user.provinceScope ? `${view.user.provinceScope.length} tỉnh` : 'toàn quốc';
    $('who-name').textContent = `${view.user.username} — ${ROLES[view.user.role] || view.user.role}, ${scope}`;
    $('login-view').hidden = true;
    $('who').hidden = false;
    $('app-view').hidden = false;
    try {
      const provinces = await api('/provinces');
      view.provinces = Object.fromEntries(provinces.map((entry) => [entry.province.code, entry.province.name]));
    } catch (error) {
      notice(error);
    }
    await refresh();
  }

  // ---- polling -------------------------------------------------------------------------------------

  async function refresh() {
    clearTimeout(view.timer);
    if (!view.token) return;
    try {
      await Promise.all([refreshCampaigns(), refreshCarriers(), refreshDeadlines()]);
      if (view.selected) await refreshDetail();
      notice(null);
    } catch (error) {
      notice(error);
    }
    if (view.token) view.timer = setTimeout(refresh, POLL_MS);
  }

  function notice(error) {
    $('notice').textContent = error ? `Không cập nhật được: ${error.message}` : '';
  }

  async function refreshCampaigns() {
    view.campaigns = await api('/campaigns?limit=100');
    // Reports of campaigns still moving are read again on every poll; a finished one's once.
    await Promise.all(
      view.campaigns
        .filter((campaign) => !['draft', 'pending_approval'].includes(campaign.state))
        .filter((campaign) => !(FINAL_CAMPAIGN_STATES.includes(campaign.state) && view.reports[campaign.id]?.state === campaign.state))
        .map(async (campaign) => (view.reports[campaign.id] = await api(`/campaigns/${campaign.id}/report`))),
    );
    renderCampaigns();
  }

  function renderCampaigns() {
    const body = $('campaigns').tBodies[0];
    body.replaceChildren(...view.campaigns.map(campaignRow));
    $('campaigns-empty').hidden = view.campaigns.length > 0;
  }

  function campaignRow(campaign) {
    const report = view.reports[campaign.id];
    const row = el(
      'tr',
      { class: `selectable${view.selected === campaign.id ? ' selected' : ''}`, 'data-campaign': String(campaign.id) },
      el('td', {}, el('strong', {}, campaign.name), el('div', { class: 'muted' }, `#${campaign.id} · bắt đầu ${formatTime(campaign.startAt)}`)),
      el('td', {}, stateBadge(campaign.state)),
      el('td', {}, campaign.provinces.map((code) => view.provinces[code] || code).join(', ')),
      el('td', { class: 'campaign-progress' }, report ? progress(report.totals) : el('span', { class: 'muted' }, '—')),
      el('td', {}, estimatedFinish(campaign)),
      el('td', { class: 'actions' }, ...actionButtons(campaign)),
    );
    row.addEventListener('click', (event) => {
      if (event.target.closest('button')) return;
      if (view.selected !== campaign.id) view.estimate = null;
      view.selected = campaign.id;
      renderCampaigns();
      refreshDetail().catch(notice);
    });
    return row;
  }

  /** The planner's estimated finish, for the selected campaign only (GET /campaigns/:id has it, the list has not). */
  function estimatedFinish(campaign) {
    if (campaign.id !== view.selected || !view.estimate?.estimatedFinishAt) return el('span', { class: 'muted' }, '—');
    return el('span', { 'data-estimated-finish': view.estimate.estimatedFinishAt }, formatTime(view.estimate.estimatedFinishAt));
  }

  /** The estimate in words: when sending should end and whether it ends by the report deadline. */
  function estimateSummary(estimate) {
    if (!estimate) return el('span', { class: 'muted' }, 'Không có ước tính (chiến dịch chưa lên lịch hoặc đã kết thúc).');
    // Paused: nothing goes out, so no finish time; what a resume now would give is said as such.
    if (estimate.paused) {
      const resumed = estimate.ifResumedNow?.estimatedFinishAt;
      const ifResumed = resumed ? ` Nếu tiếp tục ngay: dự kiến gửi xong lúc ${formatTime(resumed)}.` : '';
      return el('span', { 'data-estimated-finish': '', 'data-paused': 'true' }, `Đang tạm dừng: không gửi tin, chưa có thời điểm gửi xong.${ifResumed}`);
    }
    const finish = estimate.estimatedFinishAt
      ? `Dự kiến gửi xong lúc ${formatTime(estimate.estimatedFinishAt)}`
      : 'Không ước tính được thời điểm gửi xong (quá 60 ngày)';
    const deadline =
      estimate.meetsDeadline === true
        ? ' · kịp hạn báo cáo'
        : estimate.meetsDeadline === false
          ? ` · không kịp hạn báo cáo: ${number.format(estimate.unsentAtDeadline)} tin chưa gửi khi đến hạn`
          : '';
    return el('span', { 'data-estimated-finish': estimate.estimatedFinishAt || '' }, `${finish}${deadline}.`);
  }

  function actionButtons(campaign) {
    return Object.entries(ACTIONS)
      .filter(([, action]) => action.roles.includes(view.user.role) && action.states.includes(campaign.state))
      .map(([name, action]) => {
        const button = el('button', { type: 'button', 'data-action': name, textContent: action.label });
        button.addEventListener('click', () => act(campaign, name, action, button));
        return button;
      });
  }

  async function act(campaign, name, action, button) {
    if (action.confirm && !window.confirm(action.confirm)) return;
    button.disabled = true;
    try {
      await api(`/campaigns/${campaign.id}/${name}`, { method: 'POST', body: '{}' });
      await refresh();
    } catch (error) {
      notice(error);
      button.disabled = false;
    }
  }

  function stateBadge(state) {
    return el('span', { class: `state state-${state}`, 'data-state': state }, STATES[state] || state);
  }

  function progress(counts) {
    const targeted = counts.targeted || 0;
    const percent = (value) => (targeted === 0 ? 0 : Math.min(100, (100 * value) / targeted));
    const bar = el('div', { class: 'progress' });
    const done = el('span', { class: 'done' });
    done.style.width = `${percent(counts.delivered)}%`;
    const failed = el('span', { class: 'failed' });
    failed.style.left = `${percent(counts.delivered)}%`;
    failed.style.width = `${percent(counts.failed)}%`;
    // Never sent, the campaign cancelled first: neither sent nor failed, shown apart.
    const cancelled = counts.cancelled || 0;
    const dropped = el('span', { class: 'cancelled' });
    dropped.style.left = `${percent(counts.delivered + counts.failed)}%`;
    dropped.style.width = `${percent(cancelled)}%`;
    bar.append(done, failed, dropped);
    const ended = counts.delivered + counts.failed + cancelled;
    const sent = counts.submitted || 0;
    const label =
      `đã gửi ${number.format(sent)} / ${number.format(targeted)} tin (${percent(sent).toFixed(1)}%) · đã nhận ${number.format(counts.delivered)}` +
      (cancelled > 0 ? ` · đã hủy, không gửi ${number.format(cancelled)}` : '');
    return el(
      'div',
      { 'data-ended': String(ended), 'data-sent': String(sent), 'data-cancelled': String(cancelled), 'data-targeted': String(targeted) },
      bar,
      el('div', { class: 'progress-label' }, label),
    );
  }

  // ---- carriers ------------------------------------------------------------------------------------

  async function refreshCarriers() {
    const links = await api('/carriers/links');
    const now = Date.now();
    $('carriers').tBodies[0].replaceChildren(...links.map((link) => carrierRow(link, rate(link, now))));
    $('carriers-empty').hidden = links.length > 0;
  }

  /** Submits per second over the last 5–15 s of polls (dispatchers report every few seconds). */
  function rate(link, now) {
    const samples = (view.rateSamples[link.carrier] = (view.rateSamples[link.carrier] || []).filter((sample) => now - sample.at <= 15_000));
    samples.push({ at: now, pdus: link.pdusSent });
    const first = samples[0];
    if (now - first.at < 5000) return null;
    return Math.max(0, (link.pdusSent - first.pdus) / ((now - first.at) / 1000));
  }

  function carrierRow(link, perSecond) {
    const throttled = link.answers['88'] || 0;
    const lastError = link.lastError ? `${link.lastError.message} (${formatTime(link.lastError.at)})` : '—';
    return el(
      'tr',
      { 'data-carrier': link.carrier },
      el('td', {}, CARRIERS[link.carrier] || link.carrier),
      el('td', {}, el('span', { class: `state state-${link.status}` }, link.status === 'up' ? 'Hoạt động' : 'Mất kết nối')),
      el('td', {}, number.format(link.boundSessions)),
      el('td', {}, `${perSecond === null ? '…' : number.format(Math.round(perSecond))} / ${number.format(link.tps)} tin/giây`),
      el('td', {}, `${number.format(link.inFlight)} / ${number.format(link.window)}`),
      el('td', {}, `${number.format(link.throttlePauses)} lần tạm dừng${throttled > 0 ? ` (${number.format(throttled)} lần quá tải 0x58)` : ''}`),
      el('td', { class: 'muted' }, lastError),
    );
  }

  // ---- deadlines -----------------------------------------------------------------------------------

  /** Campaigns and programmes whose report is due within 30 days (GET /reports/deadlines), soonest first. */
  async function refreshDeadlines() {
    const items = await api('/reports/deadlines?days=30');
    $('deadlines').replaceChildren(...items.map(deadlineItem));
    $('deadlines-empty').hidden = items.length > 0;
  }

  function deadlineItem(item) {
    const kind = item.kind === 'programme' ? 'Chương trình' : 'Chiến dịch';
    const rate = item.deliveryRate === null ? '' : ` · tỷ lệ nhận ${(100 * item.deliveryRate).toFixed(1)}%`;
    const inTime = item.finishesInTime === true ? ' · kịp hạn' : item.finishesInTime === false ? ' · không kịp hạn' : '';
    return el(
      'li',
      { 'data-kind': item.kind, 'data-id': String(item.id) },
      el('strong', {}, item.name),
      ` — ${kind.toLowerCase()}, hạn ${formatTime(item.reportDeadline)}`,
      el(
        'div',
        { class: 'muted' },
        `${STATES[item.state] || item.state} · đã nhận ${number.format(item.delivered)} / ${number.format(item.targeted)} tin${rate}${inTime}`,
      ),
    );
  }

  // ---- one campaign's report -----------------------------------------------------------------------

  async function refreshDetail() {
    const id = view.selected;
    // The chart comes from the report's own timeline (per-minute counters), never a scan of the messages.
    const [report, campaign] = await Promise.all([api(`/campaigns/${id}/report`), api(`/campaigns/${id}`)]);
    if (view.selected !== id) return;
    view.reports[id] = report;
    view.estimate = campaign.estimate;
    renderCampaigns();
    $('detail').hidden = false;
    $('detail-name').textContent = report.campaignName;
    const deadline = report.reportDeadline ? ` · hạn báo cáo ${formatTime(report.reportDeadline)}` : '';
    $('detail-summary').replaceChildren(stateBadge(report.state), ` cập nhật lúc ${formatTime(report.generatedAt)}${deadline}`);
    $('detail-estimate').replaceChildren(estimateSummary(view.estimate));
    $('rows').tBodies[0].replaceChildren(...report.rows.map(reportRow));
    drawTimeline(report.timeline);
  }

  function reportRow(row) {
    return el(
      'tr',
      {},
      el('td', {}, row.provinceName),
      el('td', {}, CARRIERS[row.carrier] || row.carrier),
      el('td', {}, number.format(row.targeted)),
      el('td', {}, number.format(row.submitted)),
      el('td', {}, number.format(row.delivered)),
      el('td', {}, number.format(row.failed)),
      el('td', {}, number.format(row.pending)),
      el('td', {}, progress(row)),
    );
  }

  async function exportReport(format) {
    if (!view.selected) return;
    try {
      const response = await api(`/campaigns/${view.selected}/report?format=${format}`, { raw: true });
      const blob = await response.blob();
      const url = URL.createObjectURL(blob);
      if (format === 'html') {
        window.open(url, '_blank');
      } else {
        el('a', { href: url, download: `bao-cao-chien-dich-${view.selected}.${format}` }).click();
      }
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (error) {
      notice(error);
    }
  }

  // ---- the delivery chart (SVG, cumulative, from the report's timeline) ----------------------------

  const SERIES = [
    { key: 'submitted', label: 'Đã gửi', color: '#3d6fb6' },
    { key: 'delivered', label: 'Đã nhận', color: '#1e7b34' },
  ];
  const STEP_MS = { minute: 60_000, hour: 3_600_000 };

  /** The report's timeline: submits and deliveries per minute (per hour for a long campaign), completed minutes only. */
  function drawTimeline(timeline) {
    const box = $('timeline');
    if (timeline.points.length === 0) {
      box.replaceChildren(el('p', { class: 'muted' }, 'Chưa có tin nào được gửi.'));
      return;
    }
    const width = 720;
    const height = 220;
    const pad = { left: 60, right: 10, top: 10, bottom: 30 };
    const step = STEP_MS[timeline.step] || STEP_MS.minute;
    const totals = { submitted: 0, delivered: 0 };
    const points = timeline.points.map((point) => {
      for (const series of SERIES) totals[series.key] += point[series.key];
      return { at: new Date(point.at).getTime(), ...totals };
    });
    const first = points[0].at;
    const last = points[points.length - 1].at + step;
    const max = Math.max(1, ...points.map((point) => Math.max(point.submitted, point.delivered)));
    const x = (at) => pad.left + ((at - first) / Math.max(1, last - first)) * (width - pad.left - pad.right);
    const y = (value) => height - pad.bottom - (value / max) * (height - pad.top - pad.bottom);
    const svg = svgNode('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': 'Biểu đồ tiến độ gửi tin' });
    svg.append(svgNode('line', { x1: pad.left, y1: y(0), x2: width - pad.right, y2: y(0), stroke: '#999' }));
    svg.append(svgText(pad.left - 6, y(max) + 4, number.format(max), 'end'));
    svg.append(svgText(pad.left - 6, y(0), '0', 'end'));
    svg.append(svgText(pad.left, height - 8, clockTime.format(new Date(first)), 'start'));
    svg.append(svgText(width - pad.right, height - 8, clockTime.format(new Date(last)), 'end'));
    for (const series of SERIES) {
      const steps = points.map((point) => `L${x(point.at + step).toFixed(1)},${y(point[series.key]).toFixed(1)}`);
      const path = [`M${x(first).toFixed(1)},${y(0).toFixed(1)}`, ...steps].join(' ');
      svg.append(svgNode('path', { d: path, fill: 'none', stroke: series.color, 'stroke-width': 2, 'data-series': series.key }));
    }
    const legend = el('div', { class: 'legend' });
    for (const series of SERIES) {
      const swatch = el('b');
      swatch.style.background = series.color;
      legend.append(swatch, `${series.label}: ${number.format(totals[series.key])}`);
    }
    box.replaceChildren(svg, legend);
  }

  function svgNode(tag, attributes) {
    const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
    for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
    return node;
  }

  function svgText(x, y, text, anchor) {
    const node = svgNode('text', { x, y, 'text-anchor': anchor, 'font-size': 11, fill: '#5b6475' });
    node.textContent = text;
    return node;
  }

  function formatTime(value) {
    return dateTime.format(new Date(value));
  }

  // ---- wiring --------------------------------------------------------------------------------------

  $('login-form').addEventListener('submit', (event) => void login(event));
  $('logout').addEventListener('click', logout);
  for (const button of document.querySelectorAll('.exports button')) {
    button.addEventListener('click', () => void exportReport(button.dataset.format));
  }
  if (view.token) start().catch(notice);
  else logout();
})();
