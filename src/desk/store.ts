import { YuluError } from '../errors.ts';
import { EditorDirectory } from './editors.ts';
import { sql, type SqlDriver, type SqlStatement, type SqlValue } from './sql.ts';
import { todayInShanghai } from '../daily/calendar.ts';
import { NO_REPEAT_DAYS } from '../daily/plan.ts';
import { base64url } from '../text/base64url.ts';
import { assertCardText } from './card-text.ts';

export const STATUSES = ['candidate', 'approved', 'rejected'] as const;
export type QuoteStatus = (typeof STATUSES)[number];

export interface StatusRecord {
  quoteId: string;
  status: QuoteStatus;
  note: string;
  version: number;
  updatedAt: string;
  updatedBy: string;
}

export interface ScheduleRecord {
  day: string;
  quoteId: string;
  version: number;
  updatedAt: string;
  updatedBy: string;
}

export interface ErratumRecord {
  quoteId: string;
  corrected: string;
  reason: string;
  version: number;
  updatedAt: string;
  updatedBy: string;
}

export interface TrimRecord {
  quoteId: string;
  parentId: string;
  source: string;
  paragraph: string;
  span: [number, number];
  text: string;
  createdAt: string;
  createdBy: string;
}

/** A day's daily quote as it went out (written once, never changed). */
export interface PublishedDay {
  day: string;
  quoteId: string;
  how: 'scheduled' | 'auto';
  publishedAt: string;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  before: unknown;
  after: unknown;
}

/** Which audit entries to show (see EditorialStore.auditPage). */
export interface AuditFilter {
  actor?: string | undefined;
  quoteId?: string | undefined;
  day?: string | undefined;
  before?: number | undefined;
  limit?: number | undefined;
}

/** A server-side session: the hash of the cookie's random ID, whose it is, its CSRF token. */
export interface StoredSession {
  idHash: string;
  editor: string;
  csrf: string;
  /** Expiry, ms since the epoch. */
  expires: number;
}

/** Who is writing, what version they read (0: the record does not exist yet) and a retry key. */
export interface WriteContext {
  actor: string;
  expectedVersion: number;
  idempotencyKey?: string | undefined;
}

/**
 * Editorial state with optimistic concurrency. Each write is one transaction: a conditional
 * insert or update (the version must still be the one the editor read), then — only if that
 * changed a row — the audit entry and the idempotency record. A stale write changes nothing and
 * is a `version_conflict` (409) naming the current version; a retry with the same idempotency key
 * returns the first result without applying anything again.
 */
export class EditorialStore {
  constructor(
    private readonly db: SqlDriver,
    private readonly now: () => Date = () => new Date(),
    /**
     * A database that does not answer within this long is a 503, never a hung request. A write
     * that timed out may still commit later, whole (one transaction): the editor's retry, with the
     * same idempotency key, then returns that result instead of applying it twice.
     */
    private readonly timeoutMs = STORE_TIMEOUT_MS,
  ) {}

  status(quoteId: string): Promise<StatusRecord | null> {
    return this.quoteRowOf('quote_status', quoteId, toStatus);
  }

  statuses(): Promise<StatusRecord[]> {
    return this.quoteRows('quote_status', toStatus);
  }

  async setStatus(
    quoteId: string,
    change: { status: QuoteStatus; note: string },
    context: WriteContext,
  ): Promise<StatusRecord> {
    if (!STATUSES.includes(change.status))
      throw new YuluError('invalid_argument', `status must be one of ${STATUSES.join(', ')}`);
    return this.writeQuoteRow(QUOTE_ROWS.status, quoteId, change, context, () =>
      this.status(quoteId),
    );
  }

  /**
   * The row of a day, cleared or not: `quoteId` is '' when an editor cleared the day (the row
   * keeps its version, so a form made before the clear is still stale after it).
   */
  async scheduled(day: string): Promise<ScheduleRecord | null> {
    const [row] = await this.read(() => this.db.all('SELECT * FROM schedule WHERE day = ?', [day]));
    return row ? toSchedule(row) : null;
  }

  /** The scheduled days from `from` to `to` (both included), cleared days left out. */
  async schedule(from: string, to: string): Promise<ScheduleRecord[]> {
    return (await this.scheduleRows(from, to)).filter((r) => r.quoteId !== CLEARED);
  }

  /** Every schedule row from `from` to `to`, cleared days included (their versions count). */
  async scheduleRows(from: string, to: string): Promise<ScheduleRecord[]> {
    const rows = await this.read(() =>
      this.db.all('SELECT * FROM schedule WHERE day >= ? AND day <= ? ORDER BY day', [from, to]),
    );
    return rows.map(toSchedule);
  }

