import { Check, Collection, Embeddable, Embedded, Entity, Enum, Index, ManyToMany, ManyToOne, Property, type Opt, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MoneyScalar } from '../../shared/decimal.scalar';
import { BaseEntity } from '../../shared/base.entity';
import { User } from '../identity/user.entity';
import { CounterpartyTeamMember } from './counterparty-team-member.entity';
import type { PriceType } from '../pricing/price-type.entity';
import type { ClientReference } from './client-reference.entity';

export enum CounterpartyKind {
  COMPANY = 'COMPANY',
  PERSON = 'PERSON',
}
registerEnumType(CounterpartyKind, { name: 'CounterpartyKind', description: 'A legal entity or a natural person / sole trader' });

export enum CounterpartyRole {
  CLIENT = 'CLIENT',
  SUPPLIER = 'SUPPLIER',
}
registerEnumType(CounterpartyRole, { name: 'CounterpartyRole' });

/** Where a client stands with us. */
export enum ClientStatus {
  LEAD = 'LEAD',
  PROSPECT = 'PROSPECT',
  CUSTOMER = 'CUSTOMER',
  LOST = 'LOST',
}
registerEnumType(ClientStatus, { name: 'ClientStatus', description: 'LEAD → PROSPECT → CUSTOMER; LOST with a reason' });

@ObjectType()
@Embeddable()
export class BankDetails {
  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  bankName?: string | null;

  @Field(() => String, { nullable: true, description: 'BIK, 9 digits' })
  @Property({ type: 'text', nullable: true })
  bik?: string | null;

  @Field(() => String, { nullable: true, description: 'Settlement account (расчётный счёт), 20 digits' })
  @Property({ type: 'text', nullable: true })
  account?: string | null;

  @Field(() => String, { nullable: true, description: 'Correspondent account, 20 digits' })
  @Property({ type: 'text', nullable: true })
  correspondentAccount?: string | null;
}

/** A client or supplier. The CRM area adds segments, contacts and activities around it. */
@ObjectType()
@Entity()
@Check({ name: 'counterparty_has_role', expression: 'cardinality(roles) > 0' })
@Check({ name: 'counterparty_credit_terms_range', expression: 'payment_terms_days >= 0 and (credit_limit is null or credit_limit >= 0)' })
@Index({ name: 'counterparty_inn_kpp_unique', expression: 'create unique index "counterparty_inn_kpp_unique" on "counterparty" ("inn", coalesce("kpp", \'\')) where "inn" is not null' })
@Index({ name: 'counterparty_name_trgm', expression: 'create index "counterparty_name_trgm" on "counterparty" using gin ("name" gin_trgm_ops)' })
@Index({ name: 'counterparty_full_name_trgm', expression: 'create index "counterparty_full_name_trgm" on "counterparty" using gin ("full_name" gin_trgm_ops)' })
@Index({ name: 'counterparty_inn_index', properties: ['inn'] })
@Index({ name: 'counterparty_inn_trgm', expression: 'create index "counterparty_inn_trgm" on "counterparty" using gin ("inn" gin_trgm_ops)' })
@Index({ name: 'counterparty_phone_key_trgm', expression: 'create index "counterparty_phone_key_trgm" on "counterparty" using gin ("phone_key" gin_trgm_ops)' })
@Index({ name: 'counterparty_phone_key_index', properties: ['phoneKey'] })
@Index({ name: 'counterparty_email_key_index', properties: ['emailKey'] })
@Index({ name: 'counterparty_tags_index', expression: 'create index "counterparty_tags_index" on "counterparty" using gin ("tags")' })
@Check({ name: 'counterparty_lost_reason', expression: "status <> 'LOST' or lost_reason is not null" })
export class Counterparty extends BaseEntity {
  @Field(() => CounterpartyKind)
  @Enum({ items: () => CounterpartyKind })
  kind: Opt<CounterpartyKind> = CounterpartyKind.COMPANY;

  @Field(() => [CounterpartyRole])
  @Enum({ items: () => CounterpartyRole, array: true })
  roles: Opt<CounterpartyRole[]> = [CounterpartyRole.CLIENT];

  @Field({ description: 'Short name used in lists' })
  @Property({ type: 'text' })
  name: string;

  @Field(() => String, { nullable: true, description: 'Full legal name for documents' })
  @Property({ type: 'text', nullable: true })
  fullName?: string | null;

  @Field(() => String, { nullable: true, description: 'Russian tax id (ИНН): 10 digits for a company, 12 for a person' })
  @Property({ type: 'text', nullable: true })
  inn?: string | null;

  @Field(() => String, { nullable: true, description: 'КПП, 9 characters; companies only' })
  @Property({ type: 'text', nullable: true })
  kpp?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  legalAddress?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  actualAddress?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  email?: string | null;

  @Field(() => BankDetails)
  @Embedded({ entity: () => BankDetails, prefix: 'bank_' })
  bank: Opt<BankDetails> = new BankDetails();

  /** The manager responsible for the client; record rules follow it. */
  @ManyToOne({ entity: () => User, nullable: true, ref: true, deleteRule: 'set null', index: true })
  owner?: Ref<User> | null;

  @ManyToMany({ entity: () => User, pivotEntity: () => CounterpartyTeamMember })
  teamMembers = new Collection<User>(this);

  /** The client's price type; none means the default price type (pricing). */
  @ManyToOne({ entity: 'PriceType', nullable: true, ref: true, deleteRule: 'set null' })
  priceType?: Ref<PriceType> | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  comment?: string | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'The most the client may owe with its open orders (credit control); null: no limit' })
  @Property({ type: 'decimal', precision: 19, scale: 4, nullable: true })
  creditLimit?: string | null;

  @Field(() => Int, { description: 'Days the client has to pay after a shipment or act; its orders take it unless they say otherwise' })
  @Property({ type: 'integer', default: 0 })
  paymentTermsDays: Opt<number> = 0;

  @Field(() => Boolean)
  @Property({ type: 'boolean', default: true })
  active: Opt<boolean> = true;

  @Field(() => ClientStatus)
  @Enum({ items: () => ClientStatus, default: ClientStatus.LEAD })
  status: Opt<ClientStatus> = ClientStatus.LEAD;

  @Field(() => String, { nullable: true, description: 'Why the client was lost (status LOST)' })
  @Property({ type: 'text', nullable: true })
  lostReason?: string | null;

  @ManyToOne({ entity: 'ClientReference', nullable: true, ref: true, deleteRule: 'restrict', index: true })
  region?: Ref<ClientReference> | null;

  @ManyToOne({ entity: 'ClientReference', nullable: true, ref: true, deleteRule: 'restrict', index: true })
  industry?: Ref<ClientReference> | null;

  @ManyToOne({ entity: 'ClientReference', nullable: true, ref: true, deleteRule: 'restrict', index: true })
  segment?: Ref<ClientReference> | null;

  @ManyToOne({ entity: 'ClientReference', nullable: true, ref: true, deleteRule: 'restrict', index: true })
  leadSource?: Ref<ClientReference> | null;

  @Field(() => [String], { description: 'Free labels, each kept once (case-insensitively)' })
  @Property({ type: 'text[]', default: '{}' })
  tags: Opt<string[]> = [];

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  website?: string | null;

  /** The phone in E.164, for finding duplicates (null when it is not a valid number). */
  @Property({ type: 'text', nullable: true })
  phoneKey?: string | null;

  /** The email in lower case, for finding duplicates. */
  @Property({ type: 'text', nullable: true })
  emailKey?: string | null;
}
