// The documents of an application as its owner sees them: each a download link with its kind and size.
import { useTranslation } from 'react-i18next';
import { bracketed } from '../lib/i18n';
import { useRootData } from '../lib/root-data';

export function ApplicantDocuments({
  reference,
  documents,
}: {
  reference: string;
  documents: readonly { id: number; filename: string; kind: string; sizeBytes: number }[];
}) {
  const { t } = useTranslation();
  const { locale } = useRootData();
  return (
    <ul className="plain-list">
      {documents.map((doc) => (
        <li key={doc.id}>
          <a href={`/applications/${reference}/documents/${doc.id}`}>{doc.filename}</a>
          {bracketed(
            t('applications:documentFacts', {
              kind: t(`applications:documentKinds.${doc.kind}`),
              size: Math.ceil(doc.sizeBytes / 1024),
            }),
            locale,
          )}
        </li>
      ))}
    </ul>
  );
}