  /**
   * The other days that hold `quoteId` within the no-repeat window of `day` (published or
   * scheduled, fewer than NO_REPEAT_DAYS apart), days in `except` left out; in day order.
   */
  async usesNear(
    quoteId: string,
    day: string,
    except: readonly string[] = [],
  ): Promise<{ day: string; published: boolean }[]> {
    const [from, to] = repeatWindow(day);
    const rows = await this.read(() =>
      this.db.all(
        'SELECT day, 1 AS published FROM daily_published WHERE quote_id = ? AND day > ? AND day < ? UNION SELECT day, 0 AS published FROM schedule WHERE quote_id = ? AND day > ? AND day < ? AND day NOT IN (SELECT day FROM daily_published) ORDER BY day',
        [quoteId, from, to, quoteId, from, to],
      ),
    );
    return rows
      .map((r) => ({ day: str(r.day), published: num(r.published) === 1 }))
      .filter((r) => r.day !== day && !except.includes(r.day));
  }

  /**
   * Schedules `quoteId` on `day`; two editors scheduling one day at once: one wins, one gets 409.
   * Refused (409, nothing written) when the day has gone out (`day_fixed`: before today in
   * Asia/Shanghai, or published) or when the quote is on another day fewer than 60 days away,
   * published or scheduled (`daily_repeat`). Both are checked again inside the transaction, so
   * a race cannot slip past them.
   */
  async setSchedule(day: string, quoteId: string, context: WriteContext): Promise<ScheduleRecord> {
    checkDay(day);
    if (!quoteId.trim() || quoteId.length > 100)
      throw new YuluError('invalid_argument', 'schedule needs a quote ID (1–100 characters)');
    const open = openDay(day);
    const fresh = freshQuote(quoteId, day, [day]);
    return this.write<ScheduleRecord>({
      context,
      request: { quoteId },
      entity: `day:${day}`,
      action: 'schedule',
      current: () => this.scheduled(day),
      refusal: () => this.scheduleRefusal([{ day, quoteId }], [day]),
      insert: (at) =>
        sql(
          `INSERT OR IGNORE INTO schedule (day, quote_id, version, updated_at, updated_by) SELECT ?, ?, 1, ?, ? WHERE NOT EXISTS (SELECT 1 FROM schedule WHERE day = ?) AND ${open.sql} AND ${fresh.sql}`,
          day,
          quoteId,
          at,
          context.actor,
          day,
          ...open.params,
          ...fresh.params,
        ),
      update: (at) =>
        sql(
          `UPDATE schedule SET quote_id = ?, version = version + 1, updated_at = ?, updated_by = ? WHERE day = ? AND version = ? AND ${open.sql} AND ${fresh.sql}`,
          quoteId,
          at,
          context.actor,
          day,
          context.expectedVersion,
          ...open.params,
          ...fresh.params,
        ),
      after: (at) => ({
        day,
        quoteId,
        ...nextVersion(context, at),
      }),
    });
  }

  /**
   * Clears a scheduled day so the daily plan flows back into it. The row stays with quote ID ''
   * and its version goes up (audited as `clear`); a day with nothing scheduled is a 400, a day
   * that has gone out a 409 `day_fixed`.
   */
  async clearSchedule(day: string, context: WriteContext): Promise<ScheduleRecord> {
    checkDay(day);
    const open = openDay(day);
    const current = await this.scheduled(day);
    if (
      context.expectedVersion === 0 ||
      (current?.version === context.expectedVersion && current.quoteId === CLEARED)
    )
      throw new YuluError(
        'invalid_argument',
        `nothing is scheduled on ${day}, so there is nothing to clear (the daily plan already chooses that day)`,
      );
    return this.write<ScheduleRecord>({
      context,
      request: { clear: true },
      entity: `day:${day}`,
      action: 'clear',
      current: () => this.scheduled(day),
      refusal: () => this.scheduleRefusal([], [day]),
      insert: () => {
        throw new YuluError('invalid_argument', `nothing is scheduled on ${day}`);
      },
      update: (at) =>
        sql(
          `UPDATE schedule SET quote_id = '', version = version + 1, updated_at = ?, updated_by = ? WHERE day = ? AND version = ? AND quote_id <> '' AND ${open.sql}`,
          at,
          context.actor,
          day,
          context.expectedVersion,
          ...open.params,
        ),
      after: (at) => ({
        day,
        quoteId: CLEARED,
        ...nextVersion(context, at),
      }),
    });
  }

