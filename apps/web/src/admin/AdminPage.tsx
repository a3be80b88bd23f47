// Administration: accounts, API keys (secret shown once), and the model with retraining progress.

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiKeyScope, ApiKeyView, Role, UserAdminView } from '@unani/contracts';
import { API_KEY_DEFAULT_DAYS, roles, scopesOfRole } from '@unani/contracts';
import { routes } from '@unani/contracts/routes';
import { type FormEvent, useState } from 'react';
import { api } from '../api/client.ts';
import { useSession } from '../auth/session.tsx';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { TableScroll } from '../components/TableScroll.tsx';
import { useTranslation } from '../i18n/i18n.ts';
import { useFormat } from '../i18n/useFormat.ts';

type UserRow = UserAdminView;
const TRAINING_POLL_MS = 1000;

function Users() {
  const { user: me } = useSession();
  const { t } = useTranslation();
  const client = useQueryClient();
  const users = useQuery({
    queryKey: ['admin-users'],
    queryFn: () => api(routes.listUsers, { query: { limit: 100 } }),
  });
  const [form, setForm] = useState({ email: '', name: '', role: 'practitioner' as Role, password: '' });
  const create = useMutation({
    mutationFn: () => api(routes.createUser, { body: form }),
    onSuccess: () => {
      setForm({ email: '', name: '', role: 'practitioner', password: '' });
      void client.invalidateQueries({ queryKey: ['admin-users'] });
    },
  });
  const toggle = useMutation({
    mutationFn: (u: UserRow) => api(routes.updateUser, { params: { id: u.id }, body: { disabled: !u.disabled } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['admin-users'] }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <section aria-label={t('admin.accounts')}>
      <h2>{t('admin.accounts')}</h2>
      <ErrorMessage error={users.error ?? toggle.error} />
      <TableScroll label={t('admin.accounts')}>
        <table>
          <thead>
            <tr>
              <th>{t('admin.name')}</th>
              <th>{t('admin.email')}</th>
              <th>{t('admin.role')}</th>
              <th>{t('admin.state')}</th>
              <th>
                <span className="visually-hidden">{t('admin.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {users.data?.items.map((u) => (
              <tr key={u.id}>
                <td>{u.name}</td>
                <td>{u.email}</td>
                <td>{t(`admin.roles.${u.role}`)}</td>
                <td>
                  {u.disabled
                    ? t('admin.disabled')
                    : u.lockedUntil && new Date(u.lockedUntil) > new Date()
                      ? t('admin.locked')
                      : t('admin.active')}
                </td>
                <td>
                  {/* An admin cannot disable their own account (the server refuses it too). */}
                  {u.id === me?.id ? (
                    <span className="muted">{t('admin.you')}</span>
                  ) : (
                    <button type="button" className="small" onClick={() => toggle.mutate(u)}>
                      {u.disabled ? t('admin.enable') : t('admin.disable')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <form className="card" onSubmit={submit} aria-label={t('admin.newAccount')}>
        <h3>{t('admin.newAccount')}</h3>
        <div className="grid-2">
          <label>
            {t('admin.name')}
            <input required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
          </label>
          <label>
            {t('admin.email')}
            <input
              type="email"
              required
              value={form.email}
              onChange={(e) => setForm({ ...form, email: e.target.value })}
            />
          </label>
          <label>
            {t('admin.role')}
            <select value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as Role })}>
              {roles.map((r) => (
                <option key={r} value={r}>
                  {t(`admin.roles.${r}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('admin.password')}
            <input
              type="password"
              minLength={12}
              required
              value={form.password}
              onChange={(e) => setForm({ ...form, password: e.target.value })}
            />
          </label>
        </div>
        <ErrorMessage error={create.error} />
        <button type="submit" className="primary" disabled={create.isPending}>
          {t('admin.createAccount')}
        </button>
      </form>
    </section>
  );
}

/** Lifetimes offered for a new key, in days; the API allows up to API_KEY_MAX_DAYS. */
const KEY_LIFETIMES = [30, 90, 180, API_KEY_DEFAULT_DAYS, 730];

function ApiKeys() {
  const { t } = useTranslation();
  const format = useFormat();
  const client = useQueryClient();
  const keys = useQuery({
    queryKey: ['admin-keys'],
    queryFn: () => api(routes.listApiKeys, { query: { limit: 100 } }),
  });
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ApiKeyScope[]>(['knowledge:read']);
  const [expiresInDays, setExpiresInDays] = useState(API_KEY_DEFAULT_DAYS);
  const [secret, setSecret] = useState<string>();
  const create = useMutation({
    mutationFn: () => api(routes.createApiKey, { body: { name, scopes, expiresInDays } }),
    onSuccess: (created) => {
      setSecret(created.key);
      setName('');
      void client.invalidateQueries({ queryKey: ['admin-keys'] });
    },
  });
  const keyState = (k: ApiKeyView) =>
    k.revokedAt ? t('admin.revoked') : Date.parse(k.expiresAt) <= Date.now() ? t('admin.expired') : t('admin.active');
  const revoke = useMutation({
    mutationFn: (id: string) => api(routes.revokeApiKey, { params: { id } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['admin-keys'] }),
  });
  return (
    <section aria-label={t('admin.apiKeys')}>
      <h2>{t('admin.apiKeys')}</h2>
      {secret && (
        <div className="warning" role="status">
          <p>{t('admin.copyNow')}</p>
          <label>
            {t('admin.keyShownOnce')}
            <input readOnly value={secret} onFocus={(e) => e.target.select()} />
          </label>
          <button type="button" className="small" onClick={() => setSecret(undefined)}>
            {t('admin.copiedIt')}
          </button>
        </div>
      )}
      <ErrorMessage error={keys.error ?? revoke.error} />
      <TableScroll label={t('admin.apiKeys')}>
        <table>
          <thead>
            <tr>
              <th>{t('admin.name')}</th>
              <th>{t('admin.scopes')}</th>
              <th>{t('admin.lastUsed')}</th>
              <th>{t('admin.expires')}</th>
              <th>{t('admin.state')}</th>
              <th>
                <span className="visually-hidden">{t('admin.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {keys.data?.items.map((k) => (
              <tr key={k.id}>
                <td>
                  {k.name} <span className="muted">ucdss_{k.prefix}_…</span>
                </td>
                <td>{k.scopes.join(', ')}</td>
                <td>{k.lastUsedAt ? format.dateTime(k.lastUsedAt) : t('admin.never')}</td>
                <td>{format.date(k.expiresAt)}</td>
                <td>{keyState(k)}</td>
                <td>
                  {!k.revokedAt && (
                    <button type="button" className="small danger" onClick={() => revoke.mutate(k.id)}>
                      {t('admin.revoke')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <form
        className="card"
        aria-label={t('admin.newKey')}
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <h3>{t('admin.newKey')}</h3>
        <label>
          {t('admin.keyName')}
          <input
            required
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder={t('admin.keyPlaceholder')}
          />
        </label>
        <fieldset>
          <legend>{t('admin.scopes')}</legend>
          {/* The key is the admin's own: only the scopes an admin may hold (a practitioner's fhir:read key is issued
              for that account, with ownerId, through the API). */}
          {scopesOfRole('admin').map((s) => (
            <label key={s} className="row">
              <input
                type="checkbox"
                checked={scopes.includes(s)}
                onChange={(e) => setScopes(e.target.checked ? [...scopes, s] : scopes.filter((x) => x !== s))}
              />
              {s}
            </label>
          ))}
        </fieldset>
        <label>
          {t('admin.expiresIn')}
          <select value={expiresInDays} onChange={(e) => setExpiresInDays(Number(e.target.value))}>
            {KEY_LIFETIMES.map((n) => (
              <option key={n} value={n}>
                {t('admin.days', { n })}
              </option>
            ))}
          </select>
        </label>
        <ErrorMessage error={create.error} />
        <button type="submit" className="primary" disabled={create.isPending || scopes.length === 0}>
          {t('admin.createKey')}
        </button>
      </form>
    </section>
  );
}

function Model() {
  const { t } = useTranslation();
  const format = useFormat();
  const client = useQueryClient();
  const info = useQuery({
    queryKey: ['admin-model'],
    queryFn: () => api(routes.getModel),
    refetchInterval: (q) => (q.state.data?.training.status === 'training' ? TRAINING_POLL_MS : false),
  });
  const retrain = useMutation({
    mutationFn: () => api(routes.retrainModel),
    onSuccess: (data) => client.setQueryData(['admin-model'], data),
  });
  const m = info.data?.current;
  const training = info.data?.training;
  const metric = (key: string) => {
    const v = m?.metrics[key];
    return typeof v === 'number' ? v.toFixed(3) : '—';
  };
  return (
    <section aria-label={t('admin.model')}>
      <h2>{t('admin.model')}</h2>
      <ErrorMessage error={info.error ?? retrain.error} />
      {m ? (
        <p>
          {t('admin.version')} <strong>{m.version}</strong>{' '}
          {t('admin.modelDetail', {
            backend: m.backend,
            date: format.dateTime(m.createdAt),
            top1: metric('top1'),
            top3: metric('top3'),
            ece: metric('ece'),
          })}
        </p>
      ) : (
        <p className="muted">{t('admin.noModel')}</p>
      )}
      {training?.status === 'training' && (
        <p role="status">
          {t('admin.training')}{' '}
          {training.jobStatus === 'queued' ? t('admin.queued') : (training.stage ?? t('admin.starting'))}{' '}
          {training.total ? `${training.done ?? 0}/${training.total}` : ''}{' '}
          <progress value={training.done ?? 0} max={training.total ?? 1} />
        </p>
      )}
      {training?.status === 'done' && <p role="status">{t('admin.retrained', { n: training.confirmedCases ?? 0 })}</p>}
      {training?.status === 'failed' && <p className="error">{t('admin.failed', { error: training.error })}</p>}
      {training?.status === 'rejected' && training.evaluation && (
        <p role="status">
          {t('admin.rejected', {
            top1: training.evaluation.candidate.top1.toFixed(3),
            top3: training.evaluation.candidate.top3.toFixed(3),
            currentTop1: training.evaluation.current?.top1.toFixed(3) ?? '—',
            currentTop3: training.evaluation.current?.top3.toFixed(3) ?? '—',
          })}
        </p>
      )}
      <button
        type="button"
        className="primary"
        onClick={() => retrain.mutate()}
        disabled={training?.status === 'training' || training?.status === 'unavailable'}
      >
        {t('admin.retrain')}
      </button>
    </section>
  );
}

export function AdminPage() {
  const { t } = useTranslation();
  return (
    <section>
      <h1>{t('admin.title')}</h1>
      <Model />
      <Users />
      <ApiKeys />
    </section>
  );
}
