// Administration: accounts, API keys (secret shown once), and the model with retraining progress.

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiKeyView, ModelInfo, Role } from '@unani/contracts';
import { apiKeyScopes, roles } from '@unani/contracts';
import { type FormEvent, useState } from 'react';
import { get, patch, post } from '../api/client.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';

type UserRow = {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  lockedUntil: string | null;
  createdAt: string;
};
const TRAINING_POLL_MS = 1000;

function Users() {
  const client = useQueryClient();
  const users = useQuery({
    queryKey: ['admin-users'],
    queryFn: () => get<{ items: UserRow[] }>('/api/v1/admin/users?limit=100'),
  });
  const [form, setForm] = useState({ email: '', name: '', role: 'practitioner' as Role, password: '' });
  const create = useMutation({
    mutationFn: () => post<UserRow>('/api/v1/admin/users', form),
    onSuccess: () => {
      setForm({ email: '', name: '', role: 'practitioner', password: '' });
      void client.invalidateQueries({ queryKey: ['admin-users'] });
    },
  });
  const toggle = useMutation({
    mutationFn: (u: UserRow) => patch<UserRow>(`/api/v1/admin/users/${u.id}`, { disabled: !u.disabled }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['admin-users'] }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <section aria-label="Accounts">
      <h2>Accounts</h2>
      <ErrorMessage error={users.error ?? toggle.error} />
      <table>
        <thead>
          <tr>
            <th>Name</th>
            <th>Email</th>
            <th>Role</th>
            <th>State</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {users.data?.items.map((u) => (
            <tr key={u.id}>
              <td>{u.name}</td>
              <td>{u.email}</td>
              <td>{u.role}</td>
              <td>
                {u.disabled ? 'disabled' : u.lockedUntil && new Date(u.lockedUntil) > new Date() ? 'locked' : 'active'}
              </td>
              <td>
                <button type="button" className="small" onClick={() => toggle.mutate(u)}>
                  {u.disabled ? 'Enable' : 'Disable'}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="card" onSubmit={submit} aria-label="New account">
        <h3>New account</h3>
        <div className="grid-2">
          <label>
            Name
            <input required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
          </label>
          <label>
            Email
            <input
              type="email"
              required
              value={form.email}
              onChange={(e) => setForm({ ...form, email: e.target.value })}
            />
          </label>
          <label>
            Role
            <select value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as Role })}>
              {roles.map((r) => (
                <option key={r}>{r}</option>
              ))}
            </select>
          </label>
          <label>
            Initial password (12+ characters)
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
          Create account
        </button>
      </form>
    </section>
  );
}

function ApiKeys() {
  const client = useQueryClient();
  const keys = useQuery({
    queryKey: ['admin-keys'],
    queryFn: () => get<{ items: ApiKeyView[] }>('/api/v1/admin/api-keys?limit=100'),
  });
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>(['knowledge:read']);
  const [secret, setSecret] = useState<string>();
  const create = useMutation({
    mutationFn: () => post<ApiKeyView & { key: string }>('/api/v1/admin/api-keys', { name, scopes }),
    onSuccess: (created) => {
      setSecret(created.key);
      setName('');
      void client.invalidateQueries({ queryKey: ['admin-keys'] });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => post<ApiKeyView>(`/api/v1/admin/api-keys/${id}/revoke`),
    onSuccess: () => client.invalidateQueries({ queryKey: ['admin-keys'] }),
  });
  return (
    <section aria-label="API keys">
      <h2>API keys</h2>
      {secret && (
        <div className="warning" role="status">
          <p>Copy this key now: it is shown only once.</p>
          <label>
            API key (shown once)
            <input readOnly value={secret} onFocus={(e) => e.target.select()} />
          </label>
          <button type="button" className="small" onClick={() => setSecret(undefined)}>
            I have copied it
          </button>
        </div>
      )}
      <ErrorMessage error={keys.error ?? revoke.error} />
      <table>
        <thead>
          <tr>
            <th>Name</th>
            <th>Scopes</th>
            <th>Last used</th>
            <th>State</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {keys.data?.items.map((k) => (
            <tr key={k.id}>
              <td>
                {k.name} <span className="muted">ucdss_{k.prefix}_…</span>
              </td>
              <td>{k.scopes.join(', ')}</td>
              <td>{k.lastUsedAt ? new Date(k.lastUsedAt).toLocaleString() : 'never'}</td>
              <td>{k.revokedAt ? 'revoked' : 'active'}</td>
              <td>
                {!k.revokedAt && (
                  <button type="button" className="small danger" onClick={() => revoke.mutate(k.id)}>
                    Revoke
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form
        className="card"
        aria-label="New API key"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <h3>New API key</h3>
        <label>
          Key name
          <input required value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. Research registry" />
        </label>
        <fieldset>
          <legend>Scopes</legend>
          {apiKeyScopes.map((s) => (
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
        <ErrorMessage error={create.error} />
        <button type="submit" className="primary" disabled={create.isPending || scopes.length === 0}>
          Create key
        </button>
      </form>
    </section>
  );
}

function Model() {
  const client = useQueryClient();
  const info = useQuery({
    queryKey: ['admin-model'],
    queryFn: () => get<ModelInfo>('/api/v1/admin/model'),
    refetchInterval: (q) => (q.state.data?.training.status === 'training' ? TRAINING_POLL_MS : false),
  });
  const retrain = useMutation({
    mutationFn: () => post<ModelInfo>('/api/v1/admin/model/retrain'),
    onSuccess: (data) => client.setQueryData(['admin-model'], data),
  });
  const m = info.data?.current;
  const t = info.data?.training;
  const metric = (key: string) => {
    const v = m?.metrics[key];
    return typeof v === 'number' ? v.toFixed(3) : '—';
  };
  return (
    <section aria-label="Model">
      <h2>Model</h2>
      <ErrorMessage error={info.error ?? retrain.error} />
      {m ? (
        <p>
          Version <strong>{m.version}</strong> ({m.backend}), trained {new Date(m.createdAt).toLocaleString()}: top-1{' '}
          {metric('top1')}, top-3 {metric('top3')}, calibration error {metric('ece')} on held-out cases.
        </p>
      ) : (
        <p className="muted">No model recorded yet.</p>
      )}
      {t?.status === 'training' && (
        <p role="status">
          Training: {t.stage ?? 'starting'} {t.total ? `${t.done ?? 0}/${t.total}` : ''}{' '}
          <progress value={t.done ?? 0} max={t.total ?? 1} />
        </p>
      )}
      {t?.status === 'done' && (
        <p role="status">Retrained on the knowledge base and {t.confirmedCases ?? 0} confirmed diagnoses.</p>
      )}
      {t?.status === 'failed' && <p className="error">Training failed: {t.error}</p>}
      <button
        type="button"
        className="primary"
        onClick={() => retrain.mutate()}
        disabled={t?.status === 'training' || t?.status === 'unavailable'}
      >
        Retrain the model
      </button>
    </section>
  );
}

export function AdminPage() {
  return (
    <section>
      <h1>Administration</h1>
      <Model />
      <Users />
      <ApiKeys />
    </section>
  );
}
