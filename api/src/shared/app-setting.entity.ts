import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** Installation-wide values that every instance must share (e.g. the generated JWT secret). */
@Entity({ tableName: 'app_setting' })
export class AppSetting {
  @PrimaryKey({ type: 'text' })
  key: string;

  @Property({ type: 'text' })
  value: string;
}