  /**
   * Exchanges two days' quotes in one transaction: `first.day` gets `second.quoteId` and the
   * other way round. Each side names the quote the editor saw there (scheduled, or the daily
   * plan's automatic pick, which the swap then pins) and the version of the day's row they read
   * (0: no row). A scheduled day whose quote is not the one named, or any version that moved, is
   * a `version_conflict`; a day that has gone out is `day_fixed`; a quote that would come back
   * within 60 days of another published or scheduled day is `daily_repeat`. Two audit entries
   * (action `swap`), one idempotency record; nothing is written unless everything holds.
   */
  async swapSchedule(
    first: SwapSide,
    second: SwapSide,
    context: Omit<WriteContext, 'expectedVersion'> & {
      /**
       * What else must hold, checked after a retry was recognised (so a replay never fails
       * it): the desk compares the plan's automatic picks with what the editor saw.
       */
      precondition?: () => Promise<YuluError | null>;
    },
  ): Promise<[ScheduleRecord, ScheduleRecord]> {
    checkSwap(first, second, context.actor);
    const days = [first.day, second.day];
    const entity = `swap:${first.day}:${second.day}`;
    const fingerprint = context.idempotencyKey
      ? await requestFingerprint('swap', entity, first.expectedVersion, [first, second])
      : null;
    const replay = await this.replayed<[ScheduleRecord, ScheduleRecord]>(
      context.idempotencyKey,
      fingerprint,
    );
    if (replay) return replay;

    const moves: SwapMove[] = [
      { side: first, quoteId: second.quoteId },
      { side: second, quoteId: first.quoteId },
    ];
    const placed = moves.map((m) => ({ day: m.side.day, quoteId: m.quoteId }));
    const refused =
      (await this.scheduleRefusal(placed, days)) ??
      (await this.staleSwap(moves)) ??
      (await context.precondition?.());
    if (refused) throw refused;

    const at = this.now().toISOString();
    const befores = await Promise.all(moves.map((m) => this.scheduled(m.side.day)));
    const afters = moves.map(({ side, quoteId }) => ({
      day: side.day,
      quoteId,
      ...nextVersion({ expectedVersion: side.expectedVersion, actor: context.actor }, at),
    })) as [ScheduleRecord, ScheduleRecord];
    const statements = swapStatements(moves, befores, afters, { at, actor: context.actor, days });
    if (context.idempotencyKey)
      statements.push(
        sql(
          'INSERT INTO idempotency (key, result, at, request_hash) SELECT ?, ?, ?, ? WHERE changes() = 1',
          context.idempotencyKey,
          JSON.stringify(afters),
          at,
          fingerprint,
        ),
      );
    const results = await this.guard(() => this.db.batch(statements));
    if (results[0]?.changes !== 1 || results[2]?.changes !== 1) {
      const replayNow = await this.replayed<[ScheduleRecord, ScheduleRecord]>(
        context.idempotencyKey,
        fingerprint,
      );
      if (replayNow) return replayNow;
      throw (
        (await this.scheduleRefusal(placed, days)) ??
        (await this.staleSwap(moves)) ??
        conflict(`day:${first.day}`, first.expectedVersion, first.expectedVersion + 1)
      );
    }
    return afters;
  }

  /**
   * A `version_conflict` when a swapped day's row moved since the editor read it, or a
   * scheduled day no longer holds the quote the editor saw there; null when both still hold.
   */
  private async staleSwap(moves: readonly SwapMove[]): Promise<YuluError | null> {
    for (const { side } of moves) {
      const row = await this.scheduled(side.day);
      const version = row?.version ?? 0;
      if (version !== side.expectedVersion)
        return conflict(`day:${side.day}`, side.expectedVersion, version);
      if (row && row.quoteId !== CLEARED && row.quoteId !== side.quoteId)
        return new YuluError(
          'version_conflict',
          `day:${side.day} holds ${row.quoteId}, not ${side.quoteId}; reload and swap again`,
        );
    }
    return null;
  }

  /**
   * Why these schedule changes may not happen, or null: a day that has gone out (before today in
   * Asia/Shanghai, or published) is `day_fixed`; a quote placed on a day fewer than 60 days from
   * another published or scheduled day holding it (days in `except` aside) is `daily_repeat`.
   */
  private async scheduleRefusal(
    placed: readonly { day: string; quoteId: string }[],
    touched: readonly string[],
  ): Promise<YuluError | null> {
    const today = todayInShanghai(this.now());
    for (const day of touched) {
      if (day < today)
        return new YuluError(
          'day_fixed',
          `${day} has gone out (today is ${today} in Asia/Shanghai) and is fixed; change today or a later day that has not gone out`,
        );
      if ((await this.published(day, day)).length)
        return new YuluError(
          'day_fixed',
          `${day} has gone out (it was published) and is fixed; change a later day`,
        );
    }
    for (const { day, quoteId } of placed) {
      const near = await this.usesNear(quoteId, day, touched);
      if (near.length)
        return new YuluError(
          'daily_repeat',
          `${quoteId} is already on ${near.map((n) => `${n.day}${n.published ? ' (published)' : ''}`).join(', ')}; a quote comes back only after ${NO_REPEAT_DAYS} days, so choose another quote or a day at least ${NO_REPEAT_DAYS} days away`,
        );
    }
    return null;
  }

  erratum(quoteId: string): Promise<ErratumRecord | null> {
    return this.quoteRowOf('errata', quoteId, toErratum);
  }

