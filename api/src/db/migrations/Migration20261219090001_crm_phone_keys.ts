import { Migration } from '@mikro-orm/migrations';
import { contactKey } from '../../modules/crm/contact-channel-value';

/** Counterparties' phones as duplicate keys, in E.164 as the service now writes them (libphonenumber, not SQL). */
export class Migration20261219090001_crm_phone_keys extends Migration {
  override async up(): Promise<void> {
    const rows = (await this.execute('select id, phone from counterparty where phone is not null')) as { id: string; phone: string }[];
    for (const row of rows) {
      const key = contactKey('phone', row.phone);
      if (key) await this.execute('update counterparty set phone_key = ? where id = ?', [key, row.id]);
    }
  }

  override async down(): Promise<void> {
    this.addSql('update counterparty set phone_key = null');
  }
}
