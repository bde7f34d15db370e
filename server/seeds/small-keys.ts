/** The newsroom's key store for the `small` seed: ~120 entries, a good third of them secrets. */
import type { KeyEntry } from '../../src/schemas.js';
import type { Picker } from '../prng.js';

const SERVICES = [
  'wire.ap', 'wire.reuters', 'wire.afp', 'wire.dpa', 'media.s3', 'media.cdn', 'social.mastodon', 'social.bluesky',
  'analytics.metrico', 'weather.api', 'translate.nmt', 'archive.search', 'chat.webhook', 'mail.smtp', 'paywall.api',
  'sso.oidc', 'push.notifications', 'video.transcoder', 'ads.server', 'crm.subscribers',
];
const HEX = '0123456789abcdef';

/** Builds the key store; `tag` makes the two units' values differ. */
export function buildNewsroomKeys(pick: Picker, tag: string): KeyEntry[] {
  const keys: KeyEntry[] = [];
  for (const service of SERVICES) {
    const host = service.replace('.', '-');
    keys.push({ key: `${service}.endpoint`, value: `https://${host}.${tag}.newsroom.example/v2`, secret: false });
    keys.push({ key: `${service}.api-token`, value: `nrt_${tag}_${pick.token(40)}`, secret: true });
    keys.push({ key: `${service}.timeout-ms`, value: String(pick.int(10, 120) * 100), secret: false });
    keys.push({ key: `${service}.enabled`, value: pick.chance(0.85) ? 'true' : 'false', secret: false });
    keys.push({ key: `${service}.region`, value: pick.pick(['eu-north-1', 'eu-central-1', 'us-east-1', 'ap-northeast-1']), secret: false });
    if (pick.chance(0.5)) keys.push({ key: `${service}.signing-secret`, value: pick.token(64, HEX), secret: true });
    if (pick.chance(0.4)) keys.push({ key: `${service}.client-id`, value: `${host}-${pick.token(12, HEX)}`, secret: false });
  }
  keys.push(
    { key: 'site.title', value: tag === 'south' ? 'South News — Nyheter från syd' : 'North News — Nouvelles du nord', secret: false },
    { key: 'site.banner-html', value: '<img src=x onerror=alert(1)><script>alert("key")</script>', secret: false },
    { key: 'site.tagline.ja', value: '毎日のニュースをあなたに 📰', secret: false },
    { key: 'site.tagline.ar', value: 'أخبار كل يوم', secret: false },
    { key: 'paths/with/slashes and spaces?&=#', value: 'a key name that needs URL encoding', secret: false },
    { key: 'sso.oidc.private-key', value: `-----BEGIN PRIVATE KEY-----\n${pick.token(64)}\n${pick.token(64)}\n-----END PRIVATE KEY-----`, secret: true },
    { key: 'db.password', value: pick.token(24), secret: true },
    { key: 'empty.value', value: '', secret: false },
  );
  return keys;
}
