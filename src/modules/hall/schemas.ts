import { Type, type Static } from '@sinclair/typebox';
import { IsoDate, Nullable, StringEnum } from '../../shared/schema-helpers.js';

const Id = Type.String({ minLength: 1, maxLength: 64 });
const Time = Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', description: 'HH:MM, local time' });
const Name = Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' });
const Token = Type.String({ minLength: 8, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' });
export const TokenParam = Type.Object({ token: Token });

export const GroupBody = Type.Object({
  name: Name,
  nameEn: Name,
  departmentId: Type.Optional(Nullable(Id)),
  itemIds: Type.Array(Id, { maxItems: 200 }),
  sessions: Type.Array(Type.Tuple([Time, Time]), { minItems: 1, maxItems: 8 }),
  slotMinutes: Type.Integer({ minimum: 5, maximum: 240 }),
  slotCapacity: Type.Integer({ minimum: 1, maximum: 500 }),
  serviceMinutes: Type.Integer({ minimum: 1, maximum: 240 }),
  active: Type.Boolean(),
});
export const GroupCodeParam = Type.Object({ code: Type.String({ pattern: '^[A-Z]{1,2}$' }) });
export const WindowBody = Type.Object({
  name: Name,
  nameEn: Name,
  groupIds: Type.Array(Id, { minItems: 1, maxItems: 20 }),
});
export const WindowCodeParam = Type.Object({ code: Type.String({ pattern: '^[A-Za-z0-9-]{1,16}$' }) });

export const GroupView = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
  departmentId: Nullable(Type.String()),
  itemIds: Type.Array(Type.String()),
  sessions: Type.Array(Type.Tuple([Type.String(), Type.String()])),
  slotMinutes: Type.Integer(),
  slotCapacity: Type.Integer(),
  serviceMinutes: Type.Integer(),
  active: Type.Boolean(),
  waiting: Type.Integer({ description: 'Tickets waiting now' }),
});
export const GroupList = Type.Object({ items: Type.Array(GroupView) });

export const WindowView = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
  groupIds: Type.Array(Type.String()),
  staffed: Type.Boolean(),
  mine: Type.Boolean(),
  currentNumber: Nullable(Type.String()),
});

export const SlotDays = Type.Object({
  groupId: Type.String(),
  days: Type.Array(
    Type.Object({
      day: Type.String(),
      slots: Type.Array(Type.Object({ slot: Type.String(), end: Type.String(), left: Type.Integer() })),
    }),
  ),
});

export const CodeBody = Type.Object({
  phone: Type.String({ minLength: 5, maxLength: 20 }),
  idNumber: Type.String({ minLength: 15, maxLength: 18 }),
});
export const CodeSent = Type.Object({ codeId: Type.String(), expiresAt: Type.String() });

export const BookBody = Type.Object({
  groupId: Id,
  itemId: Type.Optional(Id),
  day: IsoDate(),
  slot: Time,
  name: Type.Optional(Name),
  phone: Type.Optional(Type.String({ minLength: 5, maxLength: 20 })),
  idNumber: Type.Optional(Type.String({ minLength: 15, maxLength: 18 })),
  codeId: Type.Optional(Id),
  code: Type.Optional(Type.String({ pattern: '^\\d{6}$' })),
});
export const RescheduleBody = Type.Object({ day: IsoDate(), slot: Time });

export const AppointmentView = Type.Object({
  id: Type.String(),
  code: Type.String({ description: 'Shown and scanned at the kiosk' }),
  token: Type.String({ description: 'The secret of the link that manages the appointment' }),
  groupId: Type.String(),
  groupName: Type.String(),
  groupNameEn: Type.String(),
  itemId: Nullable(Type.String()),
  day: Type.String(),
  slot: Type.String(),
  name: Type.String({ description: 'Masked' }),
  phone: Nullable(Type.String({ description: 'Masked' })),
  state: StringEnum(['booked', 'cancelled', 'checked_in', 'no_show'] as const),
  ticketToken: Nullable(Type.String()),
});
export const AppointmentList = Type.Object({ items: Type.Array(AppointmentView) });

export const TakeTicketBody = Type.Object({
  groupId: Id,
  itemId: Type.Optional(Id),
  source: StringEnum(['kiosk', 'desk'] as const),
  priority: Type.Optional(StringEnum(['elderly', 'disabled'] as const)),
  idNumber: Type.Optional(Type.String({ minLength: 15, maxLength: 18 })),
  phone: Type.Optional(Type.String({ minLength: 5, maxLength: 20 })),
});
export const CheckInBody = Type.Object({
  code: Type.String({ minLength: 4, maxLength: 16, pattern: '^[A-Za-z0-9]+$' }),
});

export const TicketView = Type.Object({
  id: Type.String(),
  number: Type.String(),
  day: Type.String(),
  token: Type.String({ description: 'The secret in the link/QR code on the ticket' }),
  groupId: Type.String(),
  itemId: Nullable(Type.String()),
  source: Type.String(),
  priority: Type.Integer(),
  priorityReason: Nullable(Type.String()),
  state: StringEnum(['waiting', 'called', 'served', 'absent'] as const),
  windowId: Nullable(Type.String()),
  callCount: Type.Integer(),
  takenAt: Type.String(),
  calledAt: Nullable(Type.String()),
  finishedAt: Nullable(Type.String()),
  waitSeconds: Nullable(Type.Integer()),
  serviceSeconds: Nullable(Type.Integer()),
  caseId: Nullable(Type.String()),
});
export const TicketList = Type.Object({ items: Type.Array(TicketView) });

