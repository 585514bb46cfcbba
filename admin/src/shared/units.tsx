import { useTranslate } from 'react-admin';

interface UnitLike {
  code?: string;
  okeiCode?: string | null;
}

/** A unit as the reader writes it: by its OKEI code in the reader's language (796 → "шт" / "pcs"), else its own code. */
export const useUnitLabel = () => {
  const translate = useTranslate();
  return (unit: UnitLike | null | undefined) => (unit ? translate(`tradebook.units.${unit.okeiCode ?? '-'}`, { _: unit.code ?? '' }) : '');
};

export const UnitName = ({ unit }: { unit: UnitLike | null | undefined }) => <>{useUnitLabel()(unit)}</>;
