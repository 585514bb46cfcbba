import { defaultModules } from '../modules';
import { entitiesOf, type AnyModule } from '../server/module';
import { AppSetting } from '../shared/app-setting.entity';
import { OutboxEvent } from '../shared/outbox-event.entity';

/** Every entity of the modules (and the core's settings and outbox), listed so discovery works the same from TypeScript and compiled code. */
export function entitiesFor(modules: readonly AnyModule[] = defaultModules) {
  return [AppSetting, OutboxEvent, ...entitiesOf(modules)];
}