  errata(): Promise<ErratumRecord[]> {
    return this.quoteRows('errata', toErratum);
  }

  /** A reviewed correction kept beside the original; a reason is required. */
  async setErratum(
    quoteId: string,
    change: { corrected: string; reason: string },
    context: WriteContext,
  ): Promise<ErratumRecord> {
    if (!change.reason.trim()) throw new YuluError('invalid_argument', 'an erratum needs a reason');
    if (!change.corrected.trim())
      throw new YuluError('invalid_argument', 'an erratum needs the corrected text');
    assertCardText(change.corrected, 'the corrected text');
    assertCardText(change.reason, 'the reason');
    return this.writeQuoteRow(QUOTE_ROWS.erratum, quoteId, change, context, () =>
      this.erratum(quoteId),
    );
  }

  async trim(quoteId: string): Promise<TrimRecord | null> {
    const [row] = await this.read(() =>
      this.db.all('SELECT * FROM trims WHERE quote_id = ?', [quoteId]),
    );
    return row
      ? {
          quoteId: str(row.quote_id),
          parentId: str(row.parent_id),
          source: str(row.source),
          paragraph: str(row.paragraph),
          span: [num(row.span_start), num(row.span_end)],
          text: str(row.text),
          createdAt: str(row.created_at),
          createdBy: str(row.created_by),
        }
      : null;
  }

  /**
   * Records an editor's trim. Its ID comes from the catalog's rule, so a trim is immutable and
   * creating the same one twice is the same record (no version needed).
   */
  async createTrim(
    trim: Omit<TrimRecord, 'createdAt' | 'createdBy'>,
    actor: string,
  ): Promise<TrimRecord> {
    const at = this.now().toISOString();
    const record: TrimRecord = { ...trim, createdAt: at, createdBy: actor };
    const [inserted] = await this.guard(() =>
      this.db.batch([
        sql(
          'INSERT INTO trims (quote_id, parent_id, source, paragraph, span_start, span_end, text, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (quote_id) DO NOTHING',
          trim.quoteId,
          trim.parentId,
          trim.source,
          trim.paragraph,
          trim.span[0],
          trim.span[1],
          trim.text,
          at,
          actor,
        ),
        sql(
          'INSERT INTO audit (at, actor, action, entity, before, after) SELECT ?, ?, ?, ?, NULL, ? WHERE changes() = 1',
          at,
          actor,
          'trim',
          `quote:${trim.quoteId}`,
          JSON.stringify(record),
        ),
      ]),
    );
    return inserted?.changes === 1 ? record : ((await this.trim(trim.quoteId)) ?? record);
  }

  /** The days that went out between `from` and `to` (both included), in day order. */
  async published(from: string, to: string): Promise<PublishedDay[]> {
    const rows = await this.read(() =>
      this.db.all('SELECT * FROM daily_published WHERE day >= ? AND day <= ? ORDER BY day', [
        from,
        to,
      ]),
    );
    return rows.map((r) => ({
      day: str(r.day),
      quoteId: str(r.quote_id),
      how: str(r.how) === 'scheduled' ? 'scheduled' : 'auto',
      publishedAt: str(r.published_at),
    }));
  }

  /**
   * Fixes days as they go out, in one transaction. A day already published keeps what it has
   * (the insert is ignored), so a job that runs twice, or two jobs at once, change nothing.
   * Returns the days this call published.
   */
  async publish(days: readonly Omit<PublishedDay, 'publishedAt'>[]): Promise<PublishedDay[]> {
    if (!days.length) return [];
    const at = this.now().toISOString();
    const results = await this.guard(() =>
      this.db.batch(
        days.map((d) =>
          sql(
            'INSERT INTO daily_published (day, quote_id, how, published_at) VALUES (?, ?, ?, ?) ON CONFLICT (day) DO NOTHING',
            d.day,
            d.quoteId,
            d.how,
            at,
          ),
        ),
      ),
    );
    return days.filter((_, i) => results[i]?.changes === 1).map((d) => ({ ...d, publishedAt: at }));
  }

  /**
   * Stores a new session under the SHA-256 of its cookie ID (see desk/session.ts) and prunes
   * expired and revoked ones, so the table holds live sessions only.
   */
  async createSession(session: StoredSession): Promise<void> {
    const at = this.now();
    await this.guard(() =>
      this.db.batch([
        sql('DELETE FROM sessions WHERE expires_at <= ? OR revoked_at IS NOT NULL', at.getTime()),
        sql(
          'INSERT INTO sessions (id_hash, editor, csrf, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
          session.idHash,
          session.editor,
          session.csrf,
          at.toISOString(),
          session.expires,
        ),
      ]),
    );
  }

