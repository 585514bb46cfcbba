import { Link } from '@mui/material';
import { useGetManyAggregate, useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { useCan } from '../permissions';
import { DOCUMENT_PERMISSIONS, type DocumentType } from './documentTypes';

const isDocumentType = (type: string): type is DocumentType => Object.hasOwn(DOCUMENT_PERMISSIONS, type);

/**
 * A document one record points at ("Stock transfer TR-2026-000003"), linked to it for a reader
 * who may open that type; its number read when the record does not carry it (a lot's recorder),
 * all such numbers of a page in one request per type.
 */
export const DocumentLink = ({ type, id, number, line }: { type: string; id: string; number?: string | null; line?: number }) => {
  const translate = useTranslate();
  const can = useCan();
  const readable = isDocumentType(type) && can(`${DOCUMENT_PERMISSIONS[type]}:read`);
  const { data } = useGetManyAggregate<{ id: string; number: string }>(type, { ids: [id] }, { enabled: readable && !number });
  const shown = number ?? data?.[0]?.number;
  const text = [translate(`resources.${type}.name`, { smart_count: 1, _: type }), shown, line ? translate('tradebook.documents.lineShort', { number: line }) : null].filter(Boolean).join(' ');
  return readable ? (
    <Link component={RouterLink} to={`/${type}/${encodeURIComponent(id)}/show`} onClick={(e) => e.stopPropagation()}>
      {text}
    </Link>
  ) : (
    <>{text}</>
  );
};
