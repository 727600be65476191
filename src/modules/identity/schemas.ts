import { Type } from '@sinclair/typebox';
import { ROLES } from '../../shared/actor.js';
import { Nullable, StringEnum } from '../../shared/schema-helpers.js';

export const Username = Type.String({ minLength: 3, maxLength: 64, pattern: '^[A-Za-z0-9_.@-]+$' });
export const Password = Type.String({ minLength: 1, maxLength: 128 });

export const LoginBody = Type.Object({
  username: Type.String({ minLength: 1, maxLength: 64 }),
  password: Password,
});

export const RegisterBody = Type.Object({
  kind: StringEnum(['person', 'enterprise'] as const),
  username: Username,
  displayName: Type.String({ minLength: 1, maxLength: 100 }),
  password: Password,
  idNumber: Type.Optional(Type.String({ maxLength: 18 })),
  creditCode: Type.Optional(Type.String({ maxLength: 18 })),
  phone: Type.Optional(Type.String({ pattern: '^1[3-9]\\d{9}$' })),
  email: Type.Optional(Type.String({ format: 'email', maxLength: 200 })),
});

export const UserView = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  role: StringEnum(ROLES),
  departmentId: Nullable(Type.String()),
  applicantKind: Nullable(Type.String()),
  idNumber: Nullable(Type.String({ description: 'masked' })),
  creditCode: Nullable(Type.String({ description: 'masked' })),
  phone: Nullable(Type.String({ description: 'masked' })),
  email: Nullable(Type.String()),
  status: Type.String(),
  lockedUntil: Nullable(Type.String()),
  createdAt: Type.String(),
  version: Type.Integer(),
});

export const SessionView = Type.Object({
  user: Type.Object({
    id: Type.String(),
    username: Type.String(),
    role: StringEnum(ROLES),
    departmentId: Nullable(Type.String()),
  }),
  csrfToken: Type.String(),
  expiresAt: Type.String(),
});

export const CreateUserBody = Type.Object({
  username: Username,
  displayName: Type.String({ minLength: 1, maxLength: 100 }),
  role: StringEnum(ROLES),
  departmentId: Type.Optional(Nullable(Type.String())),
  password: Password,
  phone: Type.Optional(Type.String({ pattern: '^1[3-9]\\d{9}$' })),
  email: Type.Optional(Type.String({ format: 'email', maxLength: 200 })),
});

export const UpdateUserBody = Type.Object({
  version: Type.Integer({ minimum: 1 }),
  displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  role: Type.Optional(StringEnum(ROLES)),
  departmentId: Type.Optional(Nullable(Type.String())),
  status: Type.Optional(StringEnum(['active', 'disabled'] as const)),
  password: Type.Optional(Password),
  unlock: Type.Optional(Type.Boolean()),
});

export const UserListQuery = Type.Object({
  role: Type.Optional(StringEnum(ROLES)),
  departmentId: Type.Optional(Type.String()),
  q: Type.Optional(Type.String({ maxLength: 64 })),
  page: Type.Integer({ minimum: 1, maximum: 100000, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
});

export const CreateTokenBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 100 }),
  expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })),
});
export const TokenCreated = Type.Object({
  id: Type.String(),
  token: Type.String({ description: 'shown once' }),
  name: Type.String(),
  expiresAt: Nullable(Type.String()),
});

export const ResetRequestBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64 }),
    contact: Type.String({
      minLength: 1,
      maxLength: 200,
      description: 'the registered mobile number or email',
    }),
  },
  { additionalProperties: false },
);
export const ResetRequested = Type.Object({
  minutes: Type.Integer({ description: 'how long a code sent is valid' }),
});
export const ResetConfirmBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64 }),
    code: Type.String({ minLength: 1, maxLength: 12 }),
    newPassword: Type.String({ maxLength: 200 }),
  },
  { additionalProperties: false },
);

export const ProfileView = Type.Object({
  username: Type.String(),
  kind: StringEnum(['person', 'enterprise'] as const),
  displayName: Type.String(),
  idNumber: Nullable(Type.String({ description: 'masked' })),
  creditCode: Nullable(Type.String({ description: 'masked' })),
  phone: Nullable(Type.String()),
  email: Nullable(Type.String()),
  address: Nullable(Type.String()),
  contactName: Nullable(Type.String()),
  version: Type.Integer(),
});
export const ProfileBody = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    displayName: Type.String({ maxLength: 200 }),
    phone: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
    email: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
    address: Type.Optional(Nullable(Type.String({ maxLength: 400 }))),
    contactName: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
  },
  { additionalProperties: false },
);
