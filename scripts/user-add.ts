/**
 * `npm run user:add -- --username NAME --role admin|town|viewer [--town 镇街] [--display 显示名] [--jurisdiction ID]`
 * creates one account in DATABASE_PATH; the password is read from LUODI_USER_PASSWORD, or generated
 * and printed once. `npm run user:add -- --demo-towns` creates one town account per town of the
 * parks in the database (town-01, town-02 …), each with a generated password printed once.
 */
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import { loadEnv } from '../server/env.js';
import { openDb } from '../server/db/client.js';
import { UserCreateSchema } from '../server/domain/account.schema.js';
import { AppError } from '../server/domain/errors.js';
import { addUserSync } from '../server/pipeline/accounts.js';
import { findUser } from '../server/db/users.repo.js';

const { values } = parseArgs({
  options: {
    username: { type: 'string' },
    role: { type: 'string' },
    town: { type: 'string' },
    display: { type: 'string' },
    jurisdiction: { type: 'string' },
    'demo-towns': { type: 'boolean' },
  },
});

const newPassword = () => randomBytes(12).toString('base64url');
const env = loadEnv();
const db = openDb(env.DATABASE_PATH, { synchronous: env.DB_SYNCHRONOUS });
try {
  if (values['demo-towns']) {
    const towns = db.$client.prepare('SELECT DISTINCT district, town FROM parks ORDER BY district, town').all() as {
      district: string;
      town: string;
    }[];
    let n = 0;
    for (const { district, town } of towns) {
      const username = `town-${String(++n).padStart(2, '0')}`;
      if (findUser(db, username)) {
        console.log(`${username}（${district}${town}）已存在，跳过 / exists, skipped`);
        continue;
      }
      const password = newPassword();
      addUserSync(db, { username, password, role: 'town', town, displayName: `${district}${town}招商` });
      console.log(`${username}\t${district}${town}\t初始密码 / password: ${password}`);
    }
  } else {
    const password = process.env.LUODI_USER_PASSWORD || newPassword();
    const parsed = UserCreateSchema.safeParse({
      username: values.username,
      password,
      role: values.role,
      ...(values.town ? { town: values.town } : {}),
      ...(values.display ? { displayName: values.display } : {}),
      ...(values.jurisdiction ? { jurisdictionId: values.jurisdiction } : {}),
    });
    if (!parsed.success) {
      for (const i of parsed.error.issues) console.error(`--${i.path.join('.') || 'username'}: ${i.message}`);
      console.error('用法 / usage: npm run user:add -- --username NAME --role admin|town|viewer [--town 镇街] [--display 显示名]');
      process.exit(1);
    }
    const u = addUserSync(db, parsed.data);
    console.log(`已创建账号 / created ${u.username}（${u.role}${u.town ? `，${u.town}` : ''}）`);
    if (!process.env.LUODI_USER_PASSWORD) console.log(`初始密码（只显示这一次）/ password (shown once): ${password}`);
  }
} catch (e) {
  console.error(
    e instanceof AppError && e.code === 'username_taken' ? `用户名已存在 / username taken: ${e.params.username}` : (e as Error).message,
  );
  process.exit(1);
} finally {
  db.$client.close();
}
