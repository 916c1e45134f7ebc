// "Find what fits my shop": what the questionnaire asks, and the way in. Anyone may use it; no account needed.
import type { LinksFunction, MetaFunction } from '@remix-run/node';
import { useLocation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { pageTitle } from '../lib/meta';
import matchStyles from '../styles/match.css';
import { AppLink } from '../components/app-link';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: matchStyles }];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'match:title');

export default function MatchStart() {
  const { t } = useTranslation();
  // Answers already in the address (a shared link) are kept.
  const { search } = useLocation();
  return (
    <div className="narrow">
      <h1>{t('match:title')}</h1>
      <p className="lead">{t('match:intro.lead')}</p>
      <h2>{t('match:intro.askTitle')}</h2>
      <ul>
        {(['sector', 'needs', 'existing', 'money', 'district'] as const).map((key) => (
          <li key={key}>{t(`match:intro.ask.${key}`)}</li>
        ))}
      </ul>
      <p>{t('match:intro.private')}</p>
      <p>
        <AppLink to={`/match/sector${search}`} className="button start-button" role="button" draggable={false}>
          {t('match:intro.startButton')}
        </AppLink>
      </p>
    </div>
  );
}