export const TicketStatusView = Type.Object({
  ticketId: Type.String(),
  number: Type.String(),
  state: Type.String(),
  groupCode: Type.String(),
  groupName: Type.String(),
  groupNameEn: Type.String(),
  ahead: Nullable(Type.Integer()),
  estimatedWaitMinutes: Nullable(Type.Integer()),
  window: Nullable(Type.String()),
  windowEn: Nullable(Type.String()),
  callCount: Type.Integer(),
  takenAt: Type.String(),
  calledAt: Nullable(Type.String()),
  finishedAt: Nullable(Type.String()),
});

export const CallView = Type.Object({
  seq: Type.Integer(),
  kind: StringEnum(['call', 'recall'] as const),
  number: Type.String(),
  window: Nullable(Type.String()),
  windowEn: Nullable(Type.String()),
  at: Type.String(),
});
export const DisplayView = Type.Object({
  calls: Type.Array(CallView),
  groups: Type.Array(
    Type.Object({ code: Type.String(), name: Type.String(), nameEn: Type.String(), waiting: Type.Integer() }),
  ),
});

export const PanelView = Type.Object({
  window: Nullable(WindowView),
  windows: Type.Array(WindowView),
  groups: Type.Array(GroupView),
  current: Nullable(TicketView),
  next: Type.Array(Type.Object({ number: Type.String(), priorityReason: Nullable(Type.String()) })),
});
export const CallResult = Type.Object({ ticket: Nullable(TicketView) });
export const SitBody = Type.Object({ windowId: Id, leave: Type.Optional(Type.Boolean()) });
export const TransferBody = Type.Object({ groupId: Id });
export const FinishBody = Type.Object({
  caseId: Type.Optional(Id),
  receiptNo: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
});
export const TicketStatesQuery = Type.Object({
  state: Type.Optional(StringEnum(['waiting', 'called', 'served', 'absent'] as const)),
});

export const ServedQuery = Type.Object({
  number: Type.String({ minLength: 2, maxLength: 8, pattern: '^[A-Za-z]{1,2}\\d{3,5}$' }),
  day: Type.Optional(IsoDate()),
});
export const ServedTicketView = Type.Object({
  ticketId: Type.String(),
  number: Type.String(),
  day: Type.String(),
  groupId: Type.String(),
  groupCode: Type.String(),
  windowId: Nullable(Type.String()),
  windowName: Nullable(Type.String()),
  staffId: Nullable(Type.String()),
  itemId: Nullable(Type.String()),
  caseId: Nullable(Type.String()),
  servedAt: Type.String(),
});

export const CaseVisitsView = Type.Object({
  caseId: Type.String(),
  receiptNo: Type.String(),
  count: Type.Integer({ description: 'Times the applicant came to the hall for this case (跑动次数)' }),
  promised: Nullable(Type.Integer({ description: "The fewest visits the case's items promise" })),
  exceeded: Type.Boolean(),
  visits: Type.Array(
    Type.Object({
      ticketNumber: Type.String(),
      visitedAt: Type.String(),
      waitSeconds: Nullable(Type.Integer()),
      serviceSeconds: Nullable(Type.Integer()),
    }),
  ),
});

export type TicketViewT = Static<typeof TicketView>;
export type AppointmentViewT = Static<typeof AppointmentView>;
export type TicketStatusT = Static<typeof TicketStatusView>;

// Devices (取号机, 评价器, 叫号屏) and the hall's settings.
export const DeviceBody = Type.Object({
  kind: StringEnum(['kiosk', 'tablet', 'display'] as const),
  name: Name,
  windowId: Type.Optional(Nullable(Id)),
  groupId: Type.Optional(Nullable(Id)),
});
export const DeviceView = Type.Object({
  id: Type.String(),
  kind: StringEnum(['kiosk', 'tablet', 'display'] as const),
  name: Type.String(),
  windowId: Nullable(Type.String()),
  groupId: Nullable(Type.String()),
  createdAt: Type.String(),
  revokedAt: Nullable(Type.String()),
});
export const DeviceList = Type.Object({ items: Type.Array(DeviceView) });
export const DeviceRegistered = Type.Object({
  device: DeviceView,
  token: Type.String({ description: 'the device token, shown once: entered on the device' }),
});
export const OwnDeviceView = Type.Object({
  device: DeviceView,
  window: Nullable(
    Type.Object({ id: Type.String(), code: Type.String(), name: Type.String(), nameEn: Type.String() }),
  ),
  group: Nullable(
    Type.Object({ id: Type.String(), code: Type.String(), name: Type.String(), nameEn: Type.String() }),
  ),
});
const Weight = Type.Integer({ minimum: 0, maximum: 9 });
export const SettingsBody = Type.Object({
  priority: Type.Object({ disabled: Weight, elderly: Weight, appointment: Weight }),
  elderlyAge: Type.Integer({ minimum: 50, maximum: 100 }),
  noShowLimit: Type.Integer({ minimum: 1, maximum: 100 }),
  suspendDays: Type.Integer({ minimum: 1, maximum: 365 }),
  version: Type.Integer({ minimum: 0, description: 'the version read (0: never saved)' }),
});
export const SettingsView = SettingsBody;