  /** The live session with this ID hash: not expired, not revoked; otherwise null. */
  async session(idHash: string): Promise<StoredSession | null> {
    const [row] = await this.read(() =>
      this.db.all(
        'SELECT id_hash, editor, csrf, expires_at FROM sessions WHERE id_hash = ? AND revoked_at IS NULL AND expires_at > ?',
        [idHash, this.now().getTime()],
      ),
    );
    return row
      ? {
          idHash: String(row.id_hash),
          editor: String(row.editor),
          csrf: String(row.csrf),
          expires: Number(row.expires_at),
        }
      : null;
  }

  /** Ends one session (signing out): its cookie stops working on every device at once. */
  async revokeSession(idHash: string): Promise<void> {
    await this.guard(() =>
      this.db.batch([
        sql(
          'UPDATE sessions SET revoked_at = ? WHERE id_hash = ? AND revoked_at IS NULL',
          this.now().toISOString(),
          idHash,
        ),
      ]),
    );
  }

  /** Ends every session of an editor (a lost laptop, an editor removed); returns how many. */
  async revokeEditorSessions(editor: string): Promise<number> {
    const [result] = await this.guard(() =>
      this.db.batch([
        sql(
          'UPDATE sessions SET revoked_at = ? WHERE editor = ? AND revoked_at IS NULL',
          this.now().toISOString(),
          editor,
        ),
      ]),
    );
    return result?.changes ?? 0;
  }

  /**
   * A secret the service keeps for itself: made by `make` the first time it is asked for and the
   * same ever after, also when two processes ask at once (the first insert wins).
   */
  async keptSecret(name: string, make: () => string): Promise<string> {
    const [, [row] = []] = await this.guard(async () => {
      const results = await this.db.batch([
        sql(
          'INSERT INTO secrets (name, value, created_at) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING',
          name,
          make(),
          this.now().toISOString(),
        ),
        sql('SELECT value FROM secrets WHERE name = ?', name),
      ]);
      return results.map((r) => r.rows);
    });
    if (!row) throw new YuluError('store_unavailable', `the secret "${name}" could not be kept`);
    return String(row.value);
  }

  async audit(limit = 100): Promise<AuditEntry[]> {
    const rows = await this.read(() =>
      this.db.all('SELECT * FROM audit ORDER BY seq DESC LIMIT ?', [limit]),
    );
    return rows.map(toAuditEntry);
  }

  /**
   * A page of the audit log, newest first: entries older than `before` (a seq), at most `limit`,
   * optionally only one editor's, only those touching one quote (its status, erratum, trims, and
   * the days it was scheduled on), or only those made on a day (UTC date) or about that day.
   */
  async auditPage(filter: AuditFilter = {}): Promise<AuditEntry[]> {
    const where: string[] = [];
    const params: SqlValue[] = [];
    if (filter.before !== undefined) {
      where.push('seq < ?');
      params.push(filter.before);
    }
    if (filter.actor) {
      where.push('actor = ?');
      params.push(filter.actor);
    }
    if (filter.quoteId) {
      const like = `%"${filter.quoteId.replace(/[%_"\\]/g, '')}"%`;
      where.push('(entity IN (?, ?) OR after LIKE ? OR before LIKE ?)');
      params.push(`quote:${filter.quoteId}`, `erratum:${filter.quoteId}`, like, like);
    }
    if (filter.day) {
      where.push('(substr(at, 1, 10) = ? OR entity = ?)');
      params.push(filter.day, `day:${filter.day}`);
    }
    params.push(Math.min(Math.max(filter.limit ?? 50, 1), 500));
    const rows = await this.read(() =>
      this.db.all(
        `SELECT * FROM audit${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT ?`,
        params,
      ),
    );
    return rows.map(toAuditEntry);
  }

  /** Everyone who has written to the log, by name. */
  async auditActors(): Promise<string[]> {
    const rows = await this.read(() =>
      this.db.all('SELECT DISTINCT actor FROM audit ORDER BY actor'),
    );
    return rows.map((r) => String(r.actor));
  }

  /** The named editors of this store (migration 0016). */
  editors(): EditorDirectory {
    return new EditorDirectory(this.db, this.now, (op) => this.guard(op));
  }

  /** One quote's row of `table`, or null. */
  private async quoteRowOf<T>(
    table: 'quote_status' | 'errata',
    quoteId: string,
    to: (row: Record<string, SqlValue>) => T,
  ): Promise<T | null> {
    const [row] = await this.read(() =>
      this.db.all(`SELECT * FROM ${table} WHERE quote_id = ?`, [quoteId]),
    );
    return row ? to(row) : null;
  }

  /** Every row of `table`, by quote ID. */
  private async quoteRows<T>(
    table: 'quote_status' | 'errata',
    to: (row: Record<string, SqlValue>) => T,
  ): Promise<T[]> {
    return (await this.read(() => this.db.all(`SELECT * FROM ${table} ORDER BY quote_id`))).map(to);
  }

