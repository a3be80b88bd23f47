// Single drugs (Mufradat) and compound formulations (Murakkabat) of the formulary.

import { routes } from '@unani/contracts/routes';
import { Link } from 'react-router';
import { api } from '../api/client.ts';
import { QueryStatus } from '../components/QueryStatus.tsx';
import { TableScroll } from '../components/TableScroll.tsx';
import { useTranslation } from '../i18n/i18n.ts';
import { Sources } from './Sources.tsx';
import { useKnowledgeEntry } from './useKnowledgeEntry.ts';

function List({ title, items }: { title: string; items: string[] }) {
  if (items.length === 0) return null;
  return (
    <>
      <h2>{title}</h2>
      <ul>
        {items.map((i) => (
          <li key={i}>{i}</li>
        ))}
      </ul>
    </>
  );
}

export function SingleDrugDetailPage() {
  const { t } = useTranslation();
  const drug = useKnowledgeEntry('single-drugs', (code) => api(routes.getSingleDrug, { params: { code } }));
  if (!drug.data) return <QueryStatus query={drug} />;
  const d = drug.data;
  return (
    <article>
      <p>
        <Link to="/knowledge?tab=single-drugs">{t('formulary.backDrugs')}</Link>
      </p>
      <h1>
        {d.name}{' '}
        {d.urduName && (
          <span className="urdu" lang="ur">
            {d.urduName}
          </span>
        )}
      </h1>
      <p className="muted">
        {[d.englishName, d.botanicalName && <em key="b">{d.botanicalName}</em>]
          .filter(Boolean)
          .map((x, i) => (i ? [' · ', x] : x))}
      </p>
      <TableScroll label={d.name}>
        <table>
          <tbody>
            <tr>
              <th>{t('formulary.partUsed')}</th>
              <td>{d.partUsed ?? '—'}</td>
            </tr>
            <tr>
              <th>{t('formulary.temperament')}</th>
              <td>{d.temperament ?? '—'}</td>
            </tr>
            <tr>
              <th>{t('formulary.usualDose')}</th>
              <td>{d.dose ?? '—'}</td>
            </tr>
          </tbody>
        </table>
      </TableScroll>
      <List title={t('formulary.actions')} items={d.actions} />
      <List title={t('formulary.cautions')} items={d.cautions} />
      <List title={t('formulary.contraindications')} items={d.contraindications} />
      {d.formulations.length > 0 && (
        <>
          <h2>{t('formulary.inFormulations')}</h2>
          <ul>
            {d.formulations.map((f) => (
              <li key={f.code}>
                <Link to={`/knowledge/formulations/${f.code}`}>{f.name}</Link>{' '}
                <span className="muted">{[f.dosageForm, f.quantity].filter(Boolean).join(' · ')}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      <Sources sources={d.sources} review={d.review} />
    </article>
  );
}

export function FormulationDetailPage() {
  const { t } = useTranslation();
  const formulation = useKnowledgeEntry('formulations', (code) => api(routes.getFormulation, { params: { code } }));
  if (!formulation.data) return <QueryStatus query={formulation} />;
  const f = formulation.data;
  return (
    <article>
      <p>
        <Link to="/knowledge?tab=formulations">{t('formulary.backFormulations')}</Link>
      </p>
      <h1>
        {f.name}{' '}
        {f.urduName && (
          <span className="urdu" lang="ur">
            {f.urduName}
          </span>
        )}
      </h1>
      <p className="muted">{f.dosageForm}</p>
      <p>
        <strong>{t('formulary.dose')}</strong> {f.dose}
      </p>
      <h2>{t('formulary.ingredients')}</h2>
      <TableScroll label={t('formulary.ingredients')}>
        <table>
          <tbody>
            {f.ingredients.map((i, n) => (
              <tr key={`${i.name}-${n}`}>
                <td>{i.drug ? <Link to={`/knowledge/single-drugs/${i.drug}`}>{i.name}</Link> : i.name}</td>
                <td>{i.quantity ?? t('formulary.noQuantity')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <List title={t('formulary.indications')} items={f.indications} />
      <List title={t('formulary.cautions')} items={f.cautions} />
      <List title={t('formulary.contraindications')} items={f.contraindications} />
      <Sources sources={f.sources} review={f.review} />
    </article>
  );
}
