/**
 * The one list of error codes. Codes are stable API: clients switch on `code`, never on text.
 * Messages take {placeholders} filled from the error's params. Documented in docs/errors.md.
 */
export const ERROR_CODES = {
  validation_failed: {
    status: 400,
    zh: '请求数据不符合要求：{summary}',
    en: 'The request is invalid: {summary}',
  },
  malformed_body: {
    status: 400,
    zh: '请求体无法解析：{reason}',
    en: 'The request body cannot be parsed: {reason}',
  },
  unauthenticated: { status: 401, zh: '请先登录', en: 'Please log in first' },
  invalid_credentials: { status: 401, zh: '用户名或密码错误', en: 'Wrong username or password' },
  csrf_failed: {
    status: 403,
    zh: '缺少或错误的 CSRF 令牌（请求头 x-csrf-token）',
    en: 'Missing or wrong CSRF token (header x-csrf-token)',
  },
  forbidden: { status: 403, zh: '无权执行此操作：{action}', en: 'Not allowed to do this: {action}' },
  route_not_found: {
    status: 404,
    zh: '没有这个接口：{method} {url}',
    en: 'No such endpoint: {method} {url}',
  },
  resource_not_found: { status: 404, zh: '未找到{resource}：{id}', en: '{resource} not found: {id}' },
  blob_missing: {
    status: 410,
    zh: '{resource} {id} 的记录仍在，但其文件内容已不在存储中（可能恢复备份时未包含文件）；请联系政务服务中心',
    en: 'The record of {resource} {id} is intact but its stored content is missing (a restore without the files?); please contact the service center',
  },
  stale_version: {
    status: 409,
    zh: '数据已被他人修改（当前版本 {current}，提交版本 {given}），请刷新后重试',
    en: 'Changed by someone else (current version {current}, yours {given}); reload and try again',
  },
  already_exists: { status: 409, zh: '{resource}已存在：{id}', en: '{resource} already exists: {id}' },
  invalid_state: {
    status: 409,
    zh: '当前状态“{state}”下不能执行“{action}”，可执行：{allowed}',
    en: 'Cannot {action} in state "{state}"; allowed: {allowed}',
  },
  unsupported_media_type: {
    status: 415,
    zh: '不支持的内容类型：{type}',
    en: 'Unsupported content type: {type}',
  },
  payload_too_large: { status: 413, zh: '请求体过大', en: 'The request body is too large' },
  uri_too_long: {
    status: 414,
    zh: '请求地址过长（路径参数或整个地址超出上限）',
    en: 'The request URL is too long (a path parameter or the whole URL exceeds the limit)',
  },
  headers_too_large: {
    status: 431,
    zh: '请求头过大',
    en: 'The request headers are too large',
  },
  request_timeout: { status: 408, zh: '请求未在时限内发送完毕', en: 'The request was not sent in time' },
  malformed_request: {
    status: 400,
    zh: '请求无法解析：{reason}',
    en: 'The request cannot be parsed: {reason}',
  },
  extension_refused: { status: 422, zh: '不能延长：{reason}', en: 'Extension refused: {reason}' },
  calendar_invalid: {
    status: 422,
    zh: '日历数据有 {count} 处错误，未做任何修改',
    en: 'The calendar data has {count} error(s); nothing was changed',
  },
  four_eyes: {
    status: 409,
    zh: '须由另一位管理员确认（提出人不能自己确认）',
    en: 'Another administrator must confirm (the proposer cannot)',
  },
  fee_not_chargeable: {
    status: 422,
    zh: '不得收取：{feeCode}（{reason}）；此次收费已被拒绝并记录，电子监察已收到信号',
    en: 'May not be charged: {feeCode} ({reason}); the attempt was refused, recorded and signalled to supervision',
  },
  notification_rejected: {
    status: 401,
    zh: '支付通知被拒绝：{reason}',
    en: 'Payment notification rejected: {reason}',
  },
  statement_invalid: {
    status: 422,
    zh: '对账单有 {count} 处错误，未做任何修改',
    en: 'The statement has {count} error(s); nothing was changed',
  },
  catalogue_invalid: {
    status: 422,
    zh: '目录数据有 {count} 处错误，未做任何修改',
    en: 'The catalogue data has {count} error(s); nothing was changed',
  },
  account_locked: {
    status: 423,
    zh: '登录失败次数过多，账户已锁定至 {until}',
    en: 'Too many failed logins; the account is locked until {until}',
  },
  rate_limited: {
    status: 429,
    zh: '请求过于频繁，请 {retryAfter} 秒后再试',
    en: 'Too many requests; try again in {retryAfter} seconds',
  },
  not_ready: { status: 503, zh: '服务尚未就绪：{reason}', en: 'Not ready: {reason}' },
  metrics_token_required: {
    status: 401,
    zh: '指标接口需要令牌：请求头 Authorization: Bearer <METRICS_TOKEN>（服务端未设置 METRICS_TOKEN 时不对任何人开放）',
    en: 'Metrics need the token: Authorization: Bearer <METRICS_TOKEN> (with METRICS_TOKEN unset on the server they answer nobody)',
  },
  storage_full: {
    status: 503,
    zh: '服务器存储空间不足，本次操作未保存，请 {retryAfter} 秒后再试',
    en: 'The server is out of storage space and nothing was saved; try again in {retryAfter} seconds',
  },
  storage_read_only: {
    status: 503,
    zh: '数据库暂时只读，本次操作未保存，请 {retryAfter} 秒后再试',
    en: 'The database is read-only for now and nothing was saved; try again in {retryAfter} seconds',
  },
  database_unavailable: {
    status: 503,
    zh: '数据库连接中断，本次操作未确认保存，请 {retryAfter} 秒后再试（带同一 Idempotency-Key 的申请不会重复）',
    en: 'The connection to the database was lost and nothing was confirmed; try again in {retryAfter} seconds (an application sent again with the same Idempotency-Key is not made twice)',
  },
  intake_interrupted: {
    status: 503,
    zh: '申请在确认前中断，未能确定是否已登记：请用同一 Idempotency-Key 重新提交（不会重复立案）',
    en: 'The application was interrupted before it could be confirmed: send it again with the same Idempotency-Key (it will not make a second case)',
  },
  internal: {
    status: 500,
    zh: '服务器内部错误，请稍后再试（请求编号 {requestId}）',
    en: 'Internal error; please try again later (request {requestId})',
  },
  complaint_reopen_expired: {
    status: 409,
    zh: '已超过重新办理期限（办结后 {days} 个工作日内，截至 {until}）',
    en: 'Too late to reopen: within {days} working days of closing (until {until})',
  },
  rating_already_given: {
    status: 409,
    zh: '{ref} 已经在此渠道评价过（每件事每个渠道评价一次）',
    en: '{ref} has already been rated on this channel (once per matter and channel)',
  },
  rating_subject_not_found: {
    status: 404,
    zh: '没有找到可评价的事项 {ref}，请核对编号和查询码',
    en: 'No matter to rate under {ref}: check the number and the check code',
  },
  rating_not_yet: {
    status: 409,
    zh: '{ref} 尚未办结，办结后才能评价',
    en: '{ref} has not ended yet: rate it when it has',
  },
  rectification_invalid_state: {
    status: 409,
    zh: '整改单处于“{state}”状态，不能执行 {step}',
    en: 'The rectification is {state}: {step} is not possible now',
  },
  rectification_callback_missing: {
    status: 409,
    zh: '实名差评须先完成回访并记录结果，才能办结整改',
    en: 'A real-name bad rating must be called back, and the call recorded, before the rectification ends',
  },
  rectification_no_callback: {
    status: 409,
    zh: '该差评为匿名评价，无需回访',
    en: 'This bad rating is anonymous: there is no one to call back',
  },
  rating_appeal_exists: {
    status: 409,
    zh: '评价 {ratingId} 已申诉过或已被剔除',
    en: 'Rating {ratingId} has already been appealed or excluded',
  },
  rating_appeal_decided: {
    status: 409,
    zh: '该申诉已有决定（{state}）',
    en: 'This appeal is already decided ({state})',
  },
  appraisal_invalid_state: {
    status: 409,
    zh: '评议活动处于“{state}”状态，不能{step}',
    en: 'The appraisal campaign is {state}: cannot {step}',
  },
  appraisal_code_invalid: {
    status: 403,
    zh: '票码无效（不存在、不属于本次评议，或已经投过票）',
    en: 'The ballot code is not valid (unknown, of another campaign, or already used)',
  },
  appraisal_code_used: {
    status: 409,
    zh: '该票码已经投过票，不能再次投票',
    en: 'This ballot code has already voted',
  },
  appraisal_panel_full: {
    status: 409,
    zh: '{category} 类评议代表共 {panel} 人，已发放 {issued} 张票码，不能再发放 {count} 张',
    en: 'The {category} panel has {panel} members and {issued} codes were issued: {count} more cannot be',
  },
  complaint_already_rated: { status: 409, zh: '该举报已经评价过', en: 'This report has already been rated' },
  complaint_merge_target: {
    status: 409,
    zh: '不能并入工单 {target}：{reason}',
    en: 'Cannot merge into ticket {target}: {reason}',
  },
  open311_key_invalid: {
    status: 403,
    zh: 'Open311 api_key 缺失或无效',
    en: 'Open311 api_key missing or invalid',
  },
  tracking_not_found: {
    status: 404,
    zh: '未找到受理编号为 {receiptNo} 的办件，或查询码不正确；请核对受理通知书上的受理编号和查询码',
    en: 'No case with receipt number {receiptNo}, or the check code is wrong; check both against the acceptance notice',
  },
  ticket_not_found: {
    status: 404,
    zh: '未找到编号为 {ticketNo} 的投诉举报，或查询码不正确；请核对提交时给出的编号和查询码',
    en: 'No report with ticket number {ticketNo}, or the check code is wrong; check both against what you were given when you reported',
  },
  identity_already_registered: {
    status: 409,
    zh: '该{resource}已注册过账户，请直接登录',
    en: 'An account is already registered with this {resource}; please log in',
  },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export const RESOURCE_NAMES: Record<string, { zh: string; en: string }> = {
  department: { zh: '部门', en: 'Department' },
  item: { zh: '服务事项', en: 'Service item' },
  item_version: { zh: '事项版本', en: 'Item version' },
  fee: { zh: '收费项目', en: 'Fee' },
  user: { zh: '用户', en: 'User' },
  api_token: { zh: 'API 令牌', en: 'API token' },
  synonym: { zh: '同义词', en: 'Synonym' },
  clock: { zh: '时限', en: 'Clock' },
  case: { zh: '办件', en: 'Case' },
  bundle: { zh: '一件事', en: 'Bundle' },
  file: { zh: '文件', en: 'File' },
  document: { zh: '文书', en: 'Document' },
  task: { zh: '审查任务', en: 'Review task' },
  inquiry: { zh: '咨询', en: 'Inquiry' },
  calendar_proposal: { zh: '日历变更', en: 'Calendar proposal' },
  supervision_order: { zh: '督办单', en: 'Supervision order' },
  calendar_year: { zh: '年度日历', en: 'Calendar year' },
  inbox_message: { zh: '站内消息', en: 'Inbox message' },
  payment_form: { zh: '缴款书', en: 'Payment form' },
  receipt: { zh: '收款票据', en: 'Receipt' },
  refund: { zh: '退费申请', en: 'Refund' },
  gateway: { zh: '支付渠道', en: 'Payment gateway' },
  reconciliation: { zh: '对账记录', en: 'Reconciliation' },
  reconciliation_item: { zh: '对账差异', en: 'Reconciliation item' },
  letter: { zh: '来函', en: 'Letter' },
  letter_original: { zh: '来函原件', en: "Letter's scanned original" },
  letter_reply: { zh: '答复函', en: 'Reply letter' },
  complaint: { zh: '投诉举报', en: 'Complaint' },
  rating: { zh: '评价', en: 'Rating' },
  rating_rectification: { zh: '差评整改单', en: 'Rectification of a bad rating' },
  rating_appeal: { zh: '评价申诉', en: 'Rating appeal' },
  appraisal_campaign: { zh: '民主评议活动', en: 'Appraisal campaign' },
  appraisal_rectification: { zh: '评议整改', en: 'Appraisal rectification' },
  complaint_category: { zh: '投诉举报类别', en: 'Complaint category' },
  open311_request: { zh: 'Open311 请求', en: 'Open311 request' },
  open311_token: { zh: 'Open311 令牌', en: 'Open311 token' },
  id_number: { zh: '身份证号', en: 'resident ID number' },
  credit_code: { zh: '统一社会信用代码', en: 'unified social credit code' },
};