  /** A versioned write of one quote's row (its status, its erratum): `change` sets `row.columns`. */
  private writeQuoteRow<C extends Record<string, string>>(
    row: {
      table: 'quote_status' | 'errata';
      action: string;
      entity: string;
      columns: readonly (keyof C & string)[];
    },
    quoteId: string,
    change: C,
    context: WriteContext,
    current: () => Promise<QuoteRow<C> | null>,
  ): Promise<QuoteRow<C>> {
    const values = row.columns.map((column) => change[column] as string);
    const columns = row.columns.join(', ');
    const marks = row.columns.map(() => '?').join(', ');
    const sets = row.columns.map((column) => `${column} = ?`).join(', ');
    return this.write<QuoteRow<C>>({
      context,
      request: change,
      entity: `${row.entity}:${quoteId}`,
      action: row.action,
      current,
      insert: (at) =>
        sql(
          `INSERT INTO ${row.table} (quote_id, ${columns}, version, updated_at, updated_by) VALUES (?, ${marks}, 1, ?, ?) ON CONFLICT (quote_id) DO NOTHING`,
          quoteId,
          ...values,
          at,
          context.actor,
        ),
      update: (at) =>
        sql(
          `UPDATE ${row.table} SET ${sets}, version = version + 1, updated_at = ?, updated_by = ? WHERE quote_id = ? AND version = ?`,
          ...values,
          at,
          context.actor,
          quoteId,
          context.expectedVersion,
        ),
      after: (at) => ({ quoteId, ...change, ...nextVersion(context, at) }),
    });
  }

  /** The shared shape of every versioned write. */
  private async write<T extends { version: number }>(plan: {
    context: WriteContext;
    /** What was asked for: with the action, record and version, the key's fingerprint. */
    request: unknown;
    entity: string;
    action: string;
    current: () => Promise<T | null>;
    /** A rule the write must keep (checked before, and after a batch that changed nothing). */
    refusal?: () => Promise<YuluError | null>;
    insert: (at: string) => SqlStatement;
    update: (at: string) => SqlStatement;
    after: (at: string) => T;
  }): Promise<T> {
    const { context } = plan;
    if (!context.actor) throw new YuluError('invalid_argument', 'a write needs an actor');
    if (!Number.isInteger(context.expectedVersion) || context.expectedVersion < 0)
      throw new YuluError(
        'invalid_argument',
        'expectedVersion must be a whole number ≥ 0 (0 for a new record)',
      );

    const fingerprint = context.idempotencyKey
      ? await requestFingerprint(plan.action, plan.entity, context.expectedVersion, plan.request)
      : null;
    const replay = await this.replayed<T>(context.idempotencyKey, fingerprint);
    if (replay) return replay;

    const refused = await plan.refusal?.();
    if (refused) throw refused;
    const before = await plan.current();
    const currentVersion = before ? before.version : 0;
    if (currentVersion !== context.expectedVersion)
      throw conflict(plan.entity, context.expectedVersion, currentVersion);

    const at = this.now().toISOString();
    const after = plan.after(at);
    const statements: SqlStatement[] = [
      context.expectedVersion === 0 ? plan.insert(at) : plan.update(at),
      sql(
        'INSERT INTO audit (at, actor, action, entity, before, after) SELECT ?, ?, ?, ?, ?, ? WHERE changes() = 1',
        at,
        context.actor,
        plan.action,
        plan.entity,
        before === null ? null : JSON.stringify(before),
        JSON.stringify(after),
      ),
    ];
    if (context.idempotencyKey)
      statements.push(
        sql(
          'INSERT INTO idempotency (key, result, at, request_hash) SELECT ?, ?, ?, ? WHERE changes() = 1',
          context.idempotencyKey,
          JSON.stringify(after),
          at,
          fingerprint,
        ),
      );
    const results = await this.guard(() => this.db.batch(statements));
    if (results[0]?.changes !== 1) {
      // Someone else wrote first. A concurrent retry of this very write is not a conflict.
      const replayNow = await this.replayed<T>(context.idempotencyKey, fingerprint);
      if (replayNow) return replayNow;
      const refusedNow = await plan.refusal?.();
      if (refusedNow) throw refusedNow;
      const now = await plan.current();
      throw conflict(
        plan.entity,
        context.expectedVersion,
        now ? (now as { version: number }).version : 0,
      );
    }
    return after;
  }

  /**
   * The first result of a write made with `key`, or null. A key already used for other content
   * (another record, action, version or value: an editor went Back, changed the form and sent
   * it again) is a 422 `idempotency_mismatch`, never a silent "done" that applied nothing.
   */
  private async replayed<T>(
    key: string | undefined,
    fingerprint: string | null,
  ): Promise<T | null> {
    if (!key) return null;
    const [row] = await this.read(() =>
      this.db.all('SELECT result, request_hash FROM idempotency WHERE key = ?', [key]),
    );
    if (!row) return null;
    if (row.request_hash !== null && fingerprint !== null && row.request_hash !== fingerprint)
      throw new YuluError(
        'idempotency_mismatch',
        'this form was already submitted with different content, so your change was not applied; reload the page and submit it again',
      );
    return JSON.parse(String(row.result)) as T;
  }

  private read<T>(query: () => Promise<T>): Promise<T> {
    return this.guard(query);
  }

  /** Store failures become a clear 503, never a crash; nothing is half-applied (one transaction). */
  private async guard<T>(operation: () => Promise<T>): Promise<T> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new YuluError(
              'store_unavailable',
              `the editorial database did not answer within ${this.timeoutMs} ms`,
            ),
          ),
        this.timeoutMs,
      );
    });
    try {
      return await Promise.race([operation(), timeout]);
    } catch (cause) {
      if (cause instanceof YuluError) throw cause;
      const message = (cause as Error).message ?? String(cause);
      const missing = /no such table/i.test(message);
      throw new YuluError(
        'store_unavailable',
        missing
          ? `the editorial database is not migrated (${message}); apply migrations/ first`
          : `the editorial database failed: ${message}`,
        { cause },
      );
    } finally {
      clearTimeout(timer);
    }
  }
}

export const STORE_TIMEOUT_MS = 5_000;

/** The quote ID of a cleared day's row. */
const CLEARED = '';

/** One side of a swap: the day, the quote the editor saw there, the version of its row read. */
export interface SwapSide {
  day: string;
  quoteId: string;
  expectedVersion: number;
}

/** One side of a swap and the quote it receives from the other side. */
interface SwapMove {
  side: SwapSide;
  quoteId: string;
}

/** A swap's arguments are well formed: two different real days, quotes named, versions ≥ 0. */
function checkSwap(first: SwapSide, second: SwapSide, actor: string): void {
  checkDay(first.day);
  checkDay(second.day);
  if (first.day === second.day)
    throw new YuluError('invalid_argument', 'a swap needs two different days');
  for (const side of [first, second]) {
    if (!side.quoteId.trim() || side.quoteId.length > 100)
      throw new YuluError('invalid_argument', `a swap needs the quote shown on ${side.day}`);
    if (!Number.isInteger(side.expectedVersion) || side.expectedVersion < 0)
      throw new YuluError('invalid_argument', 'expectedVersion must be a whole number ≥ 0');
  }
  if (!actor) throw new YuluError('invalid_argument', 'a write needs an actor');
}

/**
 * Both days' writes and audit entries. Every condition for both days sits in the first write;
 * each later statement runs only when the one before changed a row, so the batch applies
 * everything or nothing.
 */
function swapStatements(
  moves: readonly SwapMove[],
  befores: readonly (ScheduleRecord | null)[],
  afters: readonly ScheduleRecord[],
  write: { at: string; actor: string; days: readonly string[] },
): SqlStatement[] {
  const { at, actor, days } = write;
  const guards: { sql: string; params: SqlValue[] }[] = [];
  for (const { side, quoteId } of moves) {
    guards.push(openDay(side.day), freshQuote(quoteId, side.day, days));
    guards.push({
      sql: "COALESCE((SELECT version FROM schedule WHERE day = ?), 0) = ? AND NOT EXISTS (SELECT 1 FROM schedule WHERE day = ? AND quote_id NOT IN ('', ?))",
      params: [side.day, side.expectedVersion, side.day, side.quoteId],
    });
  }
  const allGuards = guards.map((g) => g.sql).join(' AND ');
  const guardParams = guards.flatMap((g) => g.params);
  const statements: SqlStatement[] = [];
  moves.forEach(({ side, quoteId }, i) => {
    const condition = i === 0 ? allGuards : 'changes() = 1';
    const params = i === 0 ? guardParams : [];
    statements.push(
      side.expectedVersion === 0
        ? sql(
            `INSERT OR IGNORE INTO schedule (day, quote_id, version, updated_at, updated_by) SELECT ?, ?, 1, ?, ? WHERE ${condition}`,
            side.day,
            quoteId,
            at,
            actor,
            ...params,
          )
        : sql(
            `UPDATE schedule SET quote_id = ?, version = version + 1, updated_at = ?, updated_by = ? WHERE day = ? AND version = ? AND ${condition}`,
            quoteId,
            at,
            actor,
            side.day,
            side.expectedVersion,
            ...params,
          ),
      sql(
        'INSERT INTO audit (at, actor, action, entity, before, after) SELECT ?, ?, ?, ?, ?, ? WHERE changes() = 1',
        at,
        actor,
        'swap',
        `day:${side.day}`,
        befores[i] ? JSON.stringify(befores[i]) : null,
        JSON.stringify(afters[i]),
      ),
    );
  });
  return statements;
}

function checkDay(day: string): void {
  if (!isCalendarDay(day))
    throw new YuluError(
      'invalid_argument',
      `day must be a real calendar date like 2026-11-23, got "${day.slice(0, 40)}"`,
    );
}

/** The days strictly between which another use of a quote on `day` would be a repeat. */
function repeatWindow(day: string): [string, string] {
  const at = Date.parse(`${day}T00:00:00Z`);
  const shift = (days: number) => new Date(at + days * 86_400_000).toISOString().slice(0, 10);
  return [shift(-NO_REPEAT_DAYS), shift(NO_REPEAT_DAYS)];
}

/** SQL: the day has not been published (the past is refused before any SQL runs). */
function openDay(day: string): { sql: string; params: SqlValue[] } {
  return { sql: 'NOT EXISTS (SELECT 1 FROM daily_published WHERE day = ?)', params: [day] };
}

/** SQL: `quoteId` is on no other published or scheduled day near `day` (days in `except` aside). */
function freshQuote(
  quoteId: string,
  day: string,
  except: readonly string[],
): { sql: string; params: SqlValue[] } {
  const [from, to] = repeatWindow(day);
  const others = except.map(() => '?').join(', ');
  return {
    sql: `NOT EXISTS (SELECT 1 FROM schedule WHERE quote_id = ? AND day > ? AND day < ? AND day NOT IN (${others}) AND day NOT IN (SELECT day FROM daily_published)) AND NOT EXISTS (SELECT 1 FROM daily_published WHERE quote_id = ? AND day > ? AND day < ? AND day NOT IN (${others}))`,
    params: [quoteId, from, to, ...except, quoteId, from, to, ...except],
  };
}

function conflict(entity: string, expected: number, current: number): YuluError {
  return new YuluError(
    'version_conflict',
    `${entity} was changed by someone else: you edited version ${expected}, it is now at version ${current}; reload and apply your change again`,
  );
}

const str = (v: SqlValue | undefined) => String(v ?? '');
const num = (v: SqlValue | undefined) => Number(v ?? 0);

/** A quote's editorial row as written: its key, the change, and the version columns. */
type QuoteRow<C> = { quoteId: string } & C & {
    version: number;
    updatedAt: string;
    updatedBy: string;
  };

/**
 * The quote-keyed rows a desk write sets, and the columns in the order they are set. Table and
 * column names are these constants, never input.
 */
const QUOTE_ROWS = {
  status: {
    table: 'quote_status',
    action: 'set-status',
    entity: 'quote',
    columns: ['status', 'note'],
  },
  erratum: {
    table: 'errata',
    action: 'set-erratum',
    entity: 'erratum',
    columns: ['corrected', 'reason'],
  },
} as const;

/** The version columns of a row a write at `at` leaves behind: one past the version the editor read. */
function nextVersion(
  context: Pick<WriteContext, 'expectedVersion' | 'actor'>,
  at: string,
): { version: number; updatedAt: string; updatedBy: string } {
  return { version: context.expectedVersion + 1, updatedAt: at, updatedBy: context.actor };
}

/** The version columns every editorial row carries: its version and who changed it when. */
function versionOf(r: Record<string, SqlValue>): {
  version: number;
  updatedAt: string;
  updatedBy: string;
} {
  return { version: num(r.version), updatedAt: str(r.updated_at), updatedBy: str(r.updated_by) };
}

function toStatus(r: Record<string, SqlValue>): StatusRecord {
  return {
    quoteId: str(r.quote_id),
    status: str(r.status) as QuoteStatus,
    note: str(r.note),
    ...versionOf(r),
  };
}

function toSchedule(r: Record<string, SqlValue>): ScheduleRecord {
  return {
    day: str(r.day),
    quoteId: str(r.quote_id),
    ...versionOf(r),
  };
}

function toErratum(r: Record<string, SqlValue>): ErratumRecord {
  return {
    quoteId: str(r.quote_id),
    corrected: str(r.corrected),
    reason: str(r.reason),
    ...versionOf(r),
  };
}

function toAuditEntry(r: Record<string, SqlValue>): AuditEntry {
  return {
    seq: Number(r.seq),
    at: String(r.at),
    actor: String(r.actor),
    action: String(r.action),
    entity: String(r.entity),
    before: r.before === null ? null : (JSON.parse(String(r.before)) as unknown),
    after: r.after === null ? null : (JSON.parse(String(r.after)) as unknown),
  };
}

/** A real calendar date in YYYY-MM-DD (2026-02-31 is not one). */
export function isCalendarDay(day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
}

/** SHA-256 of what a write asked for: action, record, version read and the values sent. */
export async function requestFingerprint(
  action: string,
  entity: string,
  expectedVersion: number,
  request: unknown,
): Promise<string> {
  const text = JSON.stringify([action, entity, expectedVersion, request]);
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return base64url(new Uint8Array(digest));
}
